// A live socket as the clients keep one: it dials again 500 ms after a close, answers a gap with
// "resync", and checks the seq rule (an update follows the frame it names as `prev` with a higher
// seq; a snapshot after a reconnection never goes back behind what the socket already showed).
export function liveClient(url) {
  const c = { last: null, view: null, frames: 0, opens: 0, gaps: 0, violations: [], closed: false };
  let ws = null;
  const dial = () => {
    if (c.closed) return;
    ws = new WebSocket(url());
    ws.addEventListener("open", () => c.opens++);
    ws.addEventListener("message", (e) => {
      if (typeof e.data !== "string" || e.data === "pong") return;
      let f;
      try {
        f = JSON.parse(e.data);
      } catch {
        return;
      }
      if (f.type === "snapshot") {
        if (c.last !== null && f.seq < c.last) c.violations.push(`snapshot ${f.seq} after ${c.last}`);
        c.last = f.seq;
        c.view = f.view ?? f;
        c.frames++;
      } else if (f.type === "update") {
        if (f.seq <= f.prev) c.violations.push(`update ${f.seq} not after its prev ${f.prev}`);
        if (c.last !== null && f.prev !== c.last) {
          c.gaps++;
          ws.send(JSON.stringify({ type: "resync" }));
          return;
        }
        c.last = f.seq;
        c.view = f.view ?? f;
        c.frames++;
      }
    });
    ws.addEventListener("close", () => setTimeout(dial, 500));
    ws.addEventListener("error", () => {});
  };
  dial();
  c.close = () => {
    c.closed = true;
    ws?.close();
  };
  c.shows = (text) => c.view !== null && JSON.stringify(c.view).includes(text);
  return c;
}
