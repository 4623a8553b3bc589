// Staff of an organisation, managed by its administrator (or the operator naming the organisation):
// accounts listed without their password hashes, created with a temporary password, changed,
// disabled and enabled, given a new temporary password, and signed out everywhere.
import { z } from "zod";
import { TemporaryPassword, Username } from "./api.ts";
import { Id } from "./config.ts";
import { STAFF_ROLES } from "./roles.ts";

export const StaffRole = z.enum(STAFF_ROLES);

/** ?org=…: the organisation (required of the operator; an administrator's own when absent). */
export const StaffQuery = z.strictObject({
  org: Id.optional().describe("The organisation: required of the operator; an administrator's own when absent"),
});
export type StaffQuery = z.infer<typeof StaffQuery>;

export const StaffAccount = z.object({
  username: z.string(),
  role: z.string().describe("manager, clerk, kiosk, display, agent, or org-admin"),
  siteIds: z.array(z.string()),
  deskIds: z.array(z.string()).optional().describe("For clerks: the desks they may operate"),
  disabled: z.boolean(),
  mustChangePassword: z.boolean().describe("The account still has a temporary password"),
});
export type StaffAccount = z.infer<typeof StaffAccount>;
export const StaffListResponse = z.object({ accounts: z.array(StaffAccount) });

/** What an account may do: its role, its sites (of the organisation) and, for clerks, desks of those sites. */
export const StaffAssignment = z.strictObject({
  role: StaffRole,
  siteIds: z.array(Id).min(1).max(100),
  deskIds: z.array(Id).max(200).optional().describe("Clerks only: desks of the chosen sites (absent: every desk of them)"),
});
export type StaffAssignment = z.infer<typeof StaffAssignment>;

export const CreateStaffRequest = StaffAssignment.extend({
  username: Username,
  password: TemporaryPassword.describe("A temporary password (12+ characters), changed at first sign-in"),
});
export type CreateStaffRequest = z.infer<typeof CreateStaffRequest>;

export const StaffPasswordRequest = z.strictObject({ password: TemporaryPassword });
export const StaffResponse = z.object({ account: StaffAccount });

/** POST /api/v1/auth/password: anyone signed in changes their own password (a temporary one first of all). */
export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(12, "at least 12 characters").max(200),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;
