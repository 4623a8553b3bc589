// ESC/POS real-time status (DLE EOT n): the four requests and how their answers map to the
// printer states the kiosk shows (protocol/live.ts PRINTER_STATES).
//   n=1 printer status:      bit 3 offline
//   n=2 offline cause:       bit 2 cover open, bit 3 paper fed by the button, bit 5 stopped by paper end, bit 6 error
//   n=3 error cause:         bit 2 recoverable, bit 3 autocutter, bit 5 unrecoverable, bit 6 auto-recoverable (head too hot)
//   n=4 roll paper sensor:   bits 2-3 paper near end, bits 5-6 paper end
// Every answer byte has bit 1 and bit 4 set and bits 0 and 7 clear (0x12 under the mask 0x93).
import type { PrinterState } from "../../protocol/live.ts";

export const DLE = 0x10;
export const EOT = 0x04;
export const STATUS_KINDS = [1, 2, 3, 4] as const;
export type StatusKind = (typeof STATUS_KINDS)[number];

export function statusRequest(n: StatusKind): Uint8Array {
  return Uint8Array.of(DLE, EOT, n);
}

export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

export interface StatusBytes {
  printer: number;
  offlineCause: number;
  errorCause: number;
  paper: number;
}

export interface Reading {
  state: PrinterState;
  /** The roll is running low: still "ready", worth a warning in the log. */
  paperNearEnd: boolean;
}

/** Maps the four answers to one state. Cover first (an open cover also trips the paper sensor), then paper, errors, offline. */
export function readStatus(s: StatusBytes): Reading {
  const paperNearEnd = (s.paper & 0x0c) !== 0;
  let state: PrinterState = "ready";
  if (s.offlineCause & 0x04) state = "cover-open";
  else if (s.paper & 0x60 || s.offlineCause & 0x20) state = "paper-out";
  else if (s.offlineCause & 0x40 || s.errorCause & 0x6c) state = "error";
  else if (s.printer & 0x08 && !(s.offlineCause & 0x08)) state = "offline";
  return { state, paperNearEnd };
}
