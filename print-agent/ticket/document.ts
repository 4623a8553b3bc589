// The ticket as one receiptline document (a markdown for receipts): the same text renders to
// ESC/POS bytes for the printer and to SVG/PNG for the preview. Layout, top to bottom: city and
// site, matter, the number (large), people ahead, estimated wait (a range), date and time, the e-ticket QR
// code, a short note; the printer cuts the paper at the end. A priority ticket's number carries the
// priority mark, an inverted "P" before it (the same mark as on the screens, without saying why).
import type { PrintJob } from "../../protocol/live.ts";
import type { Language, Paper } from "../config.ts";
import { estimatedWaitRangeText, estimatedWaitText, noteLines, takenAtText, waitingAheadText, yourNumberText } from "./wording.ts";

export interface PaperLayout {
  /** Characters per line of the printer's font A (12 dots wide): 576 dots on 80 mm, 384 on 58 mm. */
  cpl: number;
  /** QR module size in dots. */
  qrCell: number;
  /** receiptline's size marks for the number: 7 carets = 6x, 6 carets = 5x. */
  numberMarks: string;
}

export const PAPER: Record<Paper, PaperLayout> = {
  "80mm": { cpl: 48, qrCell: 6, numberMarks: "^^^^^^^" },
  "58mm": { cpl: 32, qrCell: 5, numberMarks: "^^^^^^" },
};

/** The priority mark: a "P" printed white on black (receiptline's backquotes invert). */
export const PRIORITY_MARK = "`P`";

export interface TicketOptions {
  paper: Paper;
  language: Language;
  timeZone: string;
}

export function ticketDocument(ticket: PrintJob["ticket"], opts: TicketOptions): string {
  const layout = PAPER[opts.paper];
  const lang = opts.language;
  const cpl = layout.cpl;
  // receiptline breaks long lines anywhere; we break them between words first.
  const para = (s: string, width = cpl, mark = ""): string[] =>
    wrapWords(s, width).map((l) => `${mark}${text(l)}${mark.startsWith('"') ? '"' : ""}`);
  const lines = [
    "",
    ...para(ticket.city, Math.floor(cpl / 2), "^^^"),
    ...para(ticket.siteName),
    "-",
    ...para(ticket.matterName, cpl, '"'),
    "",
    ...para(yourNumberText(lang)),
    `${layout.numberMarks}${ticket.priority ? `${PRIORITY_MARK} ` : ""}${text(ticket.number)}`,
    "",
    ...para(waitingAheadText(ticket.waitingAhead, lang)),
    // The range shown at issue; a job from an older site object has only the single number.
    ...para(
      ticket.estimatedWait ? estimatedWaitRangeText(ticket.estimatedWait, lang) : estimatedWaitText(ticket.estimatedWaitMinutes, lang),
    ),
    ...para(takenAtText(ticket.takenAt, opts.timeZone, lang)),
    "",
    `{code:${property(ticket.eticketUrl)}; option:qrcode,${layout.qrCell},m}`,
    "",
    ...noteLines(lang).flatMap((l) => para(l)),
    "",
  ];
  return lines.join("\n");
}

/** Splits text into lines of at most `width` characters, between words where it can. */
export function wrapWords(s: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (let word of s.split(/\s+/).filter(Boolean)) {
    while (word.length > width) {
      if (line) lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = "";
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Characters the printer's code page 852 lacks, replaced by what it has. Polish letters are all in cp852. */
const TYPOGRAPHY: Record<string, string> = {
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u201e": '"',
  "\u201d": '"',
  "\u201c": '"',
  "\u2018": "'",
  "\u2019": "'",
  "\u2026": "...",
  "\u00a0": " ",
};

/** Plain text made safe for a receiptline text line: typography simplified, special characters escaped. */
export function text(s: string): string {
  const plain = [...s.replace(/[\r\n\t]+/g, " ").trim()].map((c) => TYPOGRAPHY[c] ?? c).join("");
  const escaped = plain.replace(/[\\|{}~_"`^]/g, (c) => `\\${c}`);
  // A line of only dashes or equals signs would be a rule or a paper cut.
  return /^[-=]+$/.test(escaped) ? `\\${escaped}` : escaped;
}

/** A value inside {code:…}: its own special characters escaped. */
function property(s: string): string {
  return s.replace(/[\\|{};]/g, (c) => `\\${c}`);
}
