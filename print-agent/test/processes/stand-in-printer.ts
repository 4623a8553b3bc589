// Test support: a network receipt printer on a loopback port. It records every byte of every
// print connection and answers ESC/POS real-time status requests (DLE EOT 1-4) for the state the
// test sets. Its answers are written out from the ESC/POS manual here, not taken from the agent.
import type { AddressInfo, Server, Socket } from "node:net";
import { createServer } from "node:net";
import type { PrinterState } from "../../../protocol/live.ts";

/** Answers to DLE EOT 1, 2, 3, 4 (bits 1 and 4 always set). */
const ANSWERS: Record<PrinterState, [number, number, number, number]> = {
  ready: [0x12, 0x12, 0x12, 0x12],
  // n=1 offline; n=2 stopped by paper end; n=4 paper end (and near end).
  "paper-out": [0x1a, 0x32, 0x12, 0x7e],
  // n=1 offline; n=2 cover open.
  "cover-open": [0x1a, 0x16, 0x12, 0x12],
  // n=1 offline; n=2 error; n=3 autocutter error.
  error: [0x1a, 0x52, 0x1a, 0x12],
  offline: [0x1a, 0x12, 0x12, 0x12],
};

export class StandInPrinter {
  /** What the printer answers now; "silent" never answers a status request. */
  state: PrinterState | "silent" = "ready";
  /** The bytes of each print connection, in order. */
  readonly jobs: Uint8Array[] = [];
  /** The state at the moment each print arrived. */
  readonly statesAtPrint: string[] = [];
  statusRequests = 0;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly listeners = new Set<() => void>();

  private constructor(server: Server) {
    this.server = server;
  }

  static async start(): Promise<StandInPrinter> {
    const server = createServer();
    const printer = new StandInPrinter(server);
    server.on("connection", (s) => printer.serve(s));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return printer;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Calls back once, when the next print has been received (tests use it to change the state after a print). */
  afterNextPrint(fn: () => void): void {
    this.listeners.add(fn);
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("error", () => {});
    const chunks: Buffer[] = [];
    let kind: "status" | "print" | null = null;
    let pending = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      kind ??= chunk[0] === 0x10 && chunk[1] === 0x04 ? "status" : "print";
      if (kind === "print") {
        chunks.push(chunk);
        return;
      }
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 3 && pending[0] === 0x10 && pending[1] === 0x04) {
        const n = pending[2]!;
        pending = pending.subarray(3);
        this.statusRequests++;
        if (this.state !== "silent" && n >= 1 && n <= 4) socket.write(Uint8Array.of(ANSWERS[this.state][n - 1]!));
      }
    });
    socket.on("end", () => {
      if (kind === "print") {
        this.jobs.push(new Uint8Array(Buffer.concat(chunks)));
        this.statesAtPrint.push(this.state);
        const fns = [...this.listeners];
        this.listeners.clear();
        for (const fn of fns) fn();
      }
      socket.end();
    });
  }
}
