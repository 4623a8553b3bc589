// One error type for the whole API: a stable code, a clear message, a 4xx status. Nothing else leaves the server.
import { ERRORS, type ErrorBody, type ErrorCode } from "../protocol/errors.ts";

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
  ) {
    super(message ?? ERRORS[code][1]);
    this.status = ERRORS[code][0];
  }
}

export function errorBody(code: ErrorCode, message?: string): ErrorBody {
  return { error: { code, message: message ?? ERRORS[code][1] } };
}

export function errorResponse(code: ErrorCode, message?: string): Response {
  return Response.json(errorBody(code, message), { status: ERRORS[code][0] });
}

/** Unwraps an object's answer, turning its error into the API's. */
export function unwrap<T>(r: { ok: true; value: T } | { ok: false; code: ErrorCode; message?: string }): T {
  if (r.ok) return r.value;
  throw new ApiError(r.code, r.message);
}
