// Kiosk check-in (R7, Koszalin): the code sent by SMS and typed at the kiosk, and the window in which
// the kiosk accepts it (from `early` minutes before the slot until `late` minutes after its start).
import { draw, type RandomInt } from "./random.ts";

/** Digits and capitals without the look-alikes 0/O and 1/I/L: 31 characters. */
export const CHECK_IN_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CHECK_IN_CODE_LENGTH = 6;
const MAX_ATTEMPTS = 100;

/** A fresh code; `inUse` (the site's active codes) makes it unique. Throws if the space looks exhausted. */
export function newCheckInCode(random: RandomInt, inUse: (code: string) => boolean = () => false): string {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    let code = "";
    for (let i = 0; i < CHECK_IN_CODE_LENGTH; i++) code += CHECK_IN_ALPHABET[draw(random, CHECK_IN_ALPHABET.length)];
    if (!inUse(code)) return code;
  }
  throw new Error("no free check-in code after 100 attempts");
}

/** What was typed at the kiosk → the code (upper case, spaces and dashes dropped), or null if it cannot be one. */
export function normalizeCheckInCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, "").toUpperCase();
  if (code.length !== CHECK_IN_CODE_LENGTH) return null;
  for (const ch of code) if (!CHECK_IN_ALPHABET.includes(ch)) return null;
  return code;
}

export type CheckInWindow = "ok" | "too-early" | "too-late";

/** Half-open window [slotStart − early, slotStart + late). */
export function checkInWindow(args: { slotStart: number; earlyMinutes: number; lateMinutes: number; now: number }): CheckInWindow {
  if (args.now < args.slotStart - args.earlyMinutes * 60_000) return "too-early";
  if (args.now >= args.slotStart + args.lateMinutes * 60_000) return "too-late";
  return "ok";
}
