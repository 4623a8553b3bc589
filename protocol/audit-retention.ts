// How long an organisation's audit log keeps its entries, in days: a year unless its administrator
// chooses otherwise, within these bounds. No zod here: the manager page imports it at run time
// (protocol/audit.ts builds the schema from it).
export const AUDIT_RETENTION_DAYS = {
  default: 365,
  /** Shorter would lose what an inquiry into last month needs. */
  min: 30,
  max: 3650,
} as const;
