// HTTP calls to the numerek API: JSON in and out, the API's error codes as ApiError,
// network failures and timeouts as the code "NETWORK", and idempotency keys for commands.
import type { ErrorBody } from "../../protocol/errors.ts";
import { type ClientErrorCode, isClientErrorCode } from "./messages.ts";

export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    readonly status: number,
    /** The API's own message (English): some carry a detail the client shows, e.g. a time or an office. */
    readonly detail = "",
  ) {
    super(code);
  }
}

export interface CallOptions {
  method?: "GET" | "POST";
  body?: unknown;
  token?: string | null;
  /** Sent as Idempotency-Key: a retry with the same key returns the first answer. */
  idempotencyKey?: string;
  timeoutMs?: number;
}

export async function api<T>(path: string, opts: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (opts.body !== undefined) headers["Content-Type"] = "application/json";
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  if (opts.idempotencyKey) headers["Idempotency-Key"] = opts.idempotencyKey;
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? (opts.body === undefined ? "GET" : "POST"),
      headers,
      body: opts.body === undefined ? null : JSON.stringify(opts.body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      cache: "no-store",
    });
  } catch {
    throw new ApiError("NETWORK", 0);
  }
  let data: unknown = null;
  try {
    data = await res.json();
  } catch {
    if (res.ok) throw new ApiError("UNKNOWN", res.status);
  }
  if (!res.ok) {
    const error = (data as Partial<ErrorBody> | null)?.error;
    const code = error?.code;
    throw new ApiError(code && isClientErrorCode(code) ? code : "UNKNOWN", res.status, typeof error?.message === "string" ? error.message : "");
  }
  return data as T;
}

/** The code of any failure, for the translation table. */
export function errorCode(err: unknown): ClientErrorCode {
  return err instanceof ApiError ? err.code : "UNKNOWN";
}

/** A random idempotency key (8-100 characters of letters, digits, '-', '_' or ':'). */
export function newKey(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const rand = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${prefix}-${rand}`;
}
