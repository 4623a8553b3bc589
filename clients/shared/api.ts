// The one typed client of the numerek API: call("issueTicket", { params, body, token, idempotencyKey })
// takes a route's name from protocol/routes.ts, fills its path, and answers what the route's contract
// (protocol/contract.ts) says it answers. JSON in and out, the API's error codes as ApiError, network
// failures and timeouts as the code "NETWORK", and idempotency keys for commands. A call may be aimed at
// the office's print agent (`origin`), which answers the hall's routes at the same paths. The contract's zod
// schemas reach this file only as types: nothing of zod ends up in a browser bundle.
import type { BodyIn, QueryIn, ResponseOf } from "../../protocol/contract.ts";
import type { ErrorBody } from "../../protocol/errors.ts";
import { fillPath, type PathParams, type RouteName, routeOf } from "../../protocol/routes.ts";
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
  token?: string | null;
  /** Sent as Idempotency-Key: a retry with the same key returns the first answer. */
  idempotencyKey?: string;
  timeoutMs?: number;
  /**
   * Where the call goes: null or absent, the page's own origin (the cloud); the site's print agent on the
   * office's network (http://10.0.0.5:8790) while the office is cut off, with a local token.
   */
  origin?: string | null;
}

/** A part of the request the route takes (required), or does not (absent). */
type Part<K extends string, T> = [T] extends [undefined] ? { [P in K]?: never } : { [P in K]: T };
type ParamsPart<N extends RouteName> = [keyof PathParams<N>] extends [never] ? { params?: never } : { params: PathParams<N> };

/** What a call of route N sends: its path parameters, query and body as the contract types them, and the options. */
export type CallRequest<N extends RouteName> = ParamsPart<N> & Part<"query", QueryIn<N>> & Part<"body", BodyIn<N>> & CallOptions;

/** The path and query string of a call. */
export function urlOf<N extends RouteName>(name: N, req: { params?: PathParams<N>; query?: unknown }): string {
  const path = req.params ? fillPath(name, req.params) : routeOf(name).path;
  const q = new URLSearchParams();
  const query = typeof req.query === "object" && req.query !== null ? Object.entries(req.query) : [];
  for (const [k, v] of query) if (v !== undefined && v !== null) q.set(k, String(v));
  const qs = q.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function call<N extends RouteName>(name: N, req: CallRequest<N>): Promise<ResponseOf<N>> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (req.body !== undefined) headers["Content-Type"] = "application/json";
  if (req.token) headers.Authorization = `Bearer ${req.token}`;
  if (req.idempotencyKey) headers["Idempotency-Key"] = req.idempotencyKey;
  let res: Response;
  try {
    res = await fetch(`${req.origin ?? ""}${urlOf(name, req)}`, {
      method: routeOf(name).method,
      headers,
      body: req.body === undefined ? null : JSON.stringify(req.body),
      signal: AbortSignal.timeout(req.timeoutMs ?? 10_000),
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
    throw new ApiError(
      code && isClientErrorCode(code) ? code : "UNKNOWN",
      res.status,
      typeof error?.message === "string" ? error.message : "",
    );
  }
  // The server answered this route: its body is the route's answer (the Worker's handlers are typed by the same contract).
  return data as ResponseOf<N>;
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
