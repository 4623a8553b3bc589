// The booking form's human check for the city day: the loopback Turnstile stand-in (as `npm start` and the
// browser tests run it), in a process of its own so that the load generator's busy event loop never
// delays the Worker's siteverify calls. Citizens mint their tokens from it over HTTP, as the widget does.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { mintToken } from "../../../scripts/turnstile-stand-in.mjs";

const READY_MS = 15_000;

export async function startHumanCheck(root) {
  const module = pathToFileURL(join(root, "scripts", "turnstile-stand-in.mjs")).href;
  const code = `const t = await (await import(${JSON.stringify(module)})).startTurnstileStandIn();
console.log(JSON.stringify(t.vars()) + "\\n" + t.origin);
process.on("SIGTERM", () => process.exit(0));`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", code], { stdio: ["ignore", "pipe", "ignore"] });
  const [vars, origin] = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("the Turnstile stand-in did not start")), READY_MS);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const lines = out.split("\n");
      if (lines.length >= 3) {
        clearTimeout(timer);
        resolve([JSON.parse(lines[0]), lines[1]]);
      }
    });
    child.once("exit", (c) => reject(new Error(`the Turnstile stand-in exited (${c})`)));
  });
  return {
    vars,
    /** A fresh token, as if a citizen had ticked the widget on the booking page. */
    mint: (what) => mintToken(origin, what),
    close: () => child.kill("SIGTERM"),
  };
}
