// Client side of the bench: HTTP calls, many WebSockets, a bounded request pool, percentiles.

import { randomBytes } from "node:crypto";
import { request } from "node:http";

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** JSON request; throws unless the status is `expect`. */
export async function api(base, path, { method = "GET", token, json, headers = {}, expect = 200, timeoutMs = 30_000 } = {}) {
  const h = { ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  if (json !== undefined) h["Content-Type"] = "application/json";
  let res, text;
  try {
    res = await fetch(`${base}${path}`, {
      method,
      headers: h,
      body: json === undefined ? undefined : JSON.stringify(json),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await res.text();
  } catch (e) {
    throw new Error(`${method} ${path}: ${e.cause?.message ?? e.message}`);
  }
  if (res.status !== expect) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/** Sockets that closed during the run (none should; the server never closes one by itself). */
export const closed = [];

/** Opens a WebSocket and resolves once it is open; `onMessage(data)` sees every text frame. */
export function openSocket(url, onMessage, timeoutMs = 15_000) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const timer = setTimeout(() => {
      ws.close();
      reject(new Error(`socket ${url.split("?")[0]}: not open after ${timeoutMs} ms`));
    }, timeoutMs);
    ws.addEventListener("message", (e) => onMessage(e.data));
    ws.addEventListener("close", (e) => {
      closed.push(`${url.split("?")[0]}: ${e.code} ${e.reason}`);
    });
    ws.addEventListener("open", () => {
      clearTimeout(timer);
      resolve(ws);
    });
    ws.addEventListener("error", () => {
      clearTimeout(timer);
      reject(new Error(`socket ${url.split("?")[0]}: failed to open`));
    });
  });
}

/** A phone's own client address (the Worker caps the e-ticket sockets per address; locally all share 127.0.0.1). */
export const phoneAddress = (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

/**
 * A passive socket for the 1,000 e-tickets: a raw HTTP upgrade whose frames are only counted
 * (`onFrame(payload)` per data frame, the payload a Buffer left to the caller), never decoded here. Node's WebSocket costs ~50 µs of client CPU per
 * frame, which on a small machine would measure the client instead of the server.
 * `headers` go with the upgrade; `onClose(code, reason)` sees the server's close frame, and a
 * socket given it may close without counting as a failure of the run.
 */
export function openCountingSocket(url, onFrame, { timeoutMs = 15_000, headers = {}, onClose } = {}) {
  const u = new URL(url.replace(/^ws/, "http"));
  return new Promise((resolve, reject) => {
    const req = request({
      host: u.hostname,
      port: u.port,
      path: u.pathname + u.search,
      agent: false,
      timeout: timeoutMs,
      headers: {
        ...headers,
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": randomBytes(16).toString("base64"),
      },
    });
    req.on("timeout", () => req.destroy(new Error(`socket ${u.pathname}: not open after ${timeoutMs} ms`)));
    req.on("error", reject);
    req.on("response", (res) => {
      res.resume();
      reject(new Error(`socket ${u.pathname}: ${res.statusCode} instead of 101`));
    });
    req.on("upgrade", (_res, socket, head) => {
      socket.setTimeout(0);
      let buf = head;
      const onData = (chunk) => {
        buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
        for (;;) {
          if (buf.length < 2) return;
          let len = buf[1] & 0x7f;
          let off = 2;
          if (len === 126) [len, off] = buf.length < 4 ? [-1, 0] : [buf.readUInt16BE(2), 4];
          else if (len === 127) [len, off] = buf.length < 10 ? [-1, 0] : [Number(buf.readBigUInt64BE(2)), 10];
          if (len < 0 || buf.length < off + len) return;
          const opcode = buf[0] & 0x0f;
          if (opcode <= 2) onFrame(buf.subarray(off, off + len));
          if (opcode === 8 && onClose) {
            const payload = buf.subarray(off, off + len);
            onClose(len >= 2 ? payload.readUInt16BE(0) : 1005, payload.subarray(2).toString("utf8"));
            socket.end(clientFrame(8, Buffer.from([0x03, 0xe8]))); // answer the close (1000)
          }
          buf = buf.subarray(off + len);
        }
      };
      onData(Buffer.alloc(0));
      socket.on("data", onData);
      socket.on("close", () => onClose || closed.push(`${u.pathname}: connection closed`));
      socket.on("error", () => {});
      resolve(socket);
    });
    req.end();
  });
}

/** One masked client frame (a client must mask what it sends): `opcode` 1 is text, 8 close. */
export function clientFrame(opcode, payload) {
  const len = payload.length;
  const head = len < 126 ? Buffer.from([0x80 | opcode, 0x80 | len]) : Buffer.from([0x80 | opcode, 0x80 | 126, len >> 8, len & 255]);
  const mask = randomBytes(4);
  const body = Buffer.alloc(len);
  for (let i = 0; i < len; i++) body[i] = payload[i] ^ mask[i & 3];
  return Buffer.concat([head, mask, body]);
}

/** Runs fn(0..count-1) with at most `concurrency` in flight; resolves with results in order. */
export async function pool(count, concurrency, fn) {
  const out = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      out[i] = await fn(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return out;
}

/** Resolves when check() returns a value other than undefined; polls every millisecond, bounded. */
export async function until(check, timeoutMs, what, detail = () => "") {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (closed.length) throw new Error(`${closed.length} sockets closed (server restarted?), e.g. ${closed[0]}`);
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail()}`);
    await sleep(1);
  }
}

/** Nearest-rank percentile of numbers (p in 0..1). */
export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)];
}

/** One request with its status, parsed body and duration; never throws. */
export async function timed(base, path, { method = "GET", json, headers = {} } = {}) {
  const t0 = performance.now();
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...headers, ...(json === undefined ? {} : { "Content-Type": "application/json" }) },
      body: json === undefined ? undefined : JSON.stringify(json),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let body = null;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body, ms: performance.now() - t0 };
  } catch (e) {
    return { status: 0, body: { error: { code: `NETWORK: ${e.cause?.message ?? e.message}` } }, ms: performance.now() - t0 };
  }
}
