// The audit log: who changed what, when and from where, in an organisation. Append-only; entries carry
// staff user names and addresses, never citizens' personal data.
import { z } from "zod";
import { AUDIT_ACTIONS } from "./audit-actions.ts";
import { AUDIT_RETENTION_DAYS } from "./audit-retention.ts";

export { AUDIT_ACTIONS };

export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

/** One changed value of a configuration, by a readable path ("matters[rej].name"). */
export const AuditChange = z.object({
  path: z.string(),
  before: z.string().nullable().describe("The value before, as JSON; null when it was added"),
  after: z.string().nullable().describe("The value after, as JSON; null when it was removed"),
});
export type AuditChange = z.infer<typeof AuditChange>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string().describe("ISO 8601 time of the action"),
  actor: z.string().nullable().describe("The user name that acted (null: the system, or an unknown name at login)"),
  address: z.string().nullable().describe("The client address the action came from"),
  action: AuditAction,
  target: z.string().nullable().describe("What it acted on: a site id, an account's user name, a device id, a message id"),
  summary: z.string().describe("One readable line"),
  changes: z.array(AuditChange).describe("For configuration changes: each value changed"),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** What the manager page filters the log by; newest first, `before` (an entry id) pages back. */
export const AuditQuery = z.strictObject({
  org: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
    .optional()
    .describe("The organisation: required of the operator; an administrator's own when absent"),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  action: AuditAction.optional(),
  actor: z.string().min(1).max(64).optional(),
  target: z.string().min(1).max(120).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditResponse = z.object({ entries: z.array(AuditEntry) });
export type AuditResponse = z.infer<typeof AuditResponse>;

/** ?org=…: whose log (required of the operator; an administrator's own when absent). */
export const AuditOrgQuery = AuditQuery.pick({ org: true });
export type AuditOrgQuery = z.infer<typeof AuditOrgQuery>;

/** How many days the organisation's log keeps its entries (a year unless set). */
export const AuditRetention = z.strictObject({
  days: z
    .number()
    .int()
    .min(AUDIT_RETENTION_DAYS.min)
    .max(AUDIT_RETENTION_DAYS.max)
    .describe(`Whole days from ${AUDIT_RETENTION_DAYS.min} to ${AUDIT_RETENTION_DAYS.max}; ${AUDIT_RETENTION_DAYS.default} unless set`),
});
export type AuditRetention = z.infer<typeof AuditRetention>;
