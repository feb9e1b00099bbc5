// What every answer form does: it notes a change not yet saved, submits with a
// request_id, says the outcome in words (and in the page's live region), and fills
// itself from the team's saved answer unless the team is busy changing it.

import { reason, submit } from "./api.js";
import { el } from "./dom.js";
import { failureText, outcomeLine, setOutcome } from "./fields.js";
import { t } from "./texts.js";

/**
 * spec: {title, path, parts: [nodes], submitLabel, collect() -> payload | string
 * (a string is a problem to say), savedText, fill(mine), context: {announce, released}}
 */
export function answerForm(spec) {
  const outcome = outcomeLine();
  const button = el("button", { type: "submit", class: "primary" }, spec.submitLabel);
  const form = el(
    "form",
    { class: `answer ${spec.className || ""}`, novalidate: true },
    spec.parts,
    el("div", { class: "actions" }, button, outcome),
  );
  const self = { node: form, dirty: false, saved: null, busy: false };
  form.addEventListener("input", () => {
    self.dirty = true;
    if (self.saved !== null) setOutcome(outcome, "dirty", t("unsaved"));
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send(spec, self, button, outcome);
  });
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
    button.disabled = off;
  };
  return self;
}

async function send(spec, self, button, outcome) {
  const payload = spec.collect();
  if (typeof payload === "string") {
    setOutcome(outcome, "problem", payload);
    spec.context.announce(payload);
    return;
  }
  self.busy = true;
  button.disabled = true;
  setOutcome(outcome, "saving", t("saving"));
  const answer = await submit(spec.path, payload);
  self.busy = false;
  button.disabled = false;
  if (answer.status === 200) {
    self.dirty = false;
    self.saved = self.saved ?? payload;
    setOutcome(outcome, "saved", spec.savedText);
    spec.context.announce(spec.savedText);
    return;
  }
  if (answer.status === 401) {
    spec.context.released();
    return;
  }
  const text = failureText(answer, reason(answer.data));
  setOutcome(outcome, "problem", text);
  spec.context.announce(text);
}
