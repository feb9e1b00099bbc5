// The team picker: the unclaimed teams of GET /api/join/{code}, one button each.

import { getJSON, postJSON } from "./api.js";
import { el, fill } from "./dom.js";
import { t } from "./texts.js";

/** Show the picker in `view`; `joined(team)` is called once a team is claimed. */
export async function showPicker(view, code, joined, notice = "") {
  const answer = await getJSON(`/api/join/${encodeURIComponent(code)}`);
  if (answer.status !== 200) {
    fill(view, el("h1", { tabindex: "-1" }, t("pick.title")), refusal(answer.status));
    return null;
  }
  const info = answer.data;
  const free = (info.teams || []).filter((team) => !team.claimed);
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
  const notice =
    answer.status === 409 ? t("pick.taken", { team: team.name }) : refusalText(answer.status);
  if (answer.status === 409) {
    await showPicker(view, code, joined, notice);
  } else {
    message.textContent = notice;
    for (const button of view.querySelectorAll("button.pick")) button.disabled = false;
  }
}

function refusalText(status) {
  if (status === 403 || status === 404) return t("pick.wrong_code");
  if (status === 429) return t("pick.too_many");
  return t("offline");
}

function refusal(status) {
  return el("p", { class: "problem", role: "alert" }, refusalText(status));
}
