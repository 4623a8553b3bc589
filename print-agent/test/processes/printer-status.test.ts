// Printer state from ESC/POS real-time status (DLE EOT 1-4), read over TCP from the stand-in
// printer: what the kiosk's fallback and the technician's log rely on.

import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { PrinterState } from "../../../protocol/live.ts";
import { readStatus } from "../../printer/escpos-status.ts";
import { TcpPrinter } from "../../printer/tcp-printer.ts";
import { renderTicket } from "../../ticket/render.ts";
import { decodeEscPos } from "../escpos-decoder.ts";
import { printJob } from "../helpers.ts";
import { StandInPrinter } from "./stand-in-printer.ts";

let printer: StandInPrinter | null = null;
afterEach(async () => {
  await printer?.close();
  printer = null;
});

describe("printer status", () => {
  it.each<[PrinterState]>([["ready"], ["paper-out"], ["cover-open"], ["error"], ["offline"]])(
    "a printer answering %s is read as %s",
    async (state) => {
      printer = await StandInPrinter.start();
      printer.state = state;
      const r = await new TcpPrinter({ host: "127.0.0.1", port: printer.port }).status();
      expect(r.state).toBe(state);
      expect(printer.statusRequests).toBe(4);
    },
  );

  it("paper near its end is still ready, with a warning flag", () => {
    expect(readStatus({ printer: 0x12, offlineCause: 0x12, errorCause: 0x12, paper: 0x1e })).toEqual({
      state: "ready",
      paperNearEnd: true,
    });
    // An open cover also trips the paper sensor: the cover is what the technician must see first.
    expect(readStatus({ printer: 0x1a, offlineCause: 0x36, errorCause: 0x12, paper: 0x72 }).state).toBe("cover-open");
  });

  it("a printer that is switched off (nothing listens) or never answers is offline", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const off = await new TcpPrinter({ host: "127.0.0.1", port, connectTimeoutMs: 1000 }).status();
    expect(off.state).toBe("offline");

    printer = await StandInPrinter.start();
    printer.state = "silent";
    const mute = await new TcpPrinter({ host: "127.0.0.1", port: printer.port, answerTimeoutMs: 200 }).status();
    expect(mute).toMatchObject({ state: "offline", detail: "no answer to a status request" });
  });

  it("a ticket sent over TCP arrives whole: the printer receives exactly the rendered bytes", async () => {
    printer = await StandInPrinter.start();
    const ticket = renderTicket(printJob("A001"), { paper: "80mm", language: "pl", timeZone: "Europe/Warsaw" }, "escpos");
    await new TcpPrinter({ host: "127.0.0.1", port: printer.port }).print(ticket);
    expect(printer.jobs).toHaveLength(1);
    expect(Buffer.from(printer.jobs[0]!).equals(Buffer.from(ticket.bytes))).toBe(true);
    expect(decodeEscPos(printer.jobs[0]!).lines.some((l) => l.text === "A001")).toBe(true);
  });
});
