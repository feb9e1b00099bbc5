// What every answer form does: it notes a change not yet saved, submits with a
// request_id, says the outcome in words (and in the page's live region), and fills
// itself from the team's saved answer unless the team is busy changing it.

import { reason, submit } from "./api.js";
import { el } from "./dom.js";
import { failureText, outcomeLine, setOutcome } from "./fields.js";
import { t } from "./texts.js";

/**
 * spec: {title, path, parts: [nodes], submitLabel, collect() -> payload | string
 * (a string is a problem to say), savedText, fill(mine), context: {announce, released},
 * part: true for a part of a partsForm (no button of its own; pendingText until saved)}
 */
export function answerForm(spec) {
  const outcome = outcomeLine();
  const part = Boolean(spec.part); // one part of a form with one button (the closing step)
  const button = part ? null : el("button", { type: "submit", class: "primary" }, spec.submitLabel);
  const form = el(
    part ? "div" : "form",
    { class: `answer ${spec.className || ""}`, novalidate: part ? null : true },
    spec.parts,
    el("div", { class: "actions" }, button, outcome),
  );
  const self = { node: form, outcome, dirty: false, saved: null, busy: false };
  if (part) setOutcome(outcome, "dirty", spec.pendingText);
  form.addEventListener("input", () => {
    self.dirty = true;
    if (self.saved !== null) setOutcome(outcome, "dirty", t("unsaved"));
  });
  if (!part) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      send(spec, self, button, outcome);
    });
  }
  // a part sends itself when the whole form is submitted; one already saved and not
  // changed since is left as it is
  self.send = async () => (self.saved !== null && !self.dirty) || send(spec, self, button, outcome);
  self.update = (mine) => {
    const key = JSON.stringify(mine ?? null);
    if (key === self.savedKey) return;
    self.savedKey = key;
    self.saved = mine ?? null;
    // a submit under way, or the team is changing it: keep what it typed
    if (self.busy || self.dirty) return;
    if (mine) {
      spec.fill(mine);
      setOutcome(outcome, "saved", spec.savedText);
    }
  };
  self.disable = (off) => {
    if (button) button.disabled = off;
  };
  return self;
}

/** One form with one button around answer parts: submitting sends each part in turn,
 * each its own request (and request_id), each with its own outcome line. */
export function partsForm(parts, submitLabel, className, announce) {
  const button = el("button", { type: "submit", class: "primary" }, submitLabel);
  const form = el(
    "form",
    { class: `answer ${className}`, novalidate: true },
    parts.map((p) => p.node),
    el("div", { class: "actions" }, button),
  );
  const self = { node: form, paused: false, update() {} };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    button.disabled = true;
    for (const p of parts) await p.send();
    button.disabled = self.paused;
    // the live region says every part's outcome, not only the last one's
    announce(parts.map((p) => p.outcome.textContent).join(" "));
  });
  self.disable = (off) => {
    self.paused = off;
    button.disabled = off;
  };
  return self;
}

async function send(spec, self, button, outcome) {
  const payload = spec.collect();
  if (typeof payload === "string") {
    setOutcome(outcome, "problem", payload);
    spec.context.announce(payload);
    return false;
  }
  self.busy = true;
  if (button) button.disabled = true;
  setOutcome(outcome, "saving", t("saving"));
  const answer = await submit(spec.path, payload);
  self.busy = false;
  if (button) button.disabled = false;
  if (answer.status === 200) {
    self.dirty = false;
    self.saved = self.saved ?? payload;
    setOutcome(outcome, "saved", spec.savedText);
    spec.context.announce(spec.savedText);
    return true;
  }
  if (answer.status === 401) {
    spec.context.released();
    return false;
  }
  const text = failureText(answer, reason(answer.data));
  setOutcome(outcome, "problem", text);
  spec.context.announce(text);
  return false;
}
