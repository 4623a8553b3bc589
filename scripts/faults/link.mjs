// The site's internet link as a TCP proxy (node:net) between the print agent and the server, which a
// row cuts (every open connection closed, every new one refused at once) and restores.
import { connect, createServer } from "node:net";

export async function cuttableLink(targetPort, host = "127.0.0.1") {
  const open = new Set();
  let up = true;
  const server = createServer((client) => {
    if (!up) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, host);
    const pair = [client, upstream];
    for (const s of pair) {
      open.add(s);
      s.on("error", () => {});
      s.on("close", () => {
        open.delete(s);
        for (const other of pair) other.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise((resolve) => server.listen(0, host, resolve));
  return {
    port: server.address().port,
    get up() {
      return up;
    },
    cut() {
      up = false;
      for (const s of open) s.destroy();
    },
    restore() {
      up = true;
    },
    close() {
      up = false;
      for (const s of open) s.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
