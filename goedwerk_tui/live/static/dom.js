// Small helpers to build the page. Every text from the deck, the teams or the
// server goes in as a text node (textContent), never as markup.

/** An element: el("p", {class: "x", id: "y"}, "text", child, ...). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

/** Children added to a node: strings become text nodes; null and false are left out. */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** The node emptied, then filled with the children. */
export function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** Paragraphs of a deck text: blank lines part them, single line breaks are spaces. */
export function paragraphs(text, attrs = {}) {
  return String(text ?? "")
    .split(/\n\s*\n/)
    .map((part) => part.replace(/\s*\n\s*/g, " ").trim())
    .filter((part) => part)
    .map((part) => el("p", attrs, part));
}

let counter = 0;
/** A fresh id for an element (labels point at their controls by id). */
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Letters, digits and spaces of a text, lower case, without accents: for searching. */
export function folded(text) {
  return String(text ?? "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}
