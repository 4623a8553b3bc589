// The latest replica of the site (the configuration and today's queue the site object sends in every agent
// frame), kept on disk so that an agent restarted while the office is cut off can still serve the hall. The
// file is replaced atomically (temporary file, fsync, rename, fsync of the folder): a crash leaves the old
// replica or the new one, never half of one.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { ContinuityReplica } from "../../protocol/continuity.ts";

export function loadReplica(path: string): { replica: ContinuityReplica | null; problem: string | null } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return { replica: null, problem: null };
  }
  try {
    const parsed = ContinuityReplica.safeParse(JSON.parse(text));
    if (parsed.success) return { replica: parsed.data, problem: null };
    return { replica: null, problem: `the site's replica in ${path} is not one this agent reads; waiting for a new one` };
  } catch {
    return { replica: null, problem: `the site's replica in ${path} is unreadable; waiting for a new one` };
  }
}

export function saveReplica(path: string, replica: ContinuityReplica): void {
  writeAtomically(path, JSON.stringify(replica));
}

/** Writes a whole file so that a crash leaves the old content or the new one. */
export function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, "w", 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  const dir = openSync(dirname(path), "r");
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}
