// The rules of pairing, as plain functions: how a code is drawn and shown, how long it lives, how many
// may wait at once (from one client address and in all), which role a device of each kind signs in as,
// and whether a manager who typed a code may pair it with the device they chose.
import type { Role } from "../../protocol/api.ts";
import type { DeviceKind } from "../../protocol/devices.ts";
import type { ErrorCode } from "../../protocol/errors.ts";
import { draw, type RandomInt } from "../booking/random.ts";

/** Letters and digits that cannot be read as one another (no 0/O/Q, 1/I, 2/Z, 5/S, 6/G, 8/B). */
export const CODE_ALPHABET = "ACDEFHJKLMNPRTUVWXY3479";
export const CODE_LENGTH = 6;
/** A code shown on a device lives this long; the device asks for a new one after. */
export const PAIRING_TTL_MS = 10 * 60_000;
/** An expired code is remembered this long more, so a manager who typed it late is told it expired. */
export const EXPIRED_KEPT_MS = 60 * 60_000;
/** How often a waiting device asks whether it has been paired. */
export const POLL_AFTER_S = 4;
/** Codes waiting at once from one client address (an office NAT sets up many devices at once). */
export const MAX_WAITING_PER_ADDRESS = 100;
/** Codes waiting at once in the whole deployment: the object's storage stays small whatever is asked. */
export const MAX_WAITING = 5_000;
/** Wrong codes a manager may type in an hour before being made to wait (codes cannot be guessed). */
export const MAX_MISSES_PER_HOUR = 20;

/** A fresh code of CODE_LENGTH characters of CODE_ALPHABET. */
export function drawCode(random: RandomInt): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[draw(random, CODE_ALPHABET.length)];
  return code;
}

/** How a code is shown: two groups of three, "K7M-4QX". */
export function showCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

/** The role a device of a kind signs in as (protocol/roles.ts). */
export function deviceRole(kind: DeviceKind): Extract<Role, "kiosk" | "display" | "agent"> {
  switch (kind) {
    case "kiosk":
      return "kiosk";
    case "group-screen":
    case "desk-screen":
      return "display";
    case "agent":
      return "agent";
  }
}

/** The subject of a paired device's tokens: never a user name (user names have no colon). */
export function deviceSubject(pairingId: string): string {
  return `device:${pairingId}`;
}

/** A code waiting for its device, as the pairing object keeps it. */
export interface WaitingCode {
  kind: DeviceKind;
  siteId: string;
  expiresAt: number;
  /** Set once a manager has paired it. */
  pairedAt: number | null;
}

/**
 * Whether a manager may pair the code with the configured device `chosen` of `siteId`: a code unknown or
 * expired, paired already, opened for another site, or of another kind of device is refused.
 */
export function claimRefusal(
  code: WaitingCode | null,
  siteId: string,
  chosen: { kind: DeviceKind } | null,
  now: number,
): { code: ErrorCode; message: string } | null {
  if (!code) return { code: "PAIRING_CODE_UNKNOWN", message: "No device shows this code: check it on the device's screen." };
  if (code.pairedAt !== null) return { code: "PAIRING_CODE_USED", message: "This code has paired a device already." };
  if (code.expiresAt <= now) return { code: "PAIRING_CODE_EXPIRED", message: "This code has expired: the device shows a new one." };
  if (code.siteId !== siteId) {
    return { code: "PAIRING_SITE_MISMATCH", message: "The device was opened for another site: open it with this site's address." };
  }
  if (!chosen) return { code: "UNKNOWN_DEVICE", message: "The site has no such device in its configuration." };
  if (chosen.kind !== code.kind) {
    return { code: "DEVICE_KIND_MISMATCH", message: `The device is a ${code.kind}, not a ${chosen.kind}: choose a device of its kind.` };
  }
  return null;
}
