// A step's heading: "Krok n z 5" above it, and the focus moved to it when the citizen arrives at the
// step (not on the first page load), so screen readers announce the new step and Tab starts there.
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

export function StepHeading(props: { focus: boolean; kicker?: string; children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (props.focus) ref.current?.focus();
  }, []);
  return (
    <div class="bk-step-head">
      {props.kicker && <p class="bk-kicker">{props.kicker}</p>}
      <h2 ref={ref} tabIndex={-1} data-testid="step-title">
        {props.children}
      </h2>
    </div>
  );
}
