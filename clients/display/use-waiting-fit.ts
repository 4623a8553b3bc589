// Measures the waiting list's box and fits the matters into it (waiting-fit.ts), paging through them
// at a calm pace when they do not all fit: each page stays long enough to find one's matter.
import type { RefObject } from "preact";
import { useEffect, useState } from "preact/hooks";
import { fitWaiting, type WaitingFit } from "./waiting-fit.ts";

/** How long one page of the waiting list stays. */
export const PAGE_MS = 8_000;

interface Box {
  width: number;
  height: number;
  vmin: number;
}

function boxOf(el: HTMLElement): Box {
  return { width: el.clientWidth, height: el.clientHeight, vmin: Math.min(innerWidth, innerHeight) / 100 };
}

/** `lines`: lines of one matter's name (one per language of the screen). */
export function useWaitingFit(ref: RefObject<HTMLElement>, count: number, lines: number): { fit: WaitingFit; page: number } {
  const [box, setBox] = useState<Box | null>(null);
  const [page, setPage] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setBox(boxOf(el));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const v = box?.vmin ?? 10;
  // A second language's name sits beneath the first, at 0.6 of its size.
  const tall = 1 + 0.6 * Math.max(0, lines - 1);
  const fit = fitWaiting({
    count,
    width: box?.width ?? 0,
    height: box?.height ?? 0,
    gap: v,
    columnGap: 3 * v,
    minColumn: 40 * v,
    rowHeight: 6.4 * v * tall,
    minRowHeight: 4.2 * v * tall,
  });
  useEffect(() => {
    if (fit.pages <= 1) {
      setPage(0);
      return;
    }
    const timer = setInterval(() => setPage((p) => (p + 1) % fit.pages), PAGE_MS);
    return () => clearInterval(timer);
  }, [fit.pages]);
  return { fit, page: page % fit.pages };
}
