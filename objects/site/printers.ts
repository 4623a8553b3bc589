// Kiosk printers as the site's print agent last reported them (R2: a kiosk whose printer is out shows its QR code).
import type { PrinterState, PrinterStatus } from "../../protocol/live.ts";

/**
 * The list once the site's print agent is gone: nobody knows whether any kiosk prints, so each shows its QR
 * fallback until the agent is back and reports again. Null when every printer is already so.
 */
export function withoutAgent(current: readonly PrinterStatus[], at: string): PrinterStatus[] | null {
  if (current.every((p) => p.state === "no-agent")) return null;
  return current.map((p) => (p.state === "no-agent" ? p : { kioskId: p.kioskId, state: "no-agent", at }));
}

/** The list after a report, sorted by kiosk; null when the report changes nothing. */
export function withPrinterReport(
  current: readonly PrinterStatus[],
  kioskId: string,
  state: PrinterState,
  at: string,
): PrinterStatus[] | null {
  if (current.some((p) => p.kioskId === kioskId && p.state === state)) return null;
  const next = [...current.filter((p) => p.kioskId !== kioskId), { kioskId, state, at }];
  return next.sort((x, y) => (x.kioskId < y.kioskId ? -1 : 1));
}
