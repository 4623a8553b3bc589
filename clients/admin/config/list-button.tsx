// The button that adds to a list, standing for the list itself: a refusal of the whole list ("desks:
// at least one") shows on it, and the focus goes to it when an item of the list is removed.
import type { ComponentChildren } from "preact";
import { useEditor } from "./editor-context.ts";
import { ProblemText } from "./fields.tsx";
import { fieldId, type Path, pathKey } from "./paths.ts";

/** `label`: the button's whole name when its text alone does not say which list (it starts with the text). */
export function ListButton(props: { path: Path; onClick: () => void; label?: string; disabled?: boolean; children: ComponentChildren }) {
  const { problems } = useEditor();
  const key = pathKey(props.path);
  const id = fieldId(props.path);
  const problem = problems[key];
  return (
    <div class="cfg-list-add">
      <button
        id={id}
        type="button"
        class="btn"
        data-path={key}
        data-error={problem ? "true" : undefined}
        aria-label={props.label}
        aria-describedby={problem ? `${id}-error` : undefined}
        disabled={props.disabled}
        onClick={props.onClick}
      >
        {props.children}
      </button>
      <ProblemText id={`${id}-error`} problem={problem} />
    </div>
  );
}

/** "Wydział 2: Wydział Komunikacji", or "Wydział 2" while it has no name. */
export function itemTitle(numbered: string, name: string): string {
  return name.trim() ? `${numbered}: ${name}` : numbered;
}
