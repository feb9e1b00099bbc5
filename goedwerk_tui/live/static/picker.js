// The team picker: the unclaimed teams of GET /api/join/{code}, one button each.

import { getJSON, postJSON, reason } from "./api.js";
import { el, fill } from "./dom.js";
import { t } from "./texts.js";

/**
 * Show the picker in `view`; `joined(team)` is called once a team is claimed. After a
 * refused claim of `wanted`, the notice says it was taken when the fresh list shows so.
 */
export async function showPicker(view, code, joined, notice = "", wanted = null) {
  const answer = await getJSON(`/api/join/${encodeURIComponent(code)}`);
  if (answer.status !== 200) {
    fill(view, el("h1", { tabindex: "-1" }, t("pick.title")), refusal(answer.status));
    return null;
  }
  const info = answer.data;
  const teams = info.teams || [];
  if (wanted && teams.some((team) => team.id === wanted.id && team.claimed)) {
    notice = t("pick.taken", { team: wanted.name });
  }
  const free = teams.filter((team) => !team.claimed);
  const message = el("p", { class: "problem", id: "pick-problem", role: "alert" });
  if (notice) message.textContent = notice;
  const list = el("ul", { class: "teams-pick" });
  for (const team of free) {
    const button = el("button", { type: "button", class: "pick" }, team.name);
    button.addEventListener("click", () => claim(view, code, team, joined, message));
    list.append(el("li", {}, button));
  }
  fill(
    view,
    el("h1", { tabindex: "-1", id: "pick-title" }, t("pick.title")),
    el("p", { class: "deck-title" }, info.title || ""),
    message,
    free.length ? el("p", {}, t("pick.intro")) : el("p", {}, t("pick.none")),
    free.length ? list : null,
  );
  return info;
}

async function claim(view, code, team, joined, message) {
  for (const button of view.querySelectorAll("button.pick")) button.disabled = true;
  const answer = await postJSON("/api/join", { code, team: team.id });
  if (answer.status === 200) {
    joined(answer.data.team || team);
    return;
  }
  if (answer.status === 409) {
    // taken by another device meanwhile, or the live part is paused or over
    await showPicker(view, code, joined, sentence(reason(answer.data)), team);
  } else {
    const notice = refusalText(answer.status);
    message.textContent = notice;
    for (const button of view.querySelectorAll("button.pick")) button.disabled = false;
  }
}

/** The server's one-line reason as a sentence of its own (it writes them lower case). */
function sentence(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : "";
}

function refusalText(status) {
  if (status === 403 || status === 404) return t("pick.wrong_code");
  if (status === 429) return t("pick.too_many");
  return t("offline");
}

function refusal(status) {
  return el("p", { class: "problem", role: "alert" }, refusalText(status));
}
