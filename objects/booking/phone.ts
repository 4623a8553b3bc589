// Contact data from the booking form (R6 step 4): mobile numbers normalised to E.164 for SMS.

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: "empty" | "format" | "not-mobile" };

/** First two digits of Polish mobile numbers (the plan's mobile ranges); other Polish numbers cannot take an SMS. */
export const POLISH_MOBILE_PREFIXES: ReadonlySet<string> = new Set([
  "45",
  "50",
  "51",
  "53",
  "57",
  "60",
  "66",
  "69",
  "72",
  "73",
  "78",
  "79",
  "88",
]);

/**
 * A phone number as typed → E.164. Separators allowed: spaces, dashes, dots, parentheses.
 * Polish numbers: 9 digits, optionally after +48, 0048 or 48; only mobile ranges are accepted.
 * Other countries: +CC… or 00CC…, 8-15 digits in all. A bare number that is not Polish is a format error.
 */
export function normalizePhone(input: string): PhoneResult {
  const compact = input.replace(/[\s\-.()\u00a0]/g, "");
  if (compact === "") return { ok: false, reason: "empty" };
  const m = /^(\+|00)?(\d+)$/.exec(compact);
  if (!m) return { ok: false, reason: "format" };
  const international = m[1] !== undefined;
  const digits = m[2] ?? "";
  let national: string;
  if (!international && digits.length === 9) national = digits;
  else if (digits.startsWith("48") && (international || digits.length === 11)) national = digits.slice(2);
  else if (international) {
    if (digits.startsWith("0") || digits.length < 8 || digits.length > 15) return { ok: false, reason: "format" };
    return { ok: true, e164: `+${digits}` };
  } else return { ok: false, reason: "format" };
  if (!/^[1-9]\d{8}$/.test(national)) return { ok: false, reason: "format" };
  if (!POLISH_MOBILE_PREFIXES.has(national.slice(0, 2))) return { ok: false, reason: "not-mobile" };
  return { ok: true, e164: `+48${national}` };
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
