// The paper ticket (R2, R8): what the printer receives, read back by a decoder, with the QR code
// read by a real QR reader (jsqr); Polish letters through code page 852; 80 and 58 mm paper; the
// PNG preview made from the same document.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { renderTicket, ticketPng } from "../ticket/render.ts";
import { waitingAheadText } from "../ticket/wording.ts";
import { decodeEscPos } from "./escpos-decoder.ts";
import { printJob, readQr } from "./helpers.ts";

const opts = { language: "pl", timeZone: "Europe/Warsaw" } as const;
const job = printJob("A012", {
  city: "Toruń",
  siteName: "Wydział Spraw Administracyjnych",
  matterName: "Dowód osobisty",
  waitingAhead: 5,
  estimatedWaitMinutes: 75,
  takenAt: "2026-11-23T12:05:00.000Z",
  eticketUrl: "https://numerek.torun.pl/t/torun-wsa.Xk3v9QpL2mN8rT5wY7zA1b",
});

describe("printed ticket", () => {
  it("80 mm: city, site, matter, the number large, people ahead, wait, date, QR of the e-ticket, note, then a cut", () => {
    const r = renderTicket(job, { ...opts, paper: "80mm" }, "escpos");
    const d = decodeEscPos(r.bytes, 576);
    const texts = d.lines.map((l) => l.text).filter(Boolean);
    expect(texts).toEqual([
      "Toruń",
      "Wydział Spraw Administracyjnych",
      "-".repeat(48),
      "Dowód osobisty",
      "Twój numer",
      "A012",
      "5 osób czeka przed Tobą",
      "Szacowany czas oczekiwania: ok. 1 godz. 15 min",
      "23.11.2026, 13:05",
      "Zeskanuj kod, aby śledzić kolejkę w telefonie.",
      "Prosimy czekać na wywołanie numeru.",
    ]);
    const number = d.lines.find((l) => l.text === "A012");
    expect(number).toMatchObject({ width: 6, height: 6 });
    expect(d.lines.find((l) => l.text === "Dowód osobisty")?.bold).toBe(true);
    expect(d.rasterImages).toBe(1);
    expect(readQr(d.image)).toBe(job.ticket.eticketUrl);
    expect(d.endsWithCut).toBe(true);
    expect(d.cuts).toBe(1);
  });

  it("prints the wait as the range shown at issue, in the ticket's language", () => {
    const ranged = printJob("A013", { waitingAhead: 3, estimatedWaitMinutes: 20, estimatedWait: { low: 15, high: 25 } });
    const pl = decodeEscPos(renderTicket(ranged, { ...opts, paper: "80mm" }, "escpos").bytes, 576).lines.map((l) => l.text);
    // The en dash is printed as the code page's hyphen.
    expect(pl).toContain("Szacowany czas oczekiwania: ok. 15-25 min");
    expect(pl.join(" ")).not.toContain("ok. 20 min");
    const en = decodeEscPos(renderTicket(ranged, { ...opts, language: "en", paper: "80mm" }, "escpos").bytes, 576).lines.map((l) => l.text);
    expect(en).toContain("Estimated wait: about 15-25 min");
  });

  it("a priority ticket carries the priority mark before its number, as large, and fits 58 mm paper too", () => {
    const priority = printJob("A013", { ...job.ticket, number: "A013", priority: true });
    for (const [paper, dots, cpl] of [
      ["80mm", 576, 48],
      ["58mm", 384, 32],
    ] as const) {
      const d = decodeEscPos(renderTicket(priority, { ...opts, paper }, "escpos").bytes, dots);
      const number = d.lines.find((l) => l.text.endsWith("A013"));
      expect(number?.text).toBe("P A013");
      expect(number!.text.length * number!.width).toBeLessThanOrEqual(cpl);
    }
    const normal = decodeEscPos(renderTicket(job, { ...opts, paper: "80mm" }, "escpos").bytes, 576);
    expect(normal.lines.some((l) => l.text.startsWith("P "))).toBe(false);
  });

  it("58 mm: every line fits 32 columns, long lines break between words, the QR code still reads", () => {
    const long = printJob("B107", { siteName: "Urząd Miasta, Wydział Spraw Administracyjnych", waitingAhead: 1 });
    const d = decodeEscPos(renderTicket(long, { ...opts, paper: "58mm" }, "escpos").bytes, 384);
    for (const l of d.lines) expect(l.text.length * l.width).toBeLessThanOrEqual(32);
    expect(d.lines.map((l) => l.text)).toEqual(
      expect.arrayContaining(["Urząd Miasta, Wydział Spraw", "Administracyjnych", "1 osoba czeka przed Tobą"]),
    );
    expect(d.lines.find((l) => l.text === "B107")?.width).toBe(5);
    expect(readQr(d.image)).toBe(long.ticket.eticketUrl);
  });

  it("the generic command set (GS v 0 raster, for older printers) prints the same QR code", () => {
    const d = decodeEscPos(renderTicket(job, { ...opts, paper: "80mm" }, "generic").bytes, 576);
    expect(readQr(d.image)).toBe(job.ticket.eticketUrl);
    expect(d.lines.some((l) => l.text === "A012")).toBe(true);
  });

  it("Polish letters, small and capital, go out in code page 852 and come back unchanged", () => {
    const pangram = "Zażółć gęślą jaźń ZAŻÓŁĆ GĘŚLĄ JAŹŃ";
    const r = renderTicket(
      printJob("C001", { matterName: pangram, city: "Łódź", siteName: "Śródmieście „Ćwierć”" }),
      { ...opts, paper: "80mm" },
      "escpos",
    );
    const d = decodeEscPos(r.bytes, 576);
    expect(d.codePages).toContain(18); // ESC t 18: PC852 (Latin-2)
    expect(d.text).toContain(pangram);
    expect(d.text).toContain("Łódź");
    expect(d.text).toContain('Śródmieście "Ćwierć"'); // typographic quotes the code page lacks become plain ones
    expect(d.text).not.toContain("\ufffd");
    expect(d.text).not.toContain("?");
    // ą is 0xA5 and Ł is 0x9D in code page 852.
    expect(r.bytes).toContain(0xa5);
    expect(r.bytes).toContain(0x9d);
  });

  it("says how many wait ahead in correct Polish (1 osoba, 2-4 osoby, 5+ osób, 12-14 osób, 22 osoby)", () => {
    const said = [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 104, 112].map((n) => waitingAheadText(n, "pl"));
    expect(said).toEqual([
      "Nikt nie czeka przed Tobą",
      "1 osoba czeka przed Tobą",
      "2 osoby czekają przed Tobą",
      "4 osoby czekają przed Tobą",
      "5 osób czeka przed Tobą",
      "11 osób czeka przed Tobą",
      "12 osób czeka przed Tobą",
      "14 osób czeka przed Tobą",
      "21 osób czeka przed Tobą",
      "22 osoby czekają przed Tobą",
      "25 osób czeka przed Tobą",
      "104 osoby czekają przed Tobą",
      "112 osób czeka przed Tobą",
    ]);
    expect(waitingAheadText(1, "en")).toBe("1 person is waiting ahead of you");
  });

  it("the PNG preview of the same document shows the QR code of the e-ticket", async () => {
    const r = renderTicket(job, { ...opts, paper: "80mm" }, "escpos");
    const png = await ticketPng(r.document, "80mm");
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(info.width).toBe(576);
    expect(readQr({ data: new Uint8ClampedArray(data), width: info.width, height: info.height })).toBe(job.ticket.eticketUrl);
  });
});
