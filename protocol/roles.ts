// Who an account is, and which roles include which: no zod here, so the browser clients can import
// these at run time (protocol/api.ts builds the Role schema from ROLES).

/**
 * Who an account is. `operator`: the deployment's operator (creates organisations and their first
 * administrator; may act on every site). `org-admin`: administers one organisation (all its sites,
 * staff and devices). `manager`: chosen sites of one organisation. `clerk`: chosen desks of chosen
 * sites. Devices (`kiosk`, `display`, `agent`) are bound to one site.
 */
export const ROLES = ["operator", "org-admin", "manager", "clerk", "kiosk", "display", "agent"] as const;
export type Role = (typeof ROLES)[number];

/**
 * Whether an account of `role` may do what a route or screen admits `admitted` to do: an
 * administrator (the operator, an organisation's administrator) may do what a manager may.
 */
export function roleAdmitted(role: Role, admitted: readonly Role[]): boolean {
  if (admitted.includes(role)) return true;
  return admitted.includes("manager") && (role === "operator" || role === "org-admin");
}

/** The roles an organisation's administrator gives: staff and devices, never another administrator or an operator. */
export const STAFF_ROLES = ["manager", "clerk", "kiosk", "display", "agent"] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];
