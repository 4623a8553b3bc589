// Reading input at the edge: every body, parameter and header is checked by a schema.
import type { Context } from "hono";
import type { z } from "zod";
import { Id } from "../protocol/config.ts";
import type { Idempotency } from "../objects/site/idempotency.ts";
import { base64url } from "../objects/site/random.ts";
import { ApiError } from "./errors.ts";
import type { AppEnv } from "./app-env.ts";

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The request does not match the expected shape.";
  const where = issue.path.length ? issue.path.join(".") : "body";
  return `${where}: ${issue.message}`;
}

/** Parses and validates a JSON body. An empty body counts as `{}` for commands that take nothing. */
export async function readJson<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.infer<S>> {
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
  if (!parsed.success) throw new ApiError("VALIDATION_FAILED", describe(parsed.error));
  return parsed.data;
}

export function idParam(c: Context<AppEnv>, name: string): string {
  const value = c.req.param(name) ?? "";
  const parsed = Id.safeParse(value);
  if (!parsed.success) throw new ApiError("VALIDATION_FAILED", `${name}: must be lower-case letters, digits and dashes (at most 40)`);
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(c: Context<AppEnv>, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw new ApiError("VALIDATION_FAILED", describe(parsed.error));
  return parsed.data;
}

const KEY = /^[A-Za-z0-9_:-]{8,100}$/;

/**
 * The Idempotency-Key of a retriable command, scoped to the caller, with a
 * fingerprint of the request so the same key with another body is refused.
 */
export async function idempotency(c: Context<AppEnv>, principal: string, body: unknown): Promise<Idempotency | undefined> {
  const key = c.req.header("Idempotency-Key");
  if (key === undefined) return undefined;
  if (!KEY.test(key)) throw new ApiError("IDEMPOTENCY_KEY_INVALID");
  const material = `${c.req.method} ${c.req.path}\n${JSON.stringify(body)}`;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(material)));
  return { key: `${principal}|${key}`, fingerprint: base64url(digest) };
}

/** The caller's address, for rate limits (Cloudflare sets the header; locally everyone is "local"). */
export function clientAddress(c: Context<AppEnv>): string {
  return c.req.header("CF-Connecting-IP") ?? "local";
}
