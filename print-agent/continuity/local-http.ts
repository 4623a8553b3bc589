// The local server's HTTP plumbing: the API's error body with its stable codes (never a stack trace),
// open CORS for bearer tokens (no cookies) with the Private Network Access header, bounded JSON bodies
// read against the protocol's schemas, and the Idempotency-Key's fingerprint as the cloud computes it.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { ERRORS, type ErrorCode } from "../../protocol/errors.ts";

/** The largest body the local API reads (every command's body is a few hundred bytes). */
export const MAX_BODY_BYTES = 16 * 1024;

export class LocalError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message?: string) {
    super(message ?? ERRORS[code][1]);
    this.code = code;
  }
}

export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type, Idempotency-Key",
  "Access-Control-Max-Age": "600",
  // Chromium asks before a public page talks to an address on the local network (Private Network Access).
  "Access-Control-Allow-Private-Network": "true",
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...CORS_HEADERS, "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(text);
}

export function sendError(res: ServerResponse, code: ErrorCode, message?: string): void {
  sendJson(res, ERRORS[code][0], { error: { code, message: message ?? ERRORS[code][1] } });
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return ERRORS.VALIDATION_FAILED[1];
  return `${issue.path.length ? issue.path.join(".") : "body"}: ${issue.message}`;
}

/** Reads the body, at most MAX_BODY_BYTES (413 beyond, without reading the rest). */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? "0");
    if (declared > MAX_BODY_BYTES) return reject(new LocalError("PAYLOAD_TOO_LARGE"));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (d: Buffer) => {
      size += d.length;
      if (size > MAX_BODY_BYTES) {
        reject(new LocalError("PAYLOAD_TOO_LARGE"));
        req.destroy();
        return;
      }
      chunks.push(d);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", () => reject(new LocalError("BAD_REQUEST")));
  });
}

/** A JSON body checked by its schema, as the Worker's readJson does: an empty body counts as `{}`. */
export function parseBody<S extends z.ZodType>(req: IncomingMessage, text: string, schema: S): z.output<S> {
  let data: unknown = {};
  if (text.trim() !== "") {
    if (!/^application\/json\b/i.test(req.headers["content-type"] ?? "")) throw new LocalError("UNSUPPORTED_MEDIA_TYPE");
    try {
      data = JSON.parse(text);
    } catch {
      throw new LocalError("INVALID_JSON");
    }
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new LocalError("VALIDATION_FAILED", describe(parsed.error));
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(params: URLSearchParams, schema: S): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw new LocalError("VALIDATION_FAILED", describe(parsed.error));
  return parsed.data;
}

const KEY = /^[A-Za-z0-9_:-]{8,100}$/;

/** The Idempotency-Key of a request, scoped to its sender, with a fingerprint of the request (null: none sent). */
export function idempotencyOf(req: IncomingMessage, path: string, sub: string, body: unknown): { key: string; fingerprint: string } | null {
  const key = req.headers["idempotency-key"];
  if (key === undefined) return null;
  if (typeof key !== "string" || !KEY.test(key)) throw new LocalError("IDEMPOTENCY_KEY_INVALID");
  const fingerprint = createHash("sha256")
    .update(`${req.method} ${path}\n${JSON.stringify(body)}`)
    .digest("base64url");
  return { key: `${sub}|${key}`, fingerprint };
}
