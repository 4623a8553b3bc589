// Worker of the benchmark: the real numerek Worker and objects, unchanged, plus the baseline
// object under /bench/baseline/* (see baseline-object.ts) and, for the reports bench, a site's simulated
// history under POST /bench/history/{siteId} (the demo's own entry point, SiteQueue.loadHistory, which
// answers the site's SQLite size too), and, for the wake-up bench (wake.mjs), the count of site objects
// started so far under GET /bench/wake/started and an eviction of one site's object under
// POST /bench/wake/{siteId}/abort (ctx.abort(): the object's instance is thrown away, its storage
// kept; the next request starts a fresh instance). Used only by wrangler.bench.jsonc.

import type { Env } from "../../worker/env.ts";
import numerek, { SiteQueue as NumerekSiteQueue } from "../../worker/index.ts";
import { type BenchBaseline, baselineStarts } from "./baseline-object.ts";

export { Directory, Pairings, Registry, SendLimits } from "../../worker/index.ts";
export { BenchBaseline } from "./baseline-object.ts";

/** Site objects started in this isolate (module state outlives each object's instance). */
let started = 0;

/** The real site object, unchanged, plus a count of its starts and a bench-only eviction. */
export class SiteQueue extends NumerekSiteQueue {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    started++;
  }

  /** Throws this instance away as a crash or an eviction would; the call itself then fails. */
  benchAbort(): void {
    this.ctx.abort("bench: evicted");
  }
}

interface BenchEnv extends Env {
  SITE: DurableObjectNamespace<SiteQueue>;
  BASELINE: DurableObjectNamespace<BenchBaseline>;
}

export default {
  async fetch(request, env, ctx) {
    const path = new URL(request.url).pathname;
    if (path.startsWith("/bench/baseline/")) {
      const stub = env.BASELINE.get(env.BASELINE.idFromName("baseline"));
      if (path !== "/bench/baseline/abort") return stub.fetch(request);
      // The aborted object fails the call that aborted it.
      return stub.fetch(request).catch(() => Response.json({ aborted: true }));
    }
    if (path === "/bench/wake/started") return Response.json({ started, baseline: baselineStarts });
    const wake = /^\/bench\/wake\/([a-z0-9-]+)\/abort$/.exec(path);
    if (wake?.[1] && request.method === "POST") {
      try {
        await env.SITE.get(env.SITE.idFromName(wake[1])).benchAbort();
      } catch {
        /* the aborted object fails the call that aborted it */
      }
      return Response.json({ started });
    }
    const history = /^\/bench\/history\/([a-z0-9-]+)$/.exec(path);
    if (history?.[1] && request.method === "POST") {
      const body: { days: number; visitsPerDay?: number } = await request.json();
      const r = await env.SITE.get(env.SITE.idFromName(history[1])).loadHistory(body);
      return Response.json(r, { status: r.ok ? 200 : 400 });
    }
    return numerek.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<BenchEnv>;
