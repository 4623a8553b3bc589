// One error type for the whole API: a stable code, a clear message, a 4xx status. Nothing else leaves the server.
import { ERRORS, type ErrorBody, type ErrorCode } from "../protocol/errors.ts";

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  /** For a 429: when to try again, sent as Retry-After. */
  readonly retryAfterS: number | undefined;
  constructor(code: ErrorCode, message?: string, retryAfterS?: number) {
    // A refusal is an answer, not a fault: no stack is captured. None leaves the server, and in a booking
    // storm, where most answers are refusals, capturing one cost more than the rest of the answer.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message ?? ERRORS[code][1]);
    Error.stackTraceLimit = limit;
    this.code = code;
    this.retryAfterS = retryAfterS;
    this.status = ERRORS[code][0];
  }
}

export function errorBody(code: ErrorCode, message?: string): ErrorBody {
  return { error: { code, message: message ?? ERRORS[code][1] } };
}

export function errorResponse(code: ErrorCode, message?: string, retryAfterS?: number): Response {
  const headers: Record<string, string> = retryAfterS === undefined ? {} : { "Retry-After": String(Math.max(1, Math.ceil(retryAfterS))) };
  return Response.json(errorBody(code, message), { status: ERRORS[code][0], headers });
}

/** Unwraps an object's answer, turning its error into the API's. */
export function unwrap<T>(r: { ok: true; value: T } | { ok: false; code: ErrorCode; message?: string }): T {
  if (r.ok) return r.value;
  throw new ApiError(r.code, r.message);
}
