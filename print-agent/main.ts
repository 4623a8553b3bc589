// Entry point of the site print agent (Node 24 runs this TypeScript directly).
//   node print-agent/main.ts <config.json>                      run the agent (systemd runs this)
//   node print-agent/main.ts <config.json> --status             read every printer's state and exit
//   node print-agent/main.ts <config.json> --test-print <kiosk> print a sample ticket and exit
//   node print-agent/main.ts <config.json> --test-call [A012] [5]  announce a sample call and exit
import type { PrintJob } from "../protocol/live.ts";
import { Agent } from "./agent.ts";
import { ClipBank } from "./audio/clip-bank.ts";
import { compose } from "./audio/compose.ts";
import { announcementPlan, clipSpecs } from "./audio/phrases.ts";
import { createSink } from "./audio/sinks.ts";
import { generateClipBank } from "./clips/generate.ts";
import type { AgentConfig } from "./config.ts";
import { clipDir, loadConfig } from "./config.ts";
import { consoleLogger, errorText } from "./log.ts";
import { createPrinter } from "./printer/device.ts";
import { renderTicket } from "./ticket/render.ts";

const args = process.argv.slice(2);
const configPath = args.find((a) => !a.startsWith("--"));
if (!configPath) {
  console.error("usage: node print-agent/main.ts <config.json> [--status | --test-print <kioskId> | --test-call [number] [desk]]");
  process.exit(2);
}

let config: AgentConfig;
try {
  config = loadConfig(configPath);
} catch (e) {
  console.error(errorText(e));
  process.exit(2);
}

const flag = (name: string): number => args.indexOf(name);

if (flag("--status") >= 0) {
  let bad = 0;
  for (const [kioskId, pc] of Object.entries(config.printers)) {
    const device = createPrinter(pc);
    const r = await device.status();
    if (r.state !== "ready") bad++;
    console.log(
      `${kioskId}: ${r.state}${r.paperNearEnd ? " (paper near end)" : ""}${r.detail ? ` (${r.detail})` : ""} — ${device.describe()}`,
    );
  }
  process.exit(bad ? 1 : 0);
} else if (flag("--test-print") >= 0) {
  const kioskId = args[flag("--test-print") + 1] ?? "";
  const pc = config.printers[kioskId];
  if (!pc) {
    console.error(`no printer configured for kiosk "${kioskId}" (configured: ${Object.keys(config.printers).join(", ") || "none"})`);
    process.exit(2);
  }
  const device = createPrinter(pc);
  const status = await device.status();
  console.log(`${kioskId}: ${status.state} — ${device.describe()}`);
  if (status.state !== "ready") process.exit(1);
  const job: PrintJob = {
    id: `test-${Date.now()}`,
    kind: "print",
    kioskId,
    createdAt: new Date().toISOString(),
    ticket: {
      number: "T001",
      matterName: "Wydruk próbny: zażółć gęślą jaźń",
      siteName: `numerek, ${config.siteId}`,
      city: "ZAŻÓŁĆ GĘŚLĄ JAŹŃ",
      waitingAhead: 3,
      estimatedWaitMinutes: 12,
      takenAt: new Date().toISOString(),
      eticketUrl: new URL("/t/test", config.server).href,
    },
  };
  await device.print(
    renderTicket(
      job,
      { paper: pc.paper, language: config.language, timeZone: config.timeZone },
      pc.type === "tcp" ? pc.commands : "escpos",
    ),
  );
  console.log("sample ticket sent: check the Polish letters, the QR code (scan it) and the cut");
  process.exit(0);
} else if (flag("--test-call") >= 0) {
  const audio = config.audio;
  const dir = clipDir(config);
  if (audio.type === "none" || !dir) {
    console.error('no sound configured ("audio" in the configuration)');
    process.exit(2);
  }
  const number = args[flag("--test-call") + 1] ?? "A012";
  const desk = Number(args[flag("--test-call") + 2] ?? "5");
  const bank = new ClipBank(dir);
  await generateClipBank(dir, config.language, {
    only: clipSpecs(config.language)
      .filter((s) => !bank.has(s.name))
      .map((s) => s.name),
  });
  const sink = createSink(audio);
  const problem = await sink.problem();
  if (problem) {
    console.error(`sound: ${problem}`);
    process.exit(1);
  }
  const composed = await compose(bank, announcementPlan(number, `Stanowisko ${desk}`, desk));
  await sink.play({ jobId: `test-${Date.now()}`, number, deskNumber: desk, wav: composed.wav, seconds: composed.seconds });
  console.log(`announced ${number} → stanowisko ${desk} (${composed.seconds.toFixed(2)} s): ${sink.describe()}`);
  process.exit(0);
} else {
  const agent = new Agent(config, { log: consoleLogger });
  consoleLogger.info(`numerek print agent for site ${config.siteId} at ${config.server}; jobs kept in ${config.store}`);
  await agent.start();
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    consoleLogger.info(`${signal}: stopping after the job in progress`);
    void agent.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}
