// Every SMS numerek sends fits two segments (one for the code): a confirmation billed as four parts, or
// split on an old phone, is what citizens complain about. A text keeps its Polish letters when it fits
// (UCS-2: 134 characters in two parts); a longer one goes without their marks (GSM-7: 306), and if even
// that is too long, the office's name and address are cut at a word, so the link, date, time and codes
// always arrive whole.
import { toGsm7 } from "./gsm7-text.ts";
import { smsSegments } from "./segments.ts";

/** The most parts any text may take. */
export const MAX_SMS_SEGMENTS = 2;

const fits = (text: string, segments: number) => smsSegments(text).segments <= segments;

/** `place` shortened to at most `length` characters, cut at a space when there is one, marked with "...". */
export function cutPlace(place: string, length: number): string {
  if (place.length <= length) return place;
  if (length <= 3) return "";
  // One character more than fits: a space right after the last word that fits ends that word.
  const space = place.slice(0, length - 2).lastIndexOf(" ");
  const cut = space > length / 2 ? place.slice(0, space) : place.slice(0, length - 3);
  return `${cut.replace(/[\s,.;:-]+$/, "")}...`;
}

/**
 * The text `render` makes with `place` (the office's name and address), within `segments` parts: as it is,
 * else in GSM-7, else in GSM-7 with the place cut. Never throws: with a configuration no test foresaw (a
 * very long public address) the shortest form is sent.
 */
export function fitSms(render: (place: string) => string, place: string, segments = MAX_SMS_SEGMENTS): string {
  const full = render(place);
  if (fits(full, segments)) return full;
  const plain = toGsm7(place);
  const gsm = (p: string) => toGsm7(render(p));
  if (fits(gsm(plain), segments)) return gsm(plain);
  // The longest cut that fits, by bisection (a few measurements, not one per character).
  let [low, high] = [0, plain.length - 1];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(gsm(cutPlace(plain, mid)), segments)) low = mid;
    else high = mid - 1;
  }
  // A cut place ends in "..."; the sentence's own full stop after it would make four.
  return gsm(cutPlace(plain, low)).replace("....", "...");
}
