// The card as the team reads it, the teams' progress, and the reveal.

import { el, paragraphs } from "./dom.js";
import { stanceLabel, t } from "./texts.js";

export const STANCES = [-2, -1, 0, 1, 2];

/** The card: title, the two poles, the setting, the situation, options, questions. */
export function cardSection(state) {
  const card = state.card;
  const field = card.field;
  const options = card.options || [];
  const questions = card.questions || [];
  return el(
    "section",
    { class: "card", "aria-labelledby": "card-title" },
    el("p", { class: "round" }, state.round ? t("round", { n: state.round }) : ""),
    el("h1", { id: "card-title", tabindex: "-1" }, card.title),
    el(
      "p",
      { class: "poles" },
      el("span", { class: "pole pole-a" }, `◀ ${field.pole_a}`),
      el("span", { class: "sr-only" }, ` ${t("poles.versus")} `),
      el("span", { class: "pole pole-b" }, `${field.pole_b} ▶`),
    ),
    card.setting ? el("p", { class: "setting" }, card.setting) : null,
    el("div", { class: "situation" }, paragraphs(card.situation)),
    options.length ? el("h2", {}, t("options")) : null,
    options.length
      ? el("ol", { class: "options" }, options.map((o) => optionItem(o)))
      : null,
    questions.length ? el("h2", {}, t("questions")) : null,
    questions.length
      ? el("ul", { class: "questions" }, questions.map((q) => el("li", {}, q)))
      : null,
  );
}

function optionItem(option) {
  return el("li", {}, el("span", { class: "letter" }, `${option.letter}. `), option.text);
}

/** Who has answered what is asked now: only "answered" or "not yet", never what. */
export function teamsSection(state) {
  const items = (state.teams || []).map((team) =>
    el(
      "li",
      { class: team.answered ? "answered" : "not-yet" },
      el("span", { class: "mark", "aria-hidden": "true" }, team.answered ? "✓" : "…"),
      el("span", {}, team.name),
      state.me && team.id === state.me.id ? ` ${t("you")}` : "",
      el("span", { class: "state" }, ` ${team.answered ? t("answered") : t("not_yet")}`),
    ),
  );
  return el(
    "section",
    { class: "progress", "aria-labelledby": "teams-title" },
    el("h2", { id: "teams-title" }, t("teams")),
    el("ul", { class: "teams" }, items),
  );
}

/** A team's name from its id (or the name itself, when the server gave that). */
export function teamName(state, team) {
  const found = (state.teams || []).find((t) => t.id === team || t.name === team);
  return found ? found.name : String(team);
}

export function valueName(state, id) {
  const all = [...((state.card && state.card.values) || []), ...(state.all_values || [])];
  const found = all.find((v) => v.id === id);
  return found ? found.name : String(id);
}

/** The reveal: every team on the axis, then each team's option, values and rationale. */
export function revealSection(state) {
  const field = state.card.field;
  const choices = state.reveal.choices || [];
  const axis = el("ol", { class: "axis" });
  for (const stance of STANCES) {
    const here = choices.filter((c) => c.stance === stance);
    axis.append(
      el(
        "li",
        { class: here.length ? "taken" : "empty" },
        el("span", { class: "step" }, `${stanceLabel(stance, field)}: `),
        el("span", { class: "who" }, here.map((c) => label(state, c)).join(", ") || "—"),
      ),
    );
  }
  return el(
    "section",
    { class: "reveal", "aria-labelledby": "reveal-title" },
    el("h2", { id: "reveal-title", tabindex: "-1" }, t("reveal.title")),
    el("h3", {}, t("reveal.axis", { pole_a: field.pole_a, pole_b: field.pole_b })),
    axis,
    el("h3", {}, t("reveal.choices")),
    el("ul", { class: "choices" }, choices.map((c) => choiceItem(state, c))),
  );
}

function label(state, choice) {
  const name = teamName(state, choice.team);
  const mine = state.me && (choice.team === state.me.id || choice.team === state.me.name);
  return mine ? `${name} ${t("you")}` : name;
}

function choiceItem(state, choice) {
  const field = state.card.field;
  const option = (state.card.options || []).find((o) => o.letter === choice.option);
  const values = choice.values || { a: [], b: [] };
  const names = (ids) => ids.map((id) => valueName(state, id)).join(", ");
  return el(
    "li",
    { class: "choice" },
    el("h4", {}, label(state, choice)),
    el("p", {}, `${t("reveal.stance")}: ${stanceLabel(choice.stance, field)}`),
    el(
      "p",
      {},
      option
        ? t("reveal.option", { letter: option.letter, text: option.text })
        : t("reveal.no_option"),
    ),
    toward(field.pole_a, names(values.a)),
    toward(field.pole_b, names(values.b)),
    choice.rationale ? el("blockquote", {}, paragraphs(choice.rationale)) : null,
  );
}

function toward(pole, values) {
  return values ? el("p", {}, t("reveal.toward", { pole, values })) : null;
}

/** The card's reflection, read after the reveal. */
export function reflectionSection(card) {
  if (!card.reflection) return null;
  return el(
    "section",
    { class: "reflection", "aria-labelledby": "reflection-title" },
    el("h2", { id: "reflection-title" }, t("reflection")),
    paragraphs(card.reflection),
  );
}
