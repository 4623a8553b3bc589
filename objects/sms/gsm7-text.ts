// A text rewritten in the GSM-7 alphabet, for an SMS that would not fit its segments in UCS-2: Polish letters
// lose their marks (ą → a, ł → l, as Polish SMS gateways do when asked to save parts), typographic dashes,
// quotes and spaces become their ASCII forms, other accented letters lose their accents, and anything still
// outside the alphabet becomes "?". GSM-7 carries 153 characters a part, UCS-2 only 67.
import { isGsm7 } from "./segments.ts";

const REPLACEMENTS: Record<string, string> = {
  ł: "l",
  Ł: "L",
  "–": "-",
  "—": "-",
  "‑": "-",
  "„": '"',
  "”": '"',
  "“": '"',
  "‚": "'",
  "‘": "'",
  "’": "'",
  "…": "...",
  "\u00a0": " ",
  "\u202f": " ",
};

/** `text` in the GSM-7 alphabet: every character kept if it is in it, else its closest form. */
export function toGsm7(text: string): string {
  let out = "";
  for (const ch of text) {
    if (isGsm7(ch)) {
      out += ch;
      continue;
    }
    const replaced = REPLACEMENTS[ch];
    if (replaced !== undefined) {
      out += replaced;
      continue;
    }
    const bare = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    out += bare !== ch && isGsm7(bare) ? bare : "?";
  }
  return out;
}
