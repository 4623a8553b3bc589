// A booking's one contact, as the form gives it: a mobile number of an allowed country (the code comes by
// SMS) or an e-mail address (by e-mail), with the key every limit counts it by. The Worker checks it before
// counting the sends to it; the site object checks it again before it holds a slot.
import type { Result } from "../../protocol/errors.ts";
import { fail, ok } from "../../protocol/errors.ts";
import { emailKey, normalizeEmail } from "./email.ts";
import { normalizePhone } from "./phone.ts";

export interface ContactInput {
  phone?: string | undefined;
  email?: string | undefined;
}

export interface Contact {
  phone: string | null;
  email: string | null;
  /** What limits count: the E.164 number, or the mailbox's key (see emailKey). */
  key: string;
}

/** The contact of a booking request; `smsCountries`: the countries whose numbers may get an SMS. */
export function bookingContact(req: ContactInput, smsCountries: readonly string[]): Result<Contact> {
  if (req.phone !== undefined && req.email !== undefined) {
    return fail("CONTACT_REQUIRED", "Give either a mobile phone number or an e-mail address, not both.");
  }
  if (req.email !== undefined) {
    const e = normalizeEmail(req.email);
    if (!e.ok) return fail(e.reason === "empty" ? "CONTACT_REQUIRED" : "EMAIL_INVALID");
    return ok({ phone: null, email: e.email, key: emailKey(e.email) });
  }
  if (req.phone === undefined) return fail("CONTACT_REQUIRED");
  const number = smsNumber(req.phone, smsCountries, "CONTACT_REQUIRED");
  return number.ok ? ok({ phone: number.value, email: null, key: number.value }) : number;
}

/** A number an SMS may go to, as typed → E.164; `empty` is the refusal of an empty field. */
export function smsNumber(input: string, smsCountries: readonly string[], empty: "CONTACT_REQUIRED" | "PHONE_INVALID"): Result<string> {
  const p = normalizePhone(input, smsCountries);
  if (p.ok) return ok(p.e164);
  switch (p.reason) {
    case "empty":
      return fail(empty);
    case "format":
      return fail("PHONE_INVALID");
    case "not-mobile":
      return fail("PHONE_NOT_MOBILE");
    case "country":
      return fail("PHONE_COUNTRY_NOT_ALLOWED", `SMS go only to mobile numbers of: ${smsCountries.join(", ")}.`);
  }
}
