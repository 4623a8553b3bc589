// Kiosk printers as the site's print agent last reported them (R2: a kiosk whose printer is out shows its QR code).
import type { PrinterStatus } from "../../protocol/live.ts";

/** The list after a report, sorted by kiosk; null when the report changes nothing. */
export function withPrinterReport(
  current: PrinterStatus[],
  kioskId: string,
  state: PrinterStatus["state"],
  at: string,
): PrinterStatus[] | null {
  if (current.some((p) => p.kioskId === kioskId && p.state === state)) return null;
  const next = [...current.filter((p) => p.kioskId !== kioskId), { kioskId, state, at }];
  return next.sort((x, y) => (x.kioskId < y.kioskId ? -1 : 1));
}
