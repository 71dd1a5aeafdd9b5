// @ts-check
// Human messages for backend failures: a request id the team can look up, never exception text.

const SSE_MESSAGES = {
  timeout: "Tandem took too long to answer",
  llm_timeout: "The AI model took too long to answer",
  llm_unavailable: "The AI model is unavailable",
  rate_limited: "Tandem is busy",
  overloaded: "Tandem is busy",
};
const DEFAULT_SSE_MESSAGE = "Tandem failed while answering";

/** A request id worth showing, or "" (servers say "-" when they have none). */
export function usableRequestId(id) {
  return typeof id === "string" && /[A-Za-z0-9]/.test(id) ? id : "";
}

/** First characters of a request id, enough to find it in the server's logs ("3f2a1b9c…"). */
export function shortRequestId(id) {
  const text = String(id || "");
  return text.length > 8 ? `${text.slice(0, 8)}…` : text;
}

/** "(request 3f2a1b9c…)" or "" when there is no id. */
function requestNote(id) {
  return usableRequestId(id) ? ` (request ${shortRequestId(id)})` : "";
}

/**
 * The overlay's line for an SSE `error` event. New shape `{code, request_id}`; older backends sent
 * `{detail}` (or `{message}`), kept as a hint when there is no request id.
 */
export function sseErrorMessage(data) {
  const body = data && typeof data === "object" ? data : {};
  const base = SSE_MESSAGES[body.code] || DEFAULT_SSE_MESSAGE;
  if (usableRequestId(body.request_id)) return `${base}${requestNote(body.request_id)}. Try again.`;
  const legacy = typeof body.detail === "string" ? body.detail : typeof body.message === "string" ? body.message : "";
  return legacy ? `${base}: ${legacy.slice(0, 160)}. Try again.` : `${base}. Try again.`;
}

/** The message for a 5xx JSON answer: `{status_code, detail, request_id}` now, `{detail}` before. */
export function serverErrorMessage(status, body, requestId, backendUrl) {
  const id = usableRequestId(body && typeof body === "object" ? body.request_id : "") || usableRequestId(requestId);
  if (id) return `Tandem failed on the server${requestNote(id)}. Try again.`;
  const detail = body && typeof body === "object" && typeof body.detail === "string" ? body.detail : "";
  return `Tandem at ${backendUrl} answered ${status}. ${detail}`.trim();
}
