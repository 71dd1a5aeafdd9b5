// @ts-check
// HTTP to the Tandem backend, used by the service worker only. Retry rules: a request that got no
// response (network error) may be sent again, and so may one answered 429 (the server did not run it);
// GETs are also retried on 502/503/504; POSTs that create records (assist, summaries, feedback) are
// never sent again after a 5xx, because the server may have done the work.
import { serverErrorMessage, usableRequestId } from "./errors.js";

export const RETRY_DELAYS_MS = [300, 1000, 2500]; // before a request is reported as failed
const RETRYABLE_GET_STATUS = new Set([429, 502, 503, 504]);
const MAX_RETRY_AFTER_S = 60; // a longer Retry-After is handed back to the caller instead of waited out

/** A failure the overlay can explain: kind is offline | auth | forbidden | config | client | server | rate_limited. */
export class BackendError extends Error {
  /**
   * @param {string} kind
   * @param {string} message
   * @param {number} [status]
   * @param {{requestId?: string, retryAfter?: number}} [extra]
   */
  constructor(kind, message, status = 0, extra = {}) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.requestId = extra.requestId;
    this.retryAfter = extra.retryAfter;
  }

  toJSON() {
    return { kind: this.kind, message: this.message, status: this.status, requestId: this.requestId, retryAfter: this.retryAfter };
  }
}

/** Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or undefined. */
export function retryAfterSeconds(value, now = Date.now()) {
  if (value === null || value === undefined || value === "") return undefined;
  const text = String(value).trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Turn a non-2xx response into a BackendError (reads the JSON body when there is one). */
export async function explain(response, backendUrl) {
  /** @type {any} */
  let body = null;
  try {
    body = await response.json();
  } catch {
    /* not JSON: keep the status line */
  }
  const detail = body ? (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail ?? "")) : "";
  const status = response.status;
  const requestId = usableRequestId(body?.request_id) || usableRequestId(response.headers.get("x-request-id")) || undefined;
  if (status === 401) return new BackendError("auth", "Token rejected: set a valid token in Tandem's options.", status);
  if (status === 403) return new BackendError("forbidden", "This token's role may not do that.", status);
  if (status === 413) return new BackendError("client", `Conversation too large for Tandem: ${detail}`, status);
  if (status === 429) {
    const retryAfter = retryAfterSeconds(response.headers.get("retry-after"));
    return new BackendError("rate_limited", "Tandem is rate limited.", status, { requestId, retryAfter });
  }
  if (status >= 500) return new BackendError("server", serverErrorMessage(status, body, requestId, backendUrl), status, { requestId });
  return new BackendError("client", `Tandem refused the request (${status}): ${detail}`, status, { requestId });
}

/** setTimeout as a promise that an AbortSignal cancels. */
export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(new DOMException("aborted", "AbortError"));
    });
  });
}

/**
 * fetch `path` on `backendUrl` with the bearer token and the retry rules above; throws BackendError.
 * `onRetry({reason, seconds})` hears about waits the agent should see (rate limiting).
 * @param {string} path
 * @param {{backendUrl: string, token: string, method?: string, body?: any, accept?: string, signal?: AbortSignal,
 *   fetchImpl?: typeof fetch, wait?: typeof sleep, onRetry?: (info: {reason: string, seconds: number}) => void}} options
 */
export async function request(path, { backendUrl, token, method = "GET", body, accept = "application/json", signal, fetchImpl = fetch, wait = sleep, onRetry }) {
  if (!token) throw new BackendError("auth", "No token yet: paste one in Tandem's options (tandem users add NAME).");
  /** @type {Record<string, string>} */
  const headers = { Authorization: `Bearer ${token}`, Accept: accept };
  /** @type {RequestInit} */
  const init = { method, signal, headers, credentials: "omit", cache: "no-store" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const idempotent = method === "GET" || method === "HEAD";
  for (let attempt = 0; ; attempt += 1) {
    const last = attempt >= RETRY_DELAYS_MS.length;
    let response;
    try {
      response = await fetchImpl(`${backendUrl}${path}`, init);
    } catch (error) {
      if (error?.name === "AbortError") throw error;
      // No response at all: the request may be sent again, whatever its method.
      if (last) throw new BackendError("offline", `Can't reach Tandem at ${backendUrl}. Is the backend running?`);
      await wait(RETRY_DELAYS_MS[attempt], signal);
      continue;
    }
    if (response.ok) return response;
    const error = await explain(response, backendUrl);
    const retryable = response.status === 429 || (idempotent && RETRYABLE_GET_STATUS.has(response.status));
    if (!retryable || last) throw error;
    let delay = RETRY_DELAYS_MS[attempt];
    if (response.status === 429) {
      if (error.retryAfter !== undefined) {
        if (error.retryAfter > MAX_RETRY_AFTER_S) throw error;
        delay = error.retryAfter * 1000;
      }
      onRetry?.({ reason: "rate_limited", seconds: Math.max(1, Math.ceil(delay / 1000)) });
    }
    await wait(delay, signal);
  }
}
