// Reading input at the edge: every body, query, parameter and header is checked by a schema.
// Bodies and queries are checked by middleware (jsonBody, query) before the handler runs; the
// handler reads the result with c.req.valid("json") / c.req.valid("query").
import type { Context, Env as HonoEnv, MiddlewareHandler } from "hono";
import type { z } from "zod";
import type { Idempotency } from "../objects/site/idempotency.ts";
import { base64url } from "../objects/site/random.ts";
import { issueCode } from "../protocol/config.ts";
import { ApiError } from "./errors.ts";

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The request does not match the expected shape.";
  const where = issue.path.length ? issue.path.join(".") : "body";
  return `${where}: ${issue.message}`;
}

/** Parses and validates a JSON body. An empty body counts as `{}` for commands that take nothing. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const text = await c.req.text();
  let data: unknown = {};
  if (text.trim() !== "") {
    const type = c.req.header("Content-Type") ?? "";
    if (!/^application\/json\b/i.test(type)) throw new ApiError("UNSUPPORTED_MEDIA_TYPE");
    try {
      data = JSON.parse(text);
    } catch {
      throw new ApiError("INVALID_JSON");
    }
  }
  const parsed = schema.safeParse(data);
  // A check that names its own stable code (a site configuration's duplicate prefix, say) answers with it.
  if (!parsed.success) throw new ApiError(issueCode(parsed.error.issues[0]) ?? "VALIDATION_FAILED", describe(parsed.error));
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw new ApiError("VALIDATION_FAILED", describe(parsed.error));
  return parsed.data;
}

/** Bodies and queries are objects (every schema of the contract is one). */
function record(data: unknown): object {
  if (typeof data !== "object" || data === null) throw new ApiError("VALIDATION_FAILED");
  return data;
}

/** Validates the JSON body: 415 UNSUPPORTED_MEDIA_TYPE, 400 INVALID_JSON or 400 VALIDATION_FAILED. */
export function jsonBody<E extends HonoEnv, S extends z.ZodType>(
  schema: S,
): MiddlewareHandler<E, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }> {
  return async function jsonBodyValidator(c, next) {
    c.req.addValidatedData("json", record(await readJson(c, schema)));
    await next();
  };
}

/** Validates the query string: 400 VALIDATION_FAILED. */
export function query<E extends HonoEnv, S extends z.ZodType>(
  schema: S,
): MiddlewareHandler<E, string, { in: { query: z.input<S> }; out: { query: z.output<S> } }> {
  return async function queryValidator(c, next) {
    c.req.addValidatedData("query", record(parseQuery(c, schema)));
    await next();
  };
}

const KEY = /^[A-Za-z0-9_:-]{8,100}$/;

/**
 * The Idempotency-Key of a retriable command, scoped to the caller, with a
 * fingerprint of the request so the same key with another body is refused.
 */
export async function idempotency(c: Context, principal: string, body: unknown): Promise<Idempotency | undefined> {
  const key = c.req.header("Idempotency-Key");
  if (key === undefined) return undefined;
  if (!KEY.test(key)) throw new ApiError("IDEMPOTENCY_KEY_INVALID");
  const material = `${c.req.method} ${c.req.path}\n${JSON.stringify(body)}`;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(material)));
  return { key: `${principal}|${key}`, fingerprint: base64url(digest) };
}

/** The caller's address, for rate limits (Cloudflare sets the header; locally everyone is "local"). */
export function clientAddress(c: Context): string {
  return c.req.header("CF-Connecting-IP") ?? "local";
}
