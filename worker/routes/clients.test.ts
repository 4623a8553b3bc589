// The hall's pages may call their office's print agent (local continuity); nothing else widens.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, localAgentSources } from "./clients.ts";

describe("the hall pages' policy towards the offices' print agents", () => {
  it("lists each agent's origin and its socket's, a city-wide pattern included", () => {
    const env = { LOCAL_AGENT_ORIGINS: "https://*.urzad.local:8790  http://127.0.0.1:8790/ignored/path" };
    expect(localAgentSources(env)).toEqual([
      "https://*.urzad.local:8790",
      "wss://*.urzad.local:8790",
      "http://127.0.0.1:8790",
      "ws://127.0.0.1:8790",
    ]);
    expect(contentSecurityPolicy(null, localAgentSources(env))).toContain(
      "connect-src 'self' https://*.urzad.local:8790 wss://*.urzad.local:8790 http://127.0.0.1:8790 ws://127.0.0.1:8790;",
    );
  });

  it("leaves out what is not an http(s) origin, and without agents only the page's own origin is reachable", () => {
    expect(localAgentSources({ LOCAL_AGENT_ORIGINS: "javascript:alert(1) 'unsafe-inline' ftp://x.pl *" })).toEqual([]);
    expect(localAgentSources({})).toEqual([]);
    expect(contentSecurityPolicy(null)).toContain("connect-src 'self';");
  });
});
