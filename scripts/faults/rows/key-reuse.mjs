// An Idempotency-Key reused with another body: for an accepted ticket, and for a refused request.
import { login, must, send } from "../http.mjs";
import { siteServer } from "../server.mjs";
import { tally } from "../tally.mjs";

export const keyReuse = {
  name: "key-reuse",
  fault: "an Idempotency-Key reused with another body (after a ticket, and after a refusal)",
  expected: "422 IDEMPOTENCY_KEY_REUSED both times; the same body again gets the first answer; one ticket",
  async run() {
    const server = await siteServer();
    try {
      const kiosk = await login(server.base, "kiosk-demo", "demo");
      const admin = await login(server.base, "admin", "admin");
      const path = "/api/v1/sites/demo/tickets";
      const post = (key, matterId) => send(server.base, path, { method: "POST", token: kiosk, key, json: { matterId } });
      const first = await post("faults-reuse-1", "dowod");
      const other = await post("faults-reuse-1", "meldunek");
      const same = await post("faults-reuse-1", "dowod");
      const refusal = await post("faults-reuse-2", "no-such-matter");
      const afterRefusal = await post("faults-reuse-2", "dowod");
      const queue = await must(server.base, "/api/v1/sites/demo/queue", { token: admin });
      const answers = [first, same].filter((r) => r.status === 201).map((r) => ({ key: "faults-reuse-1", id: r.body.id }));
      if (afterRefusal.status === 201) answers.push({ key: "faults-reuse-2", id: afterRefusal.body.id });
      const { lost, doubled } = tally({ answers, stored: queue.tickets.map((t) => t.id) });
      const code = (r) => `${r.status}${r.body?.error?.code ? ` ${r.body.error.code}` : ""}`;
      return {
        observed: `ticket ${code(first)}; other body ${code(other)}; same body ${code(same)}${same.body?.id === first.body?.id ? " (the first ticket)" : " (ANOTHER ticket)"}; refused ${code(refusal)}, then other body ${code(afterRefusal)}; ${queue.tickets.length} ticket(s) in the queue`,
        lost: lost + (first.status === 201 ? 0 : 1),
        doubled,
        passed:
          lost === 0 &&
          doubled === 0 &&
          other.status === 422 &&
          other.body?.error?.code === "IDEMPOTENCY_KEY_REUSED" &&
          afterRefusal.body?.error?.code === "IDEMPOTENCY_KEY_REUSED",
      };
    } finally {
      await server.stop();
    }
  },
};
