// Global setup of the workerd tests: a loopback stand-in for a Web Push service (scripts/push-stand-in.mjs),
// started in Node before the tests. The tests inside workerd reach it over real HTTP (inject("pushService")):
// they make browser subscriptions there, and the site object's push transport carries the requests for its
// public https origin to it.
import type { TestProject } from "vitest/node";
import { startPushStandIn } from "../../scripts/push-stand-in.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the stand-in listens (loopback http), and the https origin its endpoints name. */
    pushService: { origin: string; publicOrigin: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const standIn = await startPushStandIn();
  project.provide("pushService", { origin: standIn.origin, publicOrigin: standIn.publicOrigin });
  return () => standIn.close();
}
