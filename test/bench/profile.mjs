// BENCH_PROFILE=file.cpuprofile: a CPU profile of the Worker and its objects (workerd's V8 isolate, through
// wrangler's inspector) over a benchmark's measured phase. The profile opens in Chrome's DevTools
// (Performance → Load profile); the functions with the most time of their own are printed.
import { writeFileSync } from "node:fs";
import WebSocket from "ws";

/** Starts profiling the isolate behind `inspectorPort`; the returned stop() writes the profile and prints its top. */
export async function startProfile(inspectorPort, file, top = 25) {
  const [target] = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json();
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  let id = 0;
  const waiting = new Map();
  ws.on("message", (data) => {
    const msg = JSON.parse(String(data));
    if (msg.id && waiting.has(msg.id)) {
      waiting.get(msg.id)(msg);
      waiting.delete(msg.id);
    }
  });
  const call = (method, params = {}) =>
    new Promise((resolve) => {
      waiting.set(++id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await call("Profiler.enable");
  await call("Profiler.setSamplingInterval", { interval: 200 });
  await call("Profiler.start");
  return async function stop() {
    const { result } = await call("Profiler.stop");
    ws.close();
    const profile = result.profile;
    writeFileSync(file, JSON.stringify(profile));
    // Self time per function (samples × interval), the busiest first.
    const self = new Map();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = new Map();
    profile.samples.forEach((s, i) => dt.set(s, (dt.get(s) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    for (const [nodeId, us] of dt) {
      const { callFrame: f } = byId.get(nodeId);
      const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").slice(-2).join("/")}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + us);
    }
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    console.log(`\nCPU profile → ${file} (${(total / 1000).toFixed(0)} ms sampled)`);
    for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
  };
}
