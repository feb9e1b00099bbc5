// Form parts shared by the choice, the variation and the measure: radio groups in a
// fieldset with a legend, each step labelled in words (nothing rests on colour).

import { el, uid } from "./dom.js";
import { stanceLabel, t } from "./texts.js";

const STANCES = [-2, -1, 0, 1, 2];

/** A radio group: `steps` are [value, label] pairs; `extra` goes after the legend. */
export function radioGroup(legend, steps, className, extra = null) {
  const name = uid("radio");
  const items = steps.map(([value, label]) => {
    const id = uid("r");
    return el(
      "li",
      {},
      el("input", { type: "radio", name, id, value: String(value) }),
      el("label", { for: id }, label),
    );
  });
  return el(
    "fieldset",
    { class: `radios ${className}` },
    el("legend", {}, legend),
    extra,
    el("ul", {}, items),
  );
}

/** The five steps between the card's two poles. */
export function stanceGroup(legend, field) {
  const steps = STANCES.map((stance) => [stance, stanceLabel(stance, field)]);
  const group = radioGroup(legend, steps, "stance");
  group.querySelector("legend").after(
    el(
      "p",
      { class: "poles", "aria-hidden": "true" },
      el("span", { class: "pole pole-a" }, `◀ ${field.pole_a}`),
      el("span", { class: "pole pole-b" }, `${field.pole_b} ▶`),
    ),
  );
  return group;
}

/** The checked value of a radio group, or null. */
export function checkedValue(group) {
  const input = group.querySelector("input:checked");
  return input ? input.value : null;
}

/** Check the radio with `value` (null: none). */
export function setChecked(group, value) {
  for (const input of group.querySelectorAll("input")) {
    input.checked = value !== null && value !== undefined && input.value === String(value);
  }
}

/** A line under a form: what happened to the last submit, in words and a mark. */
export function outcomeLine() {
  return el("p", { class: "outcome", "data-kind": "none" });
}

export function setOutcome(line, kind, text) {
  line.dataset.kind = kind;
  const mark = { saved: "✓ ", problem: "⚠ ", saving: "", dirty: "✎ ", none: "" }[kind] || "";
  line.textContent = text ? `${mark}${text}` : "";
}

/** Explain a refused or failed submit in one line. */
export function failureText(answer, why) {
  if (answer.status === 0 || answer.status >= 500) return t("network");
  if (answer.status === 409) return t("too_late");
  if (answer.status === 413) return t("too_long");
  return why ? t("not_saved", { reason: why }) : t("network");
}
