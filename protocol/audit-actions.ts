// The actions the audit log records, with no zod: the manager page imports them at run time
// (protocol/audit.ts builds the schemas from them).
export const AUDIT_ACTIONS = [
  "organisation.created",
  "site.created",
  "site.changed",
  "account.created",
  "account.changed",
  "account.disabled",
  "account.signed-out",
  "password.changed",
  "login.succeeded",
  "login.failed",
  "device.paired",
  "device.revoked",
  "message.resent",
  "print.set-aside",
  "cut-off.overridden",
  "audit.exported",
  "audit.retention-changed",
] as const;
