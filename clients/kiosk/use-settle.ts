// Taps are ignored for a moment after the kiosk's screen changes, so a slow double tap (120-700 ms) on a
// department does not land on the matter drawn where the finger was. Every activation is a click (a finger, a
// mouse, Enter or Space on a focused button, a screen reader's double tap): clicks are stopped on their way
// down, before they reach the new screen's buttons. While the screen settles it is marked aria-disabled,
// so assistive technology hears the controls as not yet operable; focus and reading work as always.
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";

/** How long a new screen ignores taps: longer than a slow double tap, shorter than reading a screen. */
export const SETTLE_MS = 800;

/** True while the screen named `screenKey` is new; clicks on the page are dropped meanwhile. */
export function useSettle(screenKey: string, ms = SETTLE_MS): boolean {
  const since = useRef(0);
  const [settling, setSettling] = useState(true);
  useLayoutEffect(() => {
    since.current = performance.now();
    setSettling(true);
    const timer = setTimeout(() => setSettling(false), ms);
    return () => clearTimeout(timer);
  }, [screenKey, ms]);
  useEffect(() => {
    const drop = (e: Event) => {
      if (performance.now() - since.current >= ms) return;
      e.stopPropagation();
      e.preventDefault();
    };
    window.addEventListener("click", drop, true);
    return () => window.removeEventListener("click", drop, true);
  }, [ms]);
  return settling;
}
