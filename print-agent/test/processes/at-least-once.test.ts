// Jobs are delivered at least once and done once: a ticket whose ack is lost with the connection
// is not printed again; jobs accepted before a restart are printed by the next start, even
// before the server is back, and each only once. Against a fake site speaking the real protocol.
import { afterEach, describe, expect, it } from "vitest";
import { Agent } from "../../agent.ts";
import { MemoryLogger } from "../../log.ts";
import { printedNumbers, printJob, removeTempDirs, tempDir, testConfig, twoMoreStatusReads, waitFor } from "../helpers.ts";
import { FakeSite } from "./fake-site.ts";
import { StandInPrinter } from "./stand-in-printer.ts";

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  removeTempDirs();
});

async function setup(): Promise<{ site: FakeSite; printer: StandInPrinter; store: string }> {
  const site = await FakeSite.start();
  const printer = await StandInPrinter.start();
  cleanup.push(
    () => site.close(),
    () => printer.close(),
  );
  return { site, printer, store: `${tempDir()}/jobs.json` };
}

function startAgent(site: FakeSite, printer: StandInPrinter, store: string, log = new MemoryLogger()): Agent {
  const agent = new Agent(
    testConfig(site.url, store, { printers: { "kiosk-1": { type: "tcp", host: "127.0.0.1", port: printer.port } } }),
    { log },
  );
  agent.start();
  cleanup.push(() => agent.stop());
  return agent;
}

describe("at-least-once delivery, done once", { timeout: 15_000 }, () => {
  it("the connection is cut after the ticket is printed but before the ack arrives: after reconnecting it is acknowledged, not printed again", async () => {
    const { site, printer, store } = await setup();
    const job = printJob("A001");
    site.cutOnAck = job.id;
    site.addJobs(job);
    startAgent(site, printer, store);

    await waitFor(() => site.acks.includes(job.id), "the ack after reconnecting");
    expect(site.connections).toBeGreaterThanOrEqual(2); // the first socket died with the first ack
    expect(site.jobs).toEqual([]);
    await twoMoreStatusReads(printer);
    expect(printedNumbers(printer.jobs)).toEqual(["A001"]);
  });

  it("restarted with jobs pending: the new start prints them from its store before the server is back, then only acknowledges them", {
    timeout: 20_000,
  }, async () => {
    const { site, printer, store } = await setup();
    const jobs = [printJob("A001"), printJob("A002"), printJob("A003")];
    // The first ticket prints, then the paper runs out: the first agent holds the other two.
    printer.afterNextPrint(() => (printer.state = "paper-out"));
    site.addJobs(...jobs);
    const first = startAgent(site, printer, store);
    await waitFor(() => site.printerStates.some((p) => p.state === "paper-out"), "paper-out reported");
    expect(site.acks).toEqual([jobs[0]!.id]);
    await first.stop();

    // The server is down when the agent comes back with fresh paper.
    site.accepting = false;
    site.cut();
    printer.state = "ready";
    const log = new MemoryLogger();
    startAgent(site, printer, store, log);
    await waitFor(() => printer.jobs.length === 3, "the two remembered tickets printed while offline");
    expect(log.lines).toContain("info resuming 2 job(s) accepted before the restart");
    expect(site.open).toBe(0);

    // The server returns and lists both again: they are acknowledged, not printed again.
    site.accepting = true;
    // (a job done before the server's next update is acknowledged again: harmless, so count ids)
    await waitFor(() => new Set(site.acks).size === 3, "acks for the jobs done offline");
    expect(site.jobs).toEqual([]);
    await twoMoreStatusReads(printer);
    expect(printedNumbers(printer.jobs)).toEqual(["A001", "A002", "A003"]);
    expect(printer.statesAtPrint.every((s) => s === "ready")).toBe(true);
  });

  it("a job the server keeps listing after its ack is acknowledged again at every sight, never printed twice", async () => {
    const { site, printer, store } = await setup();
    site.keepAcked = true;
    const [b5, b6] = [printJob("B005"), printJob("B006")];
    site.addJobs(b5);
    startAgent(site, printer, store);
    await waitFor(() => site.acks.includes(b5.id), "the first ack");
    site.addJobs(b6); // an update listing B005 again, with B006
    await waitFor(
      () => site.acks.includes(b6.id) && site.acks.filter((id) => id === b5.id).length >= 2,
      "B006 done and B005 acknowledged again",
    );
    site.cut();
    await waitFor(() => site.connections >= 2 && site.acks.filter((id) => id === b6.id).length >= 2, "acks again after reconnecting");
    await twoMoreStatusReads(printer);
    expect(printedNumbers(printer.jobs)).toEqual(["B005", "B006"]);
  });
});

describe("a ticket the agent cannot print in time", { timeout: 15_000 }, () => {
  it("is reported unprinted, never acknowledged as done, and not printed; again after a restart while the site still lists it", async () => {
    const { site, printer, store } = await setup();
    // Taken 20 minutes ago, while the agent was away: older than the 10 minutes a ticket may wait to print.
    const old = printJob("A001", {});
    old.createdAt = new Date(Date.now() - 20 * 60_000).toISOString();
    const fresh = printJob("A002");
    site.keepAcked = true; // the site lists both again after each report
    site.addJobs(old, fresh);
    const first = startAgent(site, printer, store);
    await waitFor(() => site.acks.includes(fresh.id), "the fresh ticket printed and acknowledged");
    await waitFor(() => site.unprinted.some((u) => u.jobId === old.id), "the old ticket reported unprinted");
    expect(site.unprinted.find((u) => u.jobId === old.id)?.reason).toBe("too-old");
    expect(site.acks).not.toContain(old.id);
    expect(printedNumbers(printer.jobs)).toEqual(["A002"]);
    await first.stop();

    // A restart: the site still lists the old job (its report was lost, say); it is reported unprinted again.
    const reports = site.unprinted.length;
    startAgent(site, printer, store);
    await waitFor(() => site.unprinted.length > reports, "the old ticket reported unprinted again");
    expect(site.acks).not.toContain(old.id);
    await twoMoreStatusReads(printer);
    expect(printedNumbers(printer.jobs)).toEqual(["A002"]);
  });
});
