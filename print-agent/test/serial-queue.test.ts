// The one serial loop of the speakers and the printers: oldest job first, one turn at a time, a job
// leaves the queue only when its turn says it is done, a job begun cannot be withdrawn, "wait" waits
// for the next job or the poll interval, and stop lets the turn in progress finish.
import { describe, expect, it } from "vitest";
import { SerialQueue, type TurnOutcome } from "../serial-queue.ts";
import { sleep, waitFor } from "./helpers.ts";

interface Job {
  id: string;
}

/** A queue whose turns are recorded and finish only when the test releases them. */
function gated(waitMs?: number) {
  const turns: (string | null)[] = [];
  let running = 0;
  let most = 0;
  let release: (() => void) | null = null;
  let outcome: TurnOutcome = "done";
  const q: SerialQueue<Job> = new SerialQueue<Job>({
    ...(waitMs === undefined ? {} : { waitMs }),
    turn: async (job) => {
      turns.push(job?.id ?? null);
      if (!job) return "wait";
      if (!q.begin(job)) return "wait";
      most = Math.max(most, ++running);
      await new Promise<void>((resolve) => (release = resolve));
      running--;
      return outcome;
    },
  });
  return {
    q,
    turns,
    most: () => most,
    set outcome(o: TurnOutcome) {
      outcome = o;
    },
    /** Lets the job in progress finish, once the turn has begun it. */
    async finish(): Promise<void> {
      await waitFor(() => release !== null, "a job in progress");
      const r = release!;
      release = null;
      r();
    },
  };
}

describe("serial job queue", () => {
  it("does the jobs one at a time, oldest first, each once, and waits for the next one when empty", async () => {
    const g = gated();
    g.q.start();
    g.q.enqueue({ id: "a" });
    g.q.enqueue({ id: "b" });
    g.q.enqueue({ id: "a" }); // queued already
    await g.finish();
    await g.finish();
    await sleep(20);
    g.q.enqueue({ id: "c" });
    await g.finish();
    await g.q.stop();
    expect(g.turns.filter((t) => t !== null)).toEqual(["a", "b", "c"]);
    expect(g.most()).toBe(1);
    // Empty, it waited for the next job instead of turning over and over.
    expect(g.turns.filter((t) => t === null).length).toBeLessThanOrEqual(3);
  });

  it("a job begun cannot be withdrawn; one not begun can", async () => {
    const g = gated();
    g.q.enqueue({ id: "a" });
    g.q.enqueue({ id: "b" });
    g.q.enqueue({ id: "c" });
    g.q.start();
    await waitFor(() => g.turns.length === 1, "the first turn");
    g.q.remove(new Set(["a", "b"]));
    await g.finish();
    await g.finish();
    await g.q.stop();
    expect(g.turns.filter((t) => t !== null)).toEqual(["a", "c"]);
  });

  it('"wait" keeps the job and looks again after waitMs; stop lets the turn in progress finish', async () => {
    const g = gated(20);
    g.outcome = "wait";
    g.q.enqueue({ id: "a" });
    g.q.start();
    await g.finish();
    await g.finish();
    g.outcome = "done";
    await g.finish();
    await waitFor(() => g.turns.length === 4, "a turn on the empty queue");
    expect(g.turns.slice(0, 4)).toEqual(["a", "a", "a", null]);
    g.q.enqueue({ id: "b" });
    await waitFor(() => g.turns.includes("b"), "the turn of b");
    const stopped = g.q.stop();
    let done = false;
    void stopped.then(() => (done = true));
    await sleep(30);
    expect(done).toBe(false);
    await g.finish();
    await stopped;
  });
});
