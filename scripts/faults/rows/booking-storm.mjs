// The runtime killed during a storm of online bookings: 40 citizens hold slots at once.
import { burstWithCrash, replayAnswered } from "../burst.mjs";
import { must } from "../http.mjs";
import { siteServer } from "../server.mjs";
import { tally } from "../tally.mjs";

const N = 40;
const LANES = 8;
const DAY = 86_400_000;

export const bookingStorm = {
  name: "booking-storm",
  fault: "runtime killed during a booking storm (40 holds racing for 12 slots)",
  expected: "each booking retried with its key; each answered hold takes one seat, no seat taken twice",
  async run() {
    const server = await siteServer();
    try {
      const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
      const availability = () =>
        must(server.base, `/api/v1/sites/demo/availability?matterId=dowod&from=${iso(Date.now() + DAY)}&to=${iso(Date.now() + 4 * DAY)}`);
      const slots = (await availability()).days
        .flatMap((d) => d.slots)
        .filter((s) => s.free > 0)
        .slice(0, 12);
      const freeBefore = new Map(slots.map((s) => [s.start, s.free]));
      const commands = Array.from({ length: N }, (_, i) => ({
        key: `faults-booking-${i}`,
        path: "/api/v1/bookings",
        options: {
          method: "POST",
          headers: { "CF-Connecting-IP": `10.9.${i >> 8}.${i & 255}` },
          json: {
            siteId: "demo",
            matterId: "dowod",
            start: slots[i % slots.length].start,
            name: `Obywatel ${i}`,
            phone: String(600_100_000 + i),
            consent: true,
          },
        },
        id: (body) => body.bookingId,
      }));
      const lanes = Array.from({ length: LANES }, (_, l) => commands.filter((_, i) => i % LANES === l));
      const { answers, refused } = await burstWithCrash(server, lanes, { killAfter: 12 });
      const again = await replayAnswered(server, commands, answers);
      const after = new Map((await availability()).days.flatMap((d) => d.slots).map((s) => [s.start, s.free]));
      const taken = slots.reduce((n, s) => n + (freeBefore.get(s.start) - (after.get(s.start) ?? 0)), 0);
      const holds = new Set(answers.map((a) => a.id)).size;
      const { doubled } = tally({ answers: [...answers, ...again], stored: [...new Set(answers.map((a) => a.id))] });
      const keys = new Set([...answers.map((a) => a.key), ...refused.map((r) => r.split(":")[0])]).size;
      const refusals = [...new Set(refused.map((r) => r.split(": ")[1]))].join(", ");
      return {
        observed: `${holds} holds answered, ${refused.length} refused (${refusals || "none"}); ${taken} seats taken on the ${slots.length} slots`,
        lost: Math.max(0, holds - taken) + (N - keys),
        doubled: doubled + Math.max(0, taken - holds),
      };
    } finally {
      await server.stop();
    }
  },
};
