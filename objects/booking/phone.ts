// Contact data from the booking form and the e-ticket page (R6 step 4): mobile numbers, checked against
// every country's numbering plan (libphonenumber-js), normalised to E.164 for SMS, and limited to the
// countries an office allows (SMS to far countries is the usual way to pump an SMS bill).
import { isSupportedCountry, parsePhoneNumberFromString } from "libphonenumber-js/max";

/** The countries SMS go to unless the configuration allows more: Poland. */
export const DEFAULT_SMS_COUNTRIES: readonly string[] = ["PL"];

export type PhoneResult =
  | { ok: true; e164: string; country: string }
  | { ok: false; reason: "empty" | "format" | "not-mobile" | "country" };

/** Whether an ISO 3166 alpha-2 code names a country with a numbering plan ("PL", "UA"). */
export function isPhoneCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code);
}

/**
 * A phone number as typed → E.164 and its country. Separators allowed: spaces, dashes, dots, parentheses.
 * A number without a country code is Polish (the forms are Polish offices'); +CC… or 00CC… names another
 * country. Only numbers that can take an SMS are accepted (mobile, or a plan's "fixed line or mobile"),
 * and only of the `allowed` countries: "country" tells a valid mobile number of another country.
 */
export function normalizePhone(input: string, allowed: readonly string[] = DEFAULT_SMS_COUNTRIES): PhoneResult {
  const compact = input.replace(/[\s\-.()\u00a0]/g, "");
  if (compact === "") return { ok: false, reason: "empty" };
  const m = /^(\+|00)?([1-9]\d{6,16}|0\d{6,16})$/.exec(compact);
  if (!m) return { ok: false, reason: "format" };
  const digits = m[2] ?? "";
  const international = m[1] !== undefined;
  // "48600700800": a Polish number written with its country code but without the plus.
  const text = international ? `+${digits}` : digits.length === 11 && digits.startsWith("48") ? `+${digits}` : digits;
  const parsed = parsePhoneNumberFromString(text, "PL");
  if (!parsed?.isValid()) return { ok: false, reason: "format" };
  const type = parsed.getType();
  if (type !== "MOBILE" && type !== "FIXED_LINE_OR_MOBILE") return { ok: false, reason: "not-mobile" };
  const country = parsed.country;
  if (!country || !allowed.includes(country)) return { ok: false, reason: "country" };
  return { ok: true, e164: parsed.number, country };
}

/** A number for staff screens with only its last three digits shown: "+48 *** *** 800". Never echoes bad input. */
export function maskPhone(e164: string): string {
  const m = /^\+(\d{8,15})$/.exec(e164);
  const digits = m?.[1];
  if (digits === undefined) return "***";
  const tail = digits.slice(-3);
  if (digits.startsWith("48") && digits.length === 11) return `+48 *** *** ${tail}`;
  return `+${digits.slice(0, 2)} ${"*".repeat(digits.length - 5)} ${tail}`;
}
