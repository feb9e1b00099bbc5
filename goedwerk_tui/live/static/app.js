// The device page of a live session: pick a team, then follow the session's state
// (server-sent events) and answer what is asked now. Nothing is kept on the device:
// no storage, only the HttpOnly session cookie the laptop set when the team joined.

import { getJSON } from "./api.js";
import { cardSection, reflectionSection, revealSection, teamsSection } from "./card.js";
import { choiceForm } from "./choice.js";
import { el, fill } from "./dom.js";
import { partsForm } from "./forms.js";
import { actionForm, measureForm, variationForm, variationSection } from "./extras.js";
import { showPicker } from "./picker.js";
import { loadTexts, t } from "./texts.js";

const code = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");
const view = document.getElementById("view");
const status = document.getElementById("status");
const notice = document.getElementById("notice");
const me = document.getElementById("me");
const context = { announce, released: () => toPicker(t("released")) };

const GRACE_MS = 2500; // a stream that comes back this soon was only a blip

let source = null;
let screen = { key: null, forms: [], teams: null };
let offline = false;
let lostTimer = null;
let finished = false; // the last state said the session itself has ended

function announce(text) {
  status.textContent = text;
}

function showNotice(text) {
  notice.hidden = !text;
  notice.textContent = text || "";
}

async function boot() {
  try {
    await loadTexts();
  } catch {
    fill(view, el("p", { role: "alert" }, "Goed Werk: …"));
    return;
  }
  document.title = t("title");
  const answer = await getJSON("/api/state");
  view.removeAttribute("aria-busy");
  if (answer.status === 200) {
    render(answer.data);
    connect();
  } else {
    await toPicker("");
  }
}

async function toPicker(message) {
  disconnect();
  screen = { key: null, forms: [], teams: null };
  me.hidden = true;
  showNotice("");
  document.title = t("title");
  await showPicker(view, code, joined, message);
  if (message) announce(message);
  focusFirst();
}

function joined(team) {
  announce(t("pick.joined", { team: team.name }));
  connect();
}

function connect() {
  disconnect();
  source = new EventSource("/api/events");
  source.addEventListener("state", (event) => render(JSON.parse(event.data)));
  source.addEventListener("released", () => toPicker(t("released")));
  source.addEventListener("ended", () => showEnded(finished));
  source.addEventListener("open", () => {
    clearTimeout(lostTimer);
    lostTimer = null;
    if (offline) announce(t("online"));
    if (offline) showNotice("");
    offline = false;
  });
  source.addEventListener("error", () => lost());
}

function disconnect() {
  if (source) source.close();
  source = null;
  clearTimeout(lostTimer);
  lostTimer = null;
}

/** The connection dropped: EventSource tries again by itself unless it gave up. */
function lost() {
  if (source && source.readyState === EventSource.CLOSED) {
    disconnect();
    setTimeout(retry, 3000);
  }
  if (lostTimer === null && !offline) lostTimer = setTimeout(sayOffline, GRACE_MS);
}

function sayOffline() {
  lostTimer = null;
  offline = true;
  showNotice(t("offline"));
  announce(t("offline"));
}

async function retry() {
  const answer = await getJSON("/api/state");
  if (answer.status === 401) return toPicker(t("released"));
  if (answer.status === 200) {
    render(answer.data);
    return connect();
  }
  setTimeout(retry, 3000);
}

/** The live part is over: the session finished, or the facilitator stopped (and may
 * resume it later with a new join code). */
function showEnded(done) {
  disconnect();
  screen = { key: "ended", forms: [], teams: null };
  showNotice("");
  const title = done ? t("ended.title") : t("stopped.title");
  fill(view, el("h1", { tabindex: "-1" }, title), el("p", {}, done ? t("ended") : t("stopped")));
  announce(title);
  focusFirst();
}

function render(state) {
  finished = state.phase === "ended";
  if (state.live === "ended" || finished) return showEnded(finished);
  if (state.me) {
    me.hidden = false;
    me.textContent = t("me", { team: state.me.name });
    document.title = `${state.me.name} · ${t("title")}`;
  }
  const paused = state.live === "paused";
  showNotice(paused ? t("paused") : offline ? t("offline") : "");
  const key = screenKey(state);
  if (key !== screen.key) build(state, key);
  else if (screen.teams) screen.teams.replaceWith((screen.teams = teamsSection(state)));
  for (const [form, mine] of screen.forms.map((f) => [f, f.mine(state)])) {
    form.update(mine);
    form.disable(paused);
  }
}

function screenKey(state) {
  const v = state.variation;
  return [
    state.phase,
    state.round,
    state.card && state.card.id,
    state.reveal ? "revealed" : "",
    v ? `${v.number}:${v.revealed}` : "",
    state.measure ? state.measure.moment : "",
  ].join("|");
}

/** What the team sees now, built anew when the session moved on. */
function build(state, key) {
  const newCard = !screen.key || screen.key.split("|")[2] !== String(state.card && state.card.id);
  const parts = [];
  const forms = [];
  const add = (form, mine) => {
    form.mine = mine;
    forms.push(form);
    return form;
  };
  if (state.phase === "closing") closingParts(state, parts, add);
  else if (state.measure) {
    parts.push(add(measureForm(state, context), (s) => s.measure && s.measure.mine).node);
  }
  if (state.phase === "starting") parts.push(waiting("waiting.start"));
  if (state.card && (state.phase === "choosing" || state.phase === "revealed")) {
    cardParts(state, parts, add);
  }
  const teams = state.phase === "ended" ? null : teamsSection(state);
  fill(view, parts, teams);
  screen = { key, forms, teams };
  const heading = focusTarget(state);
  if (newCard) window.scrollTo(0, 0);
  announce(heading ? heading.textContent : "");
  if (heading) heading.focus();
}

/** The closing step: the action, and with the measure the scores after, under ONE
 * button that sends both (a team that sent only one part thought it was done). */
function closingParts(state, parts, add) {
  if (!state.measure) {
    parts.push(add(actionForm(state, context), (s) => s.action).node);
    return;
  }
  const action = add(actionForm(state, context, true), (s) => s.action);
  const measure = add(measureForm(state, context, true), (s) => s.measure && s.measure.mine);
  const both = partsForm([action, measure], t("closing.submit"), "closing-form", announce);
  add(both, () => null);
  parts.push(both.node);
}

function cardParts(state, parts, add) {
  if (state.variation) {
    const form = add(variationForm(state, context), (s) => s.variation && s.variation.mine);
    parts.push(variationSection(state, form));
  }
  parts.push(cardSection(state));
  if (state.phase === "choosing") {
    parts.push(add(choiceForm(state, context), (s) => s.mine).node);
    return;
  }
  parts.push(state.reveal ? revealSection(state) : el("p", { class: "skipped" }, t("skipped")));
  if (state.reveal) parts.push(reflectionSection(state.card));
  if (!state.variation || state.variation.revealed) parts.push(waiting("waiting.next"));
}

function waiting(key) {
  return el("p", { class: "waiting" }, t(key));
}

function focusTarget(state) {
  const ids = ["variation-title", "reveal-title", "measure-title", "action-title", "card-title"];
  if (state.phase === "closing") ids.unshift("action-title");
  for (const id of ids) {
    const node = document.getElementById(id);
    if (node) return node;
  }
  return null;
}

function focusFirst() {
  const heading = view.querySelector("h1");
  if (heading) heading.focus();
}

boot();
