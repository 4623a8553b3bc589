// The agent's configuration file (JSON), validated with zod. Every path in it is taken relative
// to the folder of the file, so a configuration can be moved together with its folders.
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { z } from "zod";

const Paper = z.enum(["80mm", "58mm"]);

const TcpPrinter = z.strictObject({
  type: z.literal("tcp"),
  /** The printer's address on the site network; it listens for ESC/POS on port 9100. */
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(9100),
  paper: Paper.default("80mm"),
  /**
   * Which ESC/POS dialect receiptline writes: "escpos" (Epson TM-T20/T88 and compatibles: graphics
   * through GS 8 L) or "generic" (older clones that only know the GS v 0 raster command).
   */
  commands: z.enum(["escpos", "generic"]).default("escpos"),
});

const VirtualPrinter = z.strictObject({
  type: z.literal("virtual"),
  /** Each ticket becomes a PNG preview and the raw printer bytes (.bin) in this folder. */
  dir: z.string().min(1),
  paper: Paper.default("80mm"),
});

const Printer = z.discriminatedUnion("type", [TcpPrinter, VirtualPrinter]);

/** `clips`: a folder of WAV clips (chime.wav, numer.wav, …); missing ones are generated with espeak-ng and sox. */
const Audio = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("alsa"), device: z.string().min(1).optional(), clips: z.string().min(1).optional() }),
  z.strictObject({ type: z.literal("pulse"), device: z.string().min(1).optional(), clips: z.string().min(1).optional() }),
  z.strictObject({ type: z.literal("wav-dir"), dir: z.string().min(1), clips: z.string().min(1).optional() }),
  z.strictObject({ type: z.literal("none") }),
]);

/**
 * Local continuity: the agent serves the hall on the LAN while the office is cut off from the cloud. `publicUrl`
 * is the address devices are given (http://<the PC's LAN address>:<port>, or https with `tls`).
 */
const Continuity = z.strictObject({
  port: z.number().int().min(0).max(65535),
  host: z.string().min(1).default("0.0.0.0"),
  publicUrl: z.url({ protocol: /^https?$/ }),
  /** A certificate for the PC's LAN name (PEM files), which kiosks and screens trust: pages over https may call only https. */
  tls: z.strictObject({ cert: z.string().min(1), key: z.string().min(1) }).optional(),
});

export const AgentConfigSchema = z.strictObject({
  /** The numerek server, e.g. https://numerek.example.pl (the socket URL is derived from it). */
  server: z.url({ protocol: /^https?$/ }),
  siteId: z.string().min(1).max(40),
  /**
   * The site's agent account (role "agent"). NUMEREK_AGENT_PASSWORD overrides the password. Without
   * both, the agent pairs: it shows a pairing code in its log for a manager to type into the manager page.
   */
  username: z.string().min(1).max(64).optional(),
  password: z.string().min(1).max(200).optional(),
  /** Where a paired agent keeps its token (default: device-token.json beside the job file). */
  tokenFile: z.string().min(1).optional(),
  language: z.enum(["pl", "en"]).default("pl"),
  /** Dates on tickets are printed in this zone. */
  timeZone: z.string().min(1).default("Europe/Warsaw"),
  /** The job file: jobs accepted and not yet done, and the ids of jobs done. */
  store: z.string().min(1),
  /** kiosk device id → printer. */
  printers: z.record(z.string().min(1).max(40), Printer).default({}),
  audio: Audio.default({ type: "none" }),
  /** A "ping" is sent this often; a socket silent for 2.5 times as long is dropped and dialled again. */
  keepAliveSeconds: z.number().positive().default(30),
  /** Reconnection: exponential backoff with jitter between these bounds. */
  reconnect: z.strictObject({ minSeconds: z.number().positive().default(1), maxSeconds: z.number().positive().default(60) }).prefault({}),
  /** How often an idle printer's status is read (DLE EOT). */
  statusIntervalSeconds: z.number().positive().default(5),
  /** A job older than this is acknowledged without being done: a ticket nobody waits for, a call long past. */
  maxJobAgeSeconds: z
    .strictObject({ print: z.number().positive().default(600), announce: z.number().positive().default(120) })
    .prefault({}),
  /** Serve kiosks, screens and consoles on the LAN when the cloud is unreachable (off when absent). */
  continuity: Continuity.optional(),
});

export type AgentConfig = z.output<typeof AgentConfigSchema> & { tokenFile: string };
export type PrinterConfig = z.output<typeof Printer>;
export type ContinuityConfig = z.output<typeof Continuity>;
export type AudioConfig = z.output<typeof Audio>;
export type Paper = z.output<typeof Paper>;
export type Language = AgentConfig["language"];

/** Validates a parsed configuration and makes its paths absolute against `baseDir`. Throws a readable error. */
export function parseConfig(raw: unknown, baseDir: string, env: NodeJS.ProcessEnv = process.env): AgentConfig {
  const parsed = AgentConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(top)"}: ${i.message}`);
    throw new Error(`invalid agent configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(baseDir, p));
  const printers: Record<string, PrinterConfig> = {};
  for (const [kioskId, p] of Object.entries(c.printers)) printers[kioskId] = p.type === "virtual" ? { ...p, dir: abs(p.dir) } : p;
  let audio: AudioConfig = c.audio;
  if (audio.type !== "none") {
    audio = { ...audio, ...(audio.clips ? { clips: abs(audio.clips) } : {}) };
    if (audio.type === "wav-dir") audio = { ...audio, dir: abs(audio.dir) };
  }
  // The environment may override the server (npm start on another port) and the password (kept out of the file).
  const server = env.NUMEREK_SERVER || c.server;
  const password = env.NUMEREK_AGENT_PASSWORD || c.password;
  if ((c.username === undefined) !== (password === undefined)) {
    throw new Error("invalid agent configuration:\n  username, password: give both (an agent account) or neither (pairing)");
  }
  const store = abs(c.store);
  const tokenFile = c.tokenFile ? abs(c.tokenFile) : join(dirname(store), "device-token.json");
  const continuity = c.continuity?.tls
    ? { ...c.continuity, tls: { cert: abs(c.continuity.tls.cert), key: abs(c.continuity.tls.key) } }
    : c.continuity;
  return { ...c, server, password, store, tokenFile, printers, audio, ...(continuity ? { continuity } : {}) };
}

export function loadConfig(path: string, env: NodeJS.ProcessEnv = process.env): AgentConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new Error(`cannot read the configuration ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseConfig(raw, dirname(resolve(path)), env);
}

/** Where the clip bank lives: the configured folder, or beside the job file (a folder the agent may write). */
export function clipDir(config: AgentConfig): string | null {
  const a = config.audio;
  if (a.type === "none") return null;
  return a.clips ?? join(dirname(config.store), "clips", config.language);
}
