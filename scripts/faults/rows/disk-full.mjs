// The disk full under the site's state: a small tmpfs mounted under --persist-to and filled with dd.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { login, must, send } from "../http.mjs";
import { siteServer } from "../server.mjs";
import { tally } from "../tally.mjs";

const SIZE = "256m";
/** Tickets are written until this many are refused (SQLite fills the free pages of its files first), at most MAX_WRITES. */
const REFUSALS = 10;
const MAX_WRITES = 3000;

export const diskFull = {
  name: "disk-full",
  fault: `the disk full under the site's state (a ${SIZE} tmpfs under --persist-to, filled with dd)`,
  expected:
    "writes answer 503 STORAGE_FAILED (nothing half-stored), reads answer; nothing stored is lost; writes work again once space is freed",
  async run() {
    if (process.getuid?.() !== 0) return { observed: "not run: needs root to mount a tmpfs", lost: null, doubled: null, passed: false };
    const state = mkdtempSync(join(tmpdir(), "numerek-faults-disk-"));
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${SIZE}`, "tmpfs", state]);
    let server = null;
    const fill = join(state, "fill");
    try {
      server = await siteServer({ state });
      const kiosk = await login(server.base, "kiosk-demo", "demo");
      const admin = await login(server.base, "admin", "admin");
      const post = (key) =>
        send(server.base, "/api/v1/sites/demo/tickets", { method: "POST", token: kiosk, key, json: { matterId: "dowod" } });
      const answers = [];
      for (let i = 0; i < 5; i++) {
        const r = await post(`faults-disk-before-${i}`);
        if (r.status === 201) answers.push({ key: `before-${i}`, id: r.body.id });
      }
      spawnSync("dd", ["if=/dev/zero", `of=${fill}`, "bs=1M"], { stdio: "ignore" }); // stops at ENOSPC
      const codes = new Map();
      let written = 0;
      let refused = 0;
      for (let i = 0; i < MAX_WRITES && refused < REFUSALS; i++) {
        const r = await post(`faults-disk-full-${i}`);
        written++;
        if (r.status !== 201) refused++;
        const code = `${r.status}${r.body?.error?.code ? ` ${r.body.error.code}` : ""}`;
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (r.status === 201) answers.push({ key: `full-${i}`, id: r.body.id });
      }
      const read = await send(server.base, "/api/v1/sites/demo/queue", { token: admin });
      const status = await send(server.base, "/api/v1/public/sites/demo/status");
      rmSync(fill, { force: true });
      const after = await post("faults-disk-after");
      if (after.status === 201) answers.push({ key: "after", id: after.body.id });
      const queue = await must(server.base, "/api/v1/sites/demo/queue", { token: admin });
      const { lost, doubled } = tally({ answers, stored: queue.tickets.map((t) => t.id) });
      const writes = [...codes].map(([c, n]) => `${n}× ${c}`).join(", ");
      const refusedRight = [...codes.keys()].every((c) => c === "201" || c === "503 STORAGE_FAILED");
      return {
        observed: `while full: ${written} ticket writes (until ${REFUSALS} were refused) answered ${writes}; queue read ${read.status}, public status ${status.status}; space freed: a write ${after.status}; ${queue.tickets.length} tickets stored, ${answers.length} answered`,
        lost,
        doubled,
        passed:
          lost === 0 && doubled === 0 && refusedRight && codes.has("503 STORAGE_FAILED") && read.status === 200 && after.status === 201,
      };
    } finally {
      rmSync(fill, { force: true });
      await server?.stop();
      spawnSync("umount", [state]);
      rmSync(state, { recursive: true, force: true });
    }
  },
};
