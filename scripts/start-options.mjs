// What `npm start` is asked for: the port (PORT, or --port N) and whether a phone on the same network
// should reach numerek (--lan, or NUMEREK_LAN=1): then it listens on every interface and the QR codes
// and links carry the machine's address on the local network instead of localhost.
// Plain JavaScript, like start.mjs, so that any Node runs it.

export const DEFAULT_PORT = 8787;

/** Interface names of virtual networks (containers, VMs, VPNs): a phone on the office's Wi-Fi is not there. */
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|tun|tap|wg|zt|utun|cni|flannel|cali|podman|lxc|lxd)/i;

/** 192.168.0.0/16, 10.0.0.0/8, 172.16.0.0/12: the ranges of home and office networks. */
function isPrivate(address) {
  const [a, b] = address.split(".").map(Number);
  return a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
}

/**
 * The machine's address a phone on the same network can open, from os.networkInterfaces(): an IPv4
 * address that is not internal (loopback) nor link-local (169.254.x.x, no network answered), a private
 * one of a real interface first, then any other; null when there is none (no network).
 * @param {Record<string, Array<{ address: string, family: string | number, internal: boolean }> | undefined>} interfaces
 * @returns {string | null}
 */
export function lanAddress(interfaces) {
  let best = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      const v4 = info.family === "IPv4" || info.family === 4;
      if (!v4 || info.internal || info.address.startsWith("127.") || info.address.startsWith("169.254.")) continue;
      const rank = (VIRTUAL.test(name) ? 2 : 0) + (isPrivate(info.address) ? 0 : 1);
      if (rank < bestRank) {
        best = info.address;
        bestRank = rank;
      }
    }
  }
  return best;
}

/**
 * `npm start` options from its arguments (`npm start -- --port 8080 --lan`) and environment (PORT,
 * NUMEREK_LAN). `lan`: false, true (the address lanAddress finds), or an address given as --lan=ADDRESS.
 * @param {string[]} argv
 * @param {Record<string, string | undefined>} env
 * @returns {{ port: number, lan: boolean | string }}
 */
export function startOptions(argv, env) {
  let port = env.PORT ? Number(env.PORT) : DEFAULT_PORT;
  let lan = env.NUMEREK_LAN === "1" || env.NUMEREK_LAN === "true";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--port") port = Number(argv[++i]);
    else if (arg.startsWith("--port=")) port = Number(arg.slice("--port=".length));
    else if (arg === "--lan") lan = true;
    else if (arg.startsWith("--lan=")) lan = arg.slice("--lan=".length);
    else throw new Error(`unknown option ${arg} (npm start -- [--port N] [--lan[=ADDRESS]])`);
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`the port must be a number from 1 to 65535, not ${port}`);
  return { port, lan };
}

/** An e-ticket's address: the site, then the secret part of its token, which is the e-ticket's only key. */
const ETICKET_PATH = /(\/(?:t|api\/v1\/etickets)\/[a-z0-9-]+\.)[A-Za-z0-9_-]+/g;
/** The recipients' line of the local e-mail binding's report ("To: anna@example.pl"). */
const RECIPIENTS = /^(\s*(?:To|Cc|Bcc):\s*)(.*)$/;
const ADDRESS = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@/g;

/**
 * A line of wrangler's output as `npm start` shows it: an e-ticket's token cut from request paths, and
 * the local e-mail binding's recipients masked ("a***@example.pl"), so that the terminal (and whatever
 * it is copied into) holds no citizen's address and no key to an e-ticket.
 * @param {string} line
 * @returns {string}
 */
export function redactLine(line) {
  const out = line.replace(ETICKET_PATH, "$1…");
  const recipients = RECIPIENTS.exec(out);
  return recipients ? `${recipients[1]}${(recipients[2] ?? "").replace(ADDRESS, "$1***@")}` : out;
}
