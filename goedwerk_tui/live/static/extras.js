// The rest of what a team answers: a variation's quick stance ("Maar wat als...?"),
// the before/after measure (three statements rated 1-5) and the closing action.

import { teamName } from "./card.js";
import { el, paragraphs, uid } from "./dom.js";
import { checkedValue, radioGroup, setChecked, stanceGroup } from "./fields.js";
import { answerForm } from "./forms.js";
import { stanceLabel, t } from "./texts.js";

export const MAX_REASON = 200;
export const MAX_ACTION = 500;
const GOALS = ["ownership", "meaningfulness", "identification"];

export function variationForm(state, context) {
  const variation = state.variation;
  const field = state.card.field;
  const stance = stanceGroup(t("variation.legend"), field);
  const reasonId = uid("reason");
  const reason = el("input", { type: "text", id: reasonId, maxlength: MAX_REASON });
  const form = answerForm({
    className: "variation-form",
    path: "/api/stance",
    submitLabel: t("variation.submit"),
    savedText: t("variation.saved"),
    context,
    parts: [
      stance,
      el(
        "div",
        { class: "text-field" },
        el("label", { for: reasonId }, t("variation.reason")),
        reason,
      ),
    ],
    collect() {
      const chosen = checkedValue(stance);
      if (chosen === null) return t("need_stance");
      return {
        card: state.card.id,
        variation: variation.number,
        stance: Number(chosen),
        reason: reason.value.trim(),
      };
    },
    fill(mine) {
      setChecked(stance, mine.stance);
      reason.value = mine.reason || "";
    },
  });
  // as the terminal's dialog: start where the team stood on the card, so staying is one tap
  setChecked(stance, cardStance(state));
  return form;
}

/** The team's own stance on the card (its choice in the reveal, else its own), or null. */
function cardStance(state) {
  const own = ((state.reveal && state.reveal.choices) || []).find(
    (c) => state.me && c.team === state.me.id,
  );
  if (own) return own.stance;
  return state.mine ? state.mine.stance : null;
}

/** How a team moved under the variation, the terminal's way. */
function movedText(first, stance, field) {
  const after = stanceLabel(stance, field);
  if (!first) return after;
  const before = stanceLabel(first.stance, field);
  const steps = stance - first.stance;
  if (steps === 0) return t("variation.stayed", { stance: before });
  const count = Math.abs(steps);
  const pole = steps < 0 ? field.pole_a : field.pole_b;
  const values = { before, after, count, pole };
  return count === 1 ? t("variation.moved.one", values) : t("variation.moved.other", values);
}

/** The variation's text, and after its reveal who moved where. */
export function variationSection(state, form) {
  const variation = state.variation;
  const field = state.card.field;
  const before = new Map(((state.reveal && state.reveal.choices) || []).map((c) => [c.team, c]));
  const moved = (variation.stances || []).map((s) => {
    return el(
      "li",
      {},
      el("strong", {}, teamName(state, s.team)),
      `: ${movedText(before.get(s.team), s.stance, field)}`,
      s.reason ? el("span", { class: "reason" }, ` (${s.reason})`) : "",
    );
  });
  return el(
    "section",
    { class: "variation", "aria-labelledby": "variation-title" },
    el("h2", { id: "variation-title", tabindex: "-1" }, t("variation.title")),
    el("div", { class: "variation-text" }, paragraphs(variation.text)),
    ownBefore(state, before),
    variation.revealed ? el("h3", {}, t("variation.revealed")) : null,
    variation.revealed ? el("ul", { class: "moved" }, moved) : null,
    variation.revealed ? null : form.node,
  );
}

function ownBefore(state, before) {
  const mine = state.me && before.get(state.me.id);
  if (!mine) return null;
  const stance = stanceLabel(mine.stance, state.card.field);
  return el("p", { class: "before" }, t("variation.before", { stance }));
}

export function measureForm(state, context, part = false) {
  const measure = state.measure;
  const statements = measure.statements || {};
  const goals = GOALS.filter((g) => g in statements);
  const scale = [1, 2, 3, 4, 5].map((n) => [n, t(`measure.${n}`)]);
  const groups = goals.map((goal) => [goal, radioGroup(statements[goal], scale, "scale")]);
  return answerForm({
    className: "measure-form",
    path: "/api/measure",
    submitLabel: t("measure.submit"),
    savedText: t("measure.saved"),
    pendingText: t("closing.measure.pending"),
    part,
    context,
    parts: [
      el(
        state.phase === "closing" ? "h2" : "h1", // in the closing step it follows the action
        { id: "measure-title", tabindex: "-1" },
        t(`measure.title.${measure.moment}`),
      ),
      el("p", {}, t("measure.intro")),
      groups.map(([, group]) => group),
    ],
    collect() {
      const scores = {};
      for (const [goal, group] of groups) {
        const value = checkedValue(group);
        if (value === null) return t("measure.incomplete");
        scores[goal] = Number(value);
      }
      return { moment: measure.moment, scores };
    },
    fill(mine) {
      const scores = mine.scores || mine;
      for (const [goal, group] of groups) setChecked(group, scores[goal] ?? null);
    },
  });
}

export function actionForm(state, context, part = false) {
  const textId = uid("action");
  const text = el("textarea", { id: textId, maxlength: MAX_ACTION, rows: 4 });
  return answerForm({
    className: "action-form",
    path: "/api/action",
    submitLabel: t("action.submit"),
    savedText: t("action.saved"),
    pendingText: t("closing.action.pending"),
    part,
    context,
    parts: [
      el("h1", { id: "action-title", tabindex: "-1" }, t("action.title")),
      el("p", {}, t("action.intro")),
      el("div", { class: "text-field" }, el("label", { for: textId }, t("action.label")), text),
    ],
    collect() {
      const typed = text.value.trim();
      return typed ? { text: typed } : t("action.empty");
    },
    fill(mine) {
      text.value = typeof mine === "string" ? mine : mine.text || "";
    },
  });
}
