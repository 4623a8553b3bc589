// Test support: bounded waits, temporary folders, sample jobs and a configuration for an agent
// that talks to a FakeSite and prints on a StandInPrinter, with short timings.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsqr from "jsqr";
import type { AnnounceJob, PrintJob } from "../../protocol/live.ts";
import type { AgentConfig } from "../config.ts";
import { parseConfig } from "../config.ts";
import { decodeEscPos } from "./escpos-decoder.ts";
import type { StandInPrinter } from "./processes/stand-in-printer.ts";

/** Waits until `cond` holds, checking every 10 ms; fails after `ms` with what it was waiting for. */
export async function waitFor(cond: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const made: string[] = [];
export function tempDir(prefix = "numerek-agent-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
export function removeTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

let counter = 0;
export function printJob(number: string, extra: Partial<PrintJob["ticket"]> = {}): PrintJob {
  const now = new Date().toISOString();
  return {
    id: `job_print_${++counter}_${number}`,
    kind: "print",
    kioskId: "kiosk-1",
    createdAt: now,
    ticket: {
      number,
      matterName: "Dowód osobisty",
      siteName: "Wydział Spraw Administracyjnych",
      city: "Toruń",
      waitingAhead: 2,
      estimatedWaitMinutes: 9,
      takenAt: now,
      eticketUrl: `http://127.0.0.1:8787/t/demo.${number}abcdefghijklmnopq`,
      ...extra,
    },
  };
}

export function announceJob(number: string, deskNumber: number, createdAt = new Date().toISOString()): AnnounceJob {
  return { id: `job_call_${++counter}_${number}`, kind: "announce", number, deskName: `Stanowisko ${deskNumber}`, deskNumber, createdAt };
}

/** An agent configuration for tests: fast keep-alive, reconnects and status polls. */
export function testConfig(server: string, store: string, extra: Record<string, unknown> = {}): AgentConfig {
  return parseConfig(
    {
      server,
      siteId: "demo",
      username: "agent-demo",
      password: "demo",
      store,
      keepAliveSeconds: 0.5,
      reconnect: { minSeconds: 0.02, maxSeconds: 0.1 },
      statusIntervalSeconds: 0.03,
      ...extra,
    },
    tmpdir(),
    {},
  );
}

/** The ticket numbers the stand-in printer received, in order, read back from its bytes. */
export function printedNumbers(jobs: Uint8Array[]): string[] {
  return jobs.map((bytes) => {
    const big = decodeEscPos(bytes).lines.find((l) => l.height >= 5);
    return big ? big.text : "(no number)";
  });
}

/** Reads a QR code from RGBA pixels with jsqr (a real QR reader); null when none is found. */
export function readQr(image: { data: Uint8ClampedArray; width: number; height: number }): string | null {
  // jsqr is CommonJS: its export is the reader function, also reachable as .default, which is what its types describe.
  return jsqr.default(image.data, image.width, image.height)?.data ?? null;
}

/**
 * Waits until the agent has read the printer's status twice more. The printer worker reads the
 * status before every print, so a job still queued would have printed by then: after this, "printed
 * once" means once, not "once so far".
 */
export async function twoMoreStatusReads(printer: StandInPrinter): Promise<void> {
  const seen = printer.statusRequests;
  await waitFor(() => printer.statusRequests >= seen + 8, "two more printer status reads");
}
