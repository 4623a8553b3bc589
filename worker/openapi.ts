// GET /api/openapi.json: generated from the routes the app mounts (worker/app.ts), each described by
// the route table (protocol/routes.ts) and the contract it is registered and validated with
// (protocol/contract.ts); no second list of routes.
import { z } from "zod";
import { ROLES, roleAdmitted } from "../protocol/api.ts";
import { CONTRACT, type RouteContract } from "../protocol/contract.ts";
import { ERRORS } from "../protocol/errors.ts";
import { type RouteName, routeOf } from "../protocol/routes.ts";

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });

/** "/api/v1/sites/:siteId" → "/api/v1/sites/{siteId}", and the parameters' names. */
export function openApiPath(path: string): { path: string; params: string[] } {
  const params = [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? "");
  return { path: path.replace(/:([A-Za-z]+)/g, "{$1}"), params };
}

function operation(spec: RouteContract, params: string[]): Record<string, unknown> {
  const auth = spec.auth;
  const parameters: unknown[] = params.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } }));
  if (spec.idempotent) {
    parameters.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      schema: { type: "string", pattern: "^[A-Za-z0-9_:-]{8,100}$" },
      description: "A retry with the same key returns the first answer.",
    });
  }
  if (spec.query) {
    const q = schema(spec.query) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, s] of Object.entries(q.properties ?? {}))
      parameters.push({ name, in: "query", required: q.required?.includes(name) ?? false, schema: s });
  }
  const responses: Record<string, { description: string; content?: unknown }> = {
    [spec.status ?? 200]: {
      description: spec.description ?? "OK",
      ...(spec.response ? { content: { "application/json": { schema: schema(spec.response) } } } : {}),
    },
  };
  for (const code of spec.errors) {
    const status = String(ERRORS[code][0]);
    const r = (responses[status] ??= {
      description: "",
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    });
    r.description = r.description ? `${r.description}, ${code}` : code;
  }
  return {
    summary: spec.summary,
    ...(auth ? { security: [{ bearer: [] }], description: `Who may call: ${ROLES.filter((r) => roleAdmitted(r, auth)).join(", ")}.` } : {}),
    parameters,
    ...(spec.body ? { requestBody: { required: false, content: { "application/json": { schema: schema(spec.body) } } } } : {}),
    responses,
  };
}

function build(names: readonly RouteName[]): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const name of names) {
    const { method, path } = routeOf(name);
    const api = openApiPath(path);
    (paths[api.path] ??= {})[method.toLowerCase()] = { operationId: name, ...operation(CONTRACT[name], api.params) };
  }
  return {
    openapi: "3.1.0",
    info: { title: "numerek API", version: "1.0.0", description: "Queue system for city offices: tickets, calls, e-tickets." },
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string", enum: Object.keys(ERRORS) },
                message: { type: "string" },
              },
            },
          },
        },
      },
    },
  };
}

let cached: unknown = null;
/** The document of these routes; built once per isolate (the routes do not change while it runs). */
export function openApiDocument(names: readonly RouteName[]): unknown {
  cached ??= build(names);
  return cached;
}
