// Talking to the facilitator's laptop: JSON over fetch, the team's token in its
// HttpOnly cookie (the page never sees it). A submit carries a request_id; the same
// answer sent again after a lost connection reuses it, so it is applied once.

const JSON_HEADERS = { "Content-Type": "application/json", Accept: "application/json" };

/** GET a JSON document: {status, data}; status 0 when the laptop cannot be reached. */
export async function getJSON(path) {
  try {
    const response = await fetch(path, { credentials: "same-origin", headers: JSON_HEADERS });
    return { status: response.status, data: await body(response) };
  } catch {
    return { status: 0, data: null };
  }
}

async function body(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** POST a JSON document: {status, data}. */
export async function postJSON(path, payload) {
  try {
    const response = await fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: JSON_HEADERS,
      body: JSON.stringify(payload),
    });
    return { status: response.status, data: await body(response) };
  } catch {
    return { status: 0, data: null };
  }
}

/** 128 random bits as hex (crypto.randomUUID needs https; this works over http too). */
export function requestId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const unconfirmed = new Map(); // path -> {key, id}: a submit without an answer yet

/** POST an answer with a request_id: the same one again while it is unconfirmed. */
export async function submit(path, payload) {
  const key = JSON.stringify(payload);
  let pending = unconfirmed.get(path);
  if (!pending || pending.key !== key) {
    pending = { key, id: requestId() };
    unconfirmed.set(path, pending);
  }
  const answer = await postJSON(path, { ...payload, request_id: pending.id });
  if (answer.status !== 0 && answer.status < 500) unconfirmed.delete(path);
  return answer;
}

/** The one-line reason of a refusal, whatever shape the server gave it. */
export function reason(data) {
  if (typeof data === "string") return data.trim();
  if (data && typeof data === "object") {
    for (const name of ["error", "detail", "message", "reason"]) {
      if (typeof data[name] === "string") return data[name];
    }
  }
  return "";
}
