// Runs an outside program (espeak-ng, sox, aplay, paplay) with a time limit and collects what it
// printed. A program that is not installed is reported as such, not as a crash.
import { spawn } from "node:child_process";

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export type Runner = (cmd: string, args: string[], timeoutMs?: number) => Promise<RunResult>;

export class MissingProgram extends Error {}

export const run: Runner = (cmd, args, timeoutMs = 30_000) =>
  new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === "ENOENT" ? new MissingProgram(`${cmd} is not installed`) : e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });

/** Runs and insists on success. */
export async function runOk(runner: Runner, cmd: string, args: string[], timeoutMs?: number): Promise<string> {
  const r = await runner(cmd, args, timeoutMs);
  if (r.code !== 0) throw new Error(`${cmd} failed (${r.code ?? "killed"}): ${r.stderr.trim().split("\n")[0] ?? ""}`);
  return r.stdout;
}
