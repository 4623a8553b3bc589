// The booking flow's state: which of the five steps (R6) the citizen is on and what they chose so far;
// step 6 is the confirmation page. Each step carries exactly what the steps before it decided.

import type { z } from "zod";
import type { ConfirmBookingResponse, CreateBookingResponse, PublicSite } from "../../protocol/api.ts";
import type { MatterEntry } from "./catalogue.ts";

export type Confirmation = z.infer<typeof ConfirmBookingResponse>;
export type Created = z.infer<typeof CreateBookingResponse>;

export interface Hold extends Created {
  /** When the last code was sent (the resend button waits 60 s after it). */
  sentAt: number;
}

/** How the code and the confirmation reach the citizen (R6 step 4: a mobile number or an e-mail). */
export type Channel = "sms" | "email";

export interface Contact {
  name: string;
  channel: Channel;
  phone: string;
  email: string;
}

export const NO_CONTACT: Contact = { name: "", channel: "sms", phone: "", email: "" };

/** The address the code went to, as the citizen typed it. */
export const contactAddress = (c: Contact): string => (c.channel === "email" ? c.email.trim() : c.phone.trim());

export type Flow =
  | { step: 1 }
  | { step: 2; matter: MatterEntry }
  | { step: 3; matter: MatterEntry; site: PublicSite; slotGone?: boolean }
  | { step: 4; matter: MatterEntry; site: PublicSite; start: string }
  | { step: 5; matter: MatterEntry; site: PublicSite; start: string; hold: Hold }
  | { step: 6; matter: MatterEntry; site: PublicSite; start: string; hold: Hold; confirmation: Confirmation };

export type StepNumber = 1 | 2 | 3 | 4 | 5;
export const STEP_KEYS = ["bk.step1", "bk.step2", "bk.step3", "bk.step4", "bk.step5"] as const;

/** The name of a step: the fifth says where the code comes from. */
export function stepKey(n: StepNumber, channel: Channel): (typeof STEP_KEYS)[number] | "bk.step5Email" {
  return n === 5 && channel === "email" ? "bk.step5Email" : STEP_KEYS[n - 1]!;
}
