// Which field of the new organisation's form a refusal belongs to: a taken id or user name by its code,
// a malformed value by the path the API names ("admin.password: at least 12 characters").
import type { ClientErrorCode } from "../shared/messages.ts";
import { readRefusal } from "./config/paths.ts";

export const ORG_FIELDS = ["id", "name", "username", "password"] as const;
export type OrgField = (typeof ORG_FIELDS)[number];

/** A refusal shown on a field (or on the form, `field` null), with the API's own words when they say more. */
export interface OrgRefusal {
  field: OrgField | null;
  code: ClientErrorCode;
  detail: string;
}

const BY_PATH: Record<string, OrgField> = { id: "id", name: "name", "admin.username": "username", "admin.password": "password" };

export function orgRefusal(code: ClientErrorCode, detail: string): OrgRefusal {
  if (code === "ORGANISATION_EXISTS") return { field: "id", code, detail: "" };
  if (code === "USERNAME_TAKEN") return { field: "username", code, detail: "" };
  if (code !== "VALIDATION_FAILED") return { field: null, code, detail: "" };
  const { path, text } = readRefusal(detail);
  const field = path === null ? null : (BY_PATH[path] ?? (path.startsWith("admin") ? "username" : null));
  return { field, code, detail: field ? text : detail };
}
