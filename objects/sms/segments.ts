// How many SMS segments a text takes, as carriers and Twilio count them. A text made only of the GSM-7
// alphabet (3GPP TS 23.038) takes 160 septets in one SMS, 153 per part when split; the extension
// characters (€ [ ] { } \ ^ ~ | and form feed) take two septets. Any other character (Polish letters
// included) switches the whole text to UCS-2: 70 UTF-16 units in one SMS, 67 per part. A part never
// splits an escape pair or a surrogate pair.

const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXTENSION = "\f^{}\\[~]|€";

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SmsSegments {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  /** Parts billed; 0 for an empty text. */
  segments: number;
}

/** Whether every character of `text` is in the GSM-7 alphabet (basic or extension table). */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!GSM7_BASIC.includes(ch) && !GSM7_EXTENSION.includes(ch)) return false;
  return true;
}

export function smsSegments(body: string): SmsSegments {
  const gsm = isGsm7(body);
  // Cost of each character: septets, or UTF-16 units (2 for a character outside the BMP).
  const costs = [...body].map((ch) => (gsm ? (GSM7_EXTENSION.includes(ch) ? 2 : 1) : ch.length));
  const units = costs.reduce((a, b) => a + b, 0);
  const [single, part] = gsm ? [160, 153] : [70, 67];
  const encoding: SmsEncoding = gsm ? "GSM-7" : "UCS-2";
  if (units === 0) return { encoding, units, segments: 0 };
  if (units <= single) return { encoding, units, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > part) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return { encoding, units, segments };
}
