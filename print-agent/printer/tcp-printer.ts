// A network thermal printer (ESC/POS on TCP port 9100). Each operation opens its own short
// connection: a status check sends DLE EOT 1-4 and reads one byte for each; a print sends the
// ticket's bytes and closes. The printer worker never runs two operations at once.
import { Socket } from "node:net";
import type { PrinterState } from "../../protocol/live.ts";
import type { RenderedTicket } from "../ticket/render.ts";
import type { PrinterDevice, StatusReport } from "./device.ts";
import type { StatusKind } from "./escpos-status.ts";
import { isStatusByte, readStatus, STATUS_KINDS, statusRequest } from "./escpos-status.ts";

export interface TcpPrinterOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
  answerTimeoutMs?: number;
  printTimeoutMs?: number;
}

export class TcpPrinter implements PrinterDevice {
  private readonly opts: Required<TcpPrinterOptions>;

  constructor(opts: TcpPrinterOptions) {
    this.opts = { connectTimeoutMs: 3000, answerTimeoutMs: 1500, printTimeoutMs: 20_000, ...opts };
  }

  describe(): string {
    return `network printer ${this.opts.host}:${this.opts.port}`;
  }

  async status(): Promise<StatusReport> {
    let socket: Socket;
    try {
      socket = await this.connect();
    } catch (e) {
      return { state: "offline", paperNearEnd: false, detail: `cannot connect: ${e instanceof Error ? e.message : e}` };
    }
    const reader = new ByteReader(socket);
    try {
      const answers: number[] = [];
      for (const n of STATUS_KINDS) answers.push(await this.ask(socket, reader, n));
      const [printer = 0, offlineCause = 0, errorCause = 0, paper = 0] = answers;
      return { ...readStatus({ printer, offlineCause, errorCause, paper }), detail: null };
    } catch (e) {
      return { state: "offline" as PrinterState, paperNearEnd: false, detail: e instanceof Error ? e.message : String(e) };
    } finally {
      socket.destroy();
    }
  }

  async print(ticket: RenderedTicket): Promise<void> {
    const socket = await this.connect();
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("the printer did not take the ticket in time")), this.opts.printTimeoutMs);
        socket.once("error", (e) => {
          clearTimeout(timer);
          reject(e);
        });
        // The ticket ends with "GS r 1", whose one-byte answer we do not need: end our side and wait for the close.
        socket.on("data", () => {});
        socket.once("close", () => {
          clearTimeout(timer);
          resolve();
        });
        socket.end(ticket.bytes);
      });
    } finally {
      socket.destroy();
    }
  }

  private connect(): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error("connection timed out"));
      }, this.opts.connectTimeoutMs);
      socket.once("error", (e) => {
        clearTimeout(timer);
        socket.destroy();
        reject(e);
      });
      socket.connect(this.opts.port, this.opts.host, () => {
        clearTimeout(timer);
        socket.removeAllListeners("error");
        socket.on("error", () => {});
        socket.setNoDelay(true);
        resolve(socket);
      });
    });
  }

  private async ask(socket: Socket, reader: ByteReader, n: StatusKind): Promise<number> {
    socket.write(statusRequest(n));
    const b = await reader.next(this.opts.answerTimeoutMs);
    if (!isStatusByte(b)) throw new Error(`unexpected status answer 0x${b.toString(16)} to DLE EOT ${n}`);
    return b;
  }
}

/** Hands out the bytes a socket receives, one at a time, each wait bounded. */
class ByteReader {
  private readonly bytes: number[] = [];
  private waiter: ((b: number | null) => void) | null = null;
  private closed = false;

  constructor(socket: Socket) {
    socket.on("data", (chunk: Buffer) => {
      for (const b of chunk) this.bytes.push(b);
      this.wake();
    });
    socket.on("close", () => {
      this.closed = true;
      this.wake();
    });
  }

  next(timeoutMs: number): Promise<number> {
    const ready = this.bytes.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    if (this.closed) return Promise.reject(new Error("the printer closed the connection"));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new Error("no answer to a status request"));
      }, timeoutMs);
      this.waiter = (b) => {
        clearTimeout(timer);
        this.waiter = null;
        if (b === null) reject(new Error("the printer closed the connection"));
        else resolve(b);
      };
    });
  }

  private wake(): void {
    if (!this.waiter) return;
    const b = this.bytes.shift();
    if (b !== undefined) this.waiter(b);
    else if (this.closed) this.waiter(null);
  }
}
