// The Worker's workerd processes under a bench's wrangler dev: their memory, and the Worker's own
// address behind wrangler's proxy.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** The workerd processes under wrangler's process `pid`. */
export function workerdsUnder(pid) {
  const parent = new Map();
  const comm = new Map();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      comm.set(Number(d), stat.slice(stat.indexOf("(") + 1, close));
      parent.set(Number(d), Number(stat.slice(close + 2).split(" ")[1]));
    } catch {
      /* gone */
    }
  }
  const under = (p) => {
    for (let x = p; x > 1; x = parent.get(x) ?? 0) if (x === pid) return true;
    return false;
  };
  return [...comm].filter(([p, name]) => name === "workerd" && under(p)).map(([p]) => p);
}

/** Resident memory (MB) of the workerd processes under wrangler's process `pid`. */
export function workerdRssMb(pid) {
  let kb = 0;
  for (const p of workerdsUnder(pid)) {
    const m = /^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/status`, "utf8"));
    kb += Number(m?.[1] ?? 0);
  }
  return kb / 1024;
}

/** CPU time (ms, user and system, every thread) the workerd processes under wrangler's process `pid` have used. */
export function workerdCpuMs(pid) {
  let ticks = 0;
  for (const p of workerdsUnder(pid)) {
    const stat = readFileSync(`/proc/${p}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/**
 * The Worker's own address, behind wrangler's proxy: what a bench talks to, as at Cloudflare, where no dev
 * proxy relays requests and frames through a Node process on the same cores.
 */
export async function directBase(server) {
  const listening = execFileSync("ss", ["-ltnpH"], { encoding: "utf8" });
  for (const pid of workerdsUnder(server.pid)) {
    for (const m of listening.matchAll(new RegExp(`127\\.0\\.0\\.1:(\\d+) .*pid=${pid},`, "g"))) {
      const base = `http://127.0.0.1:${m[1]}`;
      if (base === server.base) continue;
      try {
        const res = await fetch(`${base}/api/v1/sites`, { signal: AbortSignal.timeout(5_000) });
        if (res.ok && (await res.json()).sites) return base;
      } catch {
        /* not the Worker */
      }
    }
  }
  throw new Error("the Worker's own address behind wrangler's proxy was not found");
}

/**
 * Where a bench sends its requests and sockets: straight to the Worker's workerd, as at Cloudflare, where no dev
 * proxy relays them (wrangler's proxy is a Node process on the same cores that relays every request and every
 * frame); through that proxy with BENCH_PROXY=1. `path` says which, for the table.
 */
export async function benchBase(server) {
  if (process.env.BENCH_PROXY === "1") return { base: server.base, path: "through wrangler's proxy" };
  return { base: await directBase(server), path: "straight to the Worker's workerd" };
}
