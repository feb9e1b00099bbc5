// The page's texts, in the session's language: every "live.page.*" message from
// GET /api/texts. Placeholders are written {name}, as in the Python catalogues.

let texts = {};

export async function loadTexts() {
  const response = await fetch("/api/texts", { credentials: "same-origin" });
  const data = await response.json();
  texts = data.texts || {};
  document.documentElement.lang = data.language || "nl";
  return data.language;
}

/** The message `key` ("live.page." is added) with its {placeholders} filled in. */
export function t(key, values = {}) {
  const text = texts[`live.page.${key}`] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) =>
    name in values ? String(values[name]) : whole,
  );
}

/** The words for a stance from -2 (pole A) to +2 (pole B). */
export function stanceLabel(stance, field) {
  if (stance === 0) return t("stance.middle");
  const pole = stance < 0 ? field.pole_a : field.pole_b;
  return t(Math.abs(stance) === 2 ? "stance.full" : "stance.lean", { pole });
}
