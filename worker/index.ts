// Worker entry: the HTTP app, and the Durable Object classes it binds.
import { app } from "./app.ts";
import type { Env } from "./env.ts";

export { Directory } from "../objects/directory.ts";
export { Pairings } from "../objects/pairings.ts";
export { Registry } from "../objects/registry.ts";
export { SendLimits } from "../objects/send-limits.ts";
export { SiteQueue } from "../objects/site-queue.ts";

export default {
  fetch(request, env, ctx) {
    return app.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
