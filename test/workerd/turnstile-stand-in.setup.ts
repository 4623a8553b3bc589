// Global setup of the workerd tests: a loopback stand-in for Cloudflare Turnstile (the widget script and
// siteverify, scripts/turnstile-stand-in.mjs), started in Node before the tests. The tests inside workerd
// reach it over real HTTP: they read its origin and keys with inject("turnstile").
import type { TestProject } from "vitest/node";
import { startTurnstileStandIn } from "../../scripts/turnstile-stand-in.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** The stand-in's origin and keys (the Worker's TURNSTILE_* settings that use it). */
    turnstile: { origin: string; siteKey: string; secretKey: string; scriptUrl: string; siteverifyUrl: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const standIn = await startTurnstileStandIn();
  const { origin, siteKey, secretKey, scriptUrl, siteverifyUrl } = standIn;
  project.provide("turnstile", { origin, siteKey, secretKey, scriptUrl, siteverifyUrl });
  return () => standIn.close();
}
