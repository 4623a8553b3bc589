// Test support: reads ESC/POS bytes back the way a printer would, into lines of text (code pages
// 852 and 437 decoded from their own tables, not from the encoder's library) and a bitmap of the
// paper with every raster image (GS v 0, GS 8 L + GS ( L) placed where it prints. Text rows are
// left blank in the bitmap. An unknown command is an error, so the test sees anything unexpected.

export interface DecodedLine {
  text: string;
  /** Character size multipliers (GS !) of the largest character on the line. */
  width: number;
  height: number;
  bold: boolean;
}

export interface DecodedTicket {
  lines: DecodedLine[];
  /** All the lines joined with newlines, trimmed. */
  text: string;
  image: { width: number; height: number; data: Uint8ClampedArray };
  rasterImages: number;
  cuts: number;
  /** Only blank feeds between the last printed content and the last cut. */
  endsWithCut: boolean;
  codePages: number[];
}

// Code page 852, bytes 0x80-0xFF (IBM's Latin-2 table).
const CP852 =
  "ÇüéâäůćçłëŐőîŹÄĆÉĹĺôöĽľŚśÖÜŤťŁ×čáíóúĄąŽžĘę¬źČş«»░▒▓│┤ÁÂĚŞ╣║╗╝Żż┐└┴┬├─┼Ăă╚╔╩╦╠═╬¤đĐĎËďŇÍÎě┘┌█▄ŢŮ▀ÓßÔŃńňŠšŔÚŕŰýÝţ´\u00ad˝˛ˇ˘§÷¸°¨˙űŘř■\u00a0";
// Code page 437, bytes 0x80-0xFF.
const CP437 =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

function decodeChar(b: number, page: number): string {
  if (b < 0x80) return String.fromCharCode(b);
  if (page === 18) return CP852[b - 0x80] ?? "\ufffd";
  if (page === 0) return CP437[b - 0x80] ?? "\ufffd";
  // Page 1 (Katakana) is used by receiptline only for ruled lines, 0x90-0x9F.
  if (page === 1 && b >= 0x90 && b <= 0x9f) return b === 0x95 ? "-" : "+";
  return "\ufffd";
}

export function decodeEscPos(bytes: Uint8Array, paperDots = 576): DecodedTicket {
  const rows: Uint8Array[] = [];
  const lines: DecodedLine[] = [];
  const pages = new Set<number>();
  let page = 0,
    align = 0,
    leftMargin = 0,
    areaWidth = paperDots,
    x = 0;
  let w = 1,
    h = 1,
    bold = false,
    lineSpacing = 30;
  let chars: { col: number; ch: string; w: number }[] = [];
  let lineW = 1,
    lineH = 1,
    lineBold = false;
  let stored: { width: number; height: number; data: Uint8Array } | null = null;
  let rasterImages = 0,
    cuts = 0,
    contentSinceCut = false;

  const blank = (n: number): void => {
    for (let i = 0; i < n; i++) rows.push(new Uint8Array(paperDots));
  };
  const raster = (width: number, height: number, data: Uint8Array): void => {
    const bytesPerRow = (width + 7) >> 3;
    const left = leftMargin + (align === 1 ? Math.floor((areaWidth - width) / 2) : align === 2 ? areaWidth - width : 0);
    for (let y = 0; y < height; y++) {
      const row = new Uint8Array(paperDots);
      for (let px = 0; px < width; px++) {
        const bit = (data[y * bytesPerRow + (px >> 3)] ?? 0) & (0x80 >> (px & 7));
        const at = left + px;
        if (bit && at >= 0 && at < paperDots) row[at] = 1;
      }
      rows.push(row);
    }
    rasterImages++;
    contentSinceCut = true;
  };
  const lineFeed = (): void => {
    const cells: string[] = [];
    for (const c of chars) {
      cells[c.col] = c.ch;
      // A wide character covers the cells after it.
      for (let k = 1; k < c.w; k++) cells[c.col + k] ??= "";
    }
    const text = Array.from(cells, (c) => c ?? " ")
      .join("")
      .trim();
    lines.push({ text, width: lineW, height: lineH, bold: lineBold });
    if (text) contentSinceCut = true;
    blank(Math.max(lineSpacing, 24 * lineH));
    chars = [];
    x = 0;
    lineW = 1;
    lineH = 1;
    lineBold = false;
  };

  let i = 0;
  const at = (k: number): number => {
    const v = bytes[i + k];
    if (v === undefined) throw new Error(`command cut short at byte ${i}`);
    return v;
  };
  const u16 = (k: number): number => at(k) | (at(k + 1) << 8);
  const fail = (): never => {
    throw new Error(`unknown command at byte ${i}: ${[...bytes.subarray(i, i + 4)].map((b) => b.toString(16).padStart(2, "0")).join(" ")}`);
  };

  while (i < bytes.length) {
    const b = at(0);
    if (b === 0x0a) {
      lineFeed();
      i += 1;
    } else if (b === 0x0d) {
      i += 1;
    } else if (b === 0x10 && at(1) === 0x04) {
      i += 3; // DLE EOT n: a status request, prints nothing
    } else if (b === 0x1b) {
      const c = String.fromCharCode(at(1));
      if (c === "@") {
        page = 0;
        align = 0;
        w = h = 1;
        bold = false;
        i += 2;
      } else if (c === "t") {
        page = at(2);
        pages.add(page);
        i += 3;
      } else if (c === "a") {
        align = at(2) % 48;
        i += 3;
      } else if (c === "E") {
        bold = (at(2) & 1) === 1;
        i += 3;
      } else if (c === "$") {
        x = u16(2);
        i += 4;
      } else if (c === "\\") {
        x += (u16(2) << 16) >> 16;
        i += 4;
      } else if (c === "2") {
        lineSpacing = 30;
        i += 2;
      } else if (c === "3") {
        lineSpacing = at(2);
        i += 3;
      } else if ("M -{".includes(c)) i += 3;
      else fail();
    } else if (b === 0x1d) {
      const c = String.fromCharCode(at(1));
      if (c === "!") {
        w = (at(2) >> 4) + 1;
        h = (at(2) & 15) + 1;
        i += 3;
      } else if (c === "a" || c === "B" || c === "r") i += 3;
      else if (c === "L") {
        leftMargin = u16(2);
        i += 4;
      } else if (c === "W") {
        areaWidth = u16(2);
        i += 4;
      } else if (c === "V") {
        const m = at(2);
        i += [0, 1, 48, 49].includes(m) ? 3 : 4;
        cuts++;
        contentSinceCut = false;
      } else if (c === "v" && at(2) === 0x30) {
        const width = u16(4) * 8,
          height = u16(6);
        const size = u16(4) * height;
        raster(width, height, bytes.subarray(i + 8, i + 8 + size));
        i += 8 + size;
      } else if (c === "8" && at(2) === 0x4c) {
        const p = at(3) + (at(4) << 8) + (at(5) << 16) + at(6) * 0x1000000;
        if (at(8) === 112) stored = { width: u16(13), height: u16(15), data: bytes.slice(i + 17, i + 7 + p) };
        i += 7 + p;
      } else if (c === "(") {
        const fnOf = String.fromCharCode(at(2));
        const len = u16(3);
        if (fnOf === "L" && at(6) === 50) {
          if (!stored) throw new Error(`GS ( L print without stored graphics at byte ${i}`);
          raster(stored.width, stored.height, stored.data);
        }
        i += 5 + len;
      } else fail();
    } else if (b === 0x1c) {
      const c = String.fromCharCode(at(1));
      if (c === "(") i += 5 + u16(3);
      else if (c === "S") i += 4;
      else if (c === "." || c === "&") i += 2;
      else if (c === "C" || c === "-") i += 3;
      else fail();
    } else if (b >= 0x20) {
      chars.push({ col: Math.round(x / 12), ch: decodeChar(b, page), w });
      x += 12 * w;
      lineW = Math.max(lineW, w);
      lineH = Math.max(lineH, h);
      lineBold ||= bold;
      i += 1;
    } else {
      fail();
    }
  }
  if (chars.length) lineFeed();

  blank(16);
  rows.unshift(...Array.from({ length: 16 }, () => new Uint8Array(paperDots)));
  const data = new Uint8ClampedArray(paperDots * rows.length * 4);
  rows.forEach((row, y) => {
    for (let px = 0; px < paperDots; px++) {
      const v = row[px] ? 0 : 255;
      const o = (y * paperDots + px) * 4;
      data[o] = data[o + 1] = data[o + 2] = v;
      data[o + 3] = 255;
    }
  });
  return {
    lines,
    text: lines
      .map((l) => l.text)
      .join("\n")
      .trim(),
    image: { width: paperDots, height: rows.length, data },
    rasterImages,
    cuts,
    endsWithCut: cuts > 0 && !contentSinceCut,
    codePages: [...pages],
  };
}
