// The team's choice on the open card: stance, option, values, rationale.

import { el, uid } from "./dom.js";
import { checkedValue, radioGroup, setChecked, stanceGroup } from "./fields.js";
import { answerForm } from "./forms.js";
import { t } from "./texts.js";
import { valuesPicker } from "./values.js";

export const MAX_RATIONALE = 500;

export function choiceForm(state, context) {
  const card = state.card;
  const field = card.field;
  const legend = t("stance.legend", { pole_a: field.pole_a, pole_b: field.pole_b });
  const stance = stanceGroup(legend, field);
  const options = card.options || [];
  const option = options.length
    ? radioGroup(
        t("option.legend"),
        [...options.map((o) => [o.letter, `${o.letter}. ${o.text}`]), ["", t("option.none")]],
        "option",
      )
    : null;
  const values = valuesPicker(state);
  const rationaleId = uid("rationale");
  const rationale = el("textarea", { id: rationaleId, maxlength: MAX_RATIONALE, rows: 3 });
  const form = answerForm({
    className: "choice-form",
    path: "/api/choice",
    submitLabel: t("submit"),
    savedText: t("saved"),
    context,
    parts: [
      el("h2", { id: "form-title" }, t("form.title")),
      stance,
      option,
      values.node,
      el(
        "div",
        { class: "text-field" },
        el("label", { for: rationaleId }, t("rationale")),
        rationale,
      ),
    ],
    collect() {
      const chosen = checkedValue(stance);
      if (chosen === null) return t("need_stance");
      const picked = values.get();
      if (!picked.a.length && !picked.b.length) return t("need_value");
      const letter = option ? checkedValue(option) : null;
      return {
        card: card.id,
        stance: Number(chosen),
        option: letter ? letter : null,
        values: picked,
        rationale: rationale.value.trim(),
      };
    },
    fill(mine) {
      setChecked(stance, mine.stance);
      if (option) setChecked(option, mine.option ?? "");
      values.set(mine.values || { a: [], b: [] });
      rationale.value = mine.rationale || "";
    },
  });
  form.node.setAttribute("aria-labelledby", "form-title");
  return form;
}
