// The values toward each pole: a search box filtering one list, the card's own values
// first; each value has a box toward pole A and one toward pole B (never both).

import { el, folded, uid } from "./dom.js";
import { t } from "./texts.js";

export function valuesPicker(state) {
  const field = state.card.field;
  const own = state.card.values || [];
  const ownIds = new Set(own.map((v) => v.id));
  const others = (state.all_values || []).filter((v) => !ownIds.has(v.id));
  const searchId = uid("search");
  const search = el("input", { type: "search", id: searchId, autocomplete: "off" });
  const summary = el("p", { class: "picked" });
  const noMatch = el("p", { class: "no-match", hidden: true }, t("values.no_match"));
  const list = el("ul", { class: "value-list" });
  if (own.length) list.append(el("li", { class: "group" }, t("values.on_card")));
  for (const value of own) list.append(valueRow(value, field));
  if (others.length) list.append(el("li", { class: "group" }, t("values.others")));
  for (const value of others) list.append(valueRow(value, field));
  const node = el(
    "fieldset",
    { class: "values" },
    el("legend", {}, t("values.legend")),
    el("label", { for: searchId }, t("values.search")),
    search,
    summary,
    list,
    noMatch,
  );
  const picker = { node, summary, list, field, state };
  search.addEventListener("input", () => filter(picker, search.value, noMatch));
  list.addEventListener("change", (event) => exclusive(picker, event.target));
  showSummary(picker);
  return {
    node,
    get: () => picked(picker),
    set: (values) => setPicked(picker, values),
  };
}

function valueRow(value, field) {
  const row = el("li", { class: "value", "data-search": folded(value.name) });
  const box = (pole, name) => {
    const id = uid("v");
    const arrowA = pole === "a" ? el("span", { "aria-hidden": "true" }, "◀ ") : null;
    const arrowB = pole === "b" ? el("span", { "aria-hidden": "true" }, " ▶") : null;
    return el(
      "span",
      { class: `toward toward-${pole}` },
      el("input", { type: "checkbox", id, "data-value": value.id, "data-pole": pole }),
      el(
        "label",
        { for: id },
        arrowA,
        el("span", { class: "sr-only" }, `${value.name}: `),
        t("values.toward", { pole: name }),
        arrowB,
      ),
    );
  };
  row.append(
    el("span", { class: "name" }, value.name),
    value.description ? el("span", { class: "description" }, value.description) : "",
    el("span", { class: "boxes" }, box("a", field.pole_a), box("b", field.pole_b)),
  );
  return row;
}

function exclusive(picker, input) {
  if (input.checked) {
    const other = input.dataset.pole === "a" ? "b" : "a";
    const twin = picker.list.querySelector(
      `input[data-pole="${other}"][data-value="${CSS.escape(input.dataset.value)}"]`,
    );
    if (twin) twin.checked = false;
  }
  showSummary(picker);
}

function filter(picker, query, noMatch) {
  const wanted = folded(query).trim();
  let shown = 0;
  for (const row of picker.list.querySelectorAll("li.value")) {
    const ticked = row.querySelector("input:checked") !== null;
    const match = !wanted || row.dataset.search.includes(wanted) || ticked;
    row.hidden = !match;
    if (match) shown += 1;
  }
  for (const group of picker.list.querySelectorAll("li.group")) group.hidden = Boolean(wanted);
  noMatch.hidden = shown > 0;
}

function picked(picker) {
  const of = (pole) =>
    [...picker.list.querySelectorAll(`input[data-pole="${pole}"]:checked`)].map(
      (input) => input.dataset.value,
    );
  return { a: of("a"), b: of("b") };
}

function setPicked(picker, values) {
  const want = { a: new Set(values.a || []), b: new Set(values.b || []) };
  for (const input of picker.list.querySelectorAll("input[type=checkbox]")) {
    input.checked = want[input.dataset.pole].has(input.dataset.value);
  }
  showSummary(picker);
}

function showSummary(picker) {
  const { a, b } = picked(picker);
  const names = (ids) =>
    ids.length
      ? ids
          .map((id) => picker.list.querySelector(`input[data-value="${CSS.escape(id)}"]`))
          .map((input) => input.closest("li").querySelector(".name").textContent)
          .join(", ")
      : t("values.none");
  picker.summary.replaceChildren(
    el("span", {}, t("reveal.toward", { pole: picker.field.pole_a, values: names(a) })),
    el("br"),
    el("span", {}, t("reveal.toward", { pole: picker.field.pole_b, values: names(b) })),
  );
}
