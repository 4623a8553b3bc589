// The offline log on disk: entries come back in order after a restart, with the answers kept under their
// keys; a last line torn by a crash is dropped (and said), the file put back to whole lines; a damaged line in
// the middle stops the load instead of being skipped.
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { OfflineDeskAction } from "../../protocol/continuity.ts";
import { OfflineLog } from "../continuity/offline-log.ts";
import { removeTempDirs, tempDir } from "./helpers.ts";

afterEach(removeTempDirs);

function entry(seq: number): OfflineDeskAction {
  return {
    type: "desk",
    seq,
    at: 1_700_000_000_000 + seq,
    deskId: "d1",
    command: { action: "call-next" },
    by: "anna",
    tickets: [],
    desks: [],
    calls: [],
  };
}

describe("offline log", () => {
  it("keeps entries and answers across a reopen, and refuses a seq written before", () => {
    const path = join(tempDir(), "log.jsonl");
    const first = OfflineLog.open(path).log;
    first.append(entry(1), { key: "anna|key-0001", fingerprint: "f", status: 200, body: { ok: 1 } });
    first.append(entry(2));
    expect(() => first.append(entry(2))).toThrow(/not above 2/);
    first.close();
    const { log, problem } = OfflineLog.open(path);
    expect(problem).toBeNull();
    expect(log.entries().map((e) => e.seq)).toEqual([1, 2]);
    expect(log.lastSeq).toBe(2);
    expect(log.above(1).map((e) => e.seq)).toEqual([2]);
    // A log lost while the site had applied 7 entries goes on above them, never reusing a seq the site would skip.
    expect(log.nextSeq(7)).toBe(8);
    expect(log.nextSeq(0)).toBe(3);
    expect(log.answers()).toEqual([{ key: "anna|key-0001", fingerprint: "f", status: 200, body: { ok: 1 } }]);
    log.close();
  });

  it("drops the lines the site applied once they are old, keeping the rest and the last line, also across a reopen", () => {
    const path = join(tempDir(), "log.jsonl");
    const log = OfflineLog.open(path).log;
    for (let seq = 1; seq <= 5; seq++) log.append(entry(seq), { key: `anna|key-000${seq}`, fingerprint: "f", status: 200, body: {} });
    // Applied through 3; entries 1 and 2 are old.
    log.compact(3, entry(3).at);
    expect(log.entries().map((e) => e.seq)).toEqual([3, 4, 5]);
    log.append(entry(6));
    log.compact(6, entry(9).at);
    expect(log.entries().map((e) => e.seq)).toEqual([6]);
    expect(log.nextSeq(0)).toBe(7);
    log.close();
    const again = OfflineLog.open(path);
    expect(again.problem).toBeNull();
    expect(again.log.entries().map((e) => e.seq)).toEqual([6]);
    expect(readFileSync(path, "utf8").trim().split("\n")).toHaveLength(1);
    again.log.close();
  });

  it("drops a last line torn by a crash, says so, and appends after the whole lines", () => {
    const path = join(tempDir(), "log.jsonl");
    const first = OfflineLog.open(path).log;
    first.append(entry(1));
    first.close();
    appendFileSync(path, JSON.stringify({ entry: entry(2) }).slice(0, 40));
    const { log, problem } = OfflineLog.open(path);
    expect(problem).toMatch(/last line was cut short by a crash/);
    expect(log.lastSeq).toBe(1);
    log.append(entry(2));
    log.close();
    const lines = readFileSync(path, "utf8").trim().split("\n");
    expect(lines.map((l) => (JSON.parse(l) as { entry: { seq: number } }).entry.seq)).toEqual([1, 2]);
  });

  it("stops at a damaged line that is not the last, rather than skip an entry", () => {
    const path = join(tempDir(), "log.jsonl");
    writeFileSync(path, `${JSON.stringify({ entry: entry(1) })}\n{"oops"\n${JSON.stringify({ entry: entry(2) })}\n`);
    expect(() => OfflineLog.open(path)).toThrow(/line 2 is unreadable/);
  });
});
