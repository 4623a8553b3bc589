// The real local server of a fault row: `wrangler dev` with --persist-to (test/bench/server.mjs),
// which a row kills with SIGKILL on its process group and starts again on the same storage and port.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../../test/bench/server.mjs";

const root = join(import.meta.dirname, "..", "..");
const CONFIG = "test/bench/wrangler.bench.jsonc";

/**
 * A server on fresh storage (or `state`, a folder the caller owns). Returns
 * { base, port, state, kill(), restart(), stop() }: kill() is the crash, restart() brings it back on
 * the same port and storage, stop() ends it and removes the storage it made.
 */
export async function siteServer({ state } = {}) {
  const own = state === undefined;
  const dir = state ?? mkdtempSync(join(tmpdir(), "numerek-faults-"));
  let current = await startServer({ root, config: CONFIG, state: dir });
  const port = Number(new URL(current.base).port);
  let down = false;
  return {
    base: current.base,
    port,
    state: dir,
    async kill() {
      down = true;
      await current.kill();
    },
    async restart() {
      current = await startServer({ root, config: CONFIG, state: dir, port });
      down = false;
    },
    /** The server's last output (its log level is the bench's). */
    log: () => current.log(),
    async stop() {
      if (!down) await current.stop();
      if (own) rmSync(dir, { recursive: true, force: true });
    },
  };
}
