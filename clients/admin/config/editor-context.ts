// What every part of the configuration editor shares: the draft, how a value or a list changes, the
// problems shown by the fields, and a polite announcement for changes that move things around.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { SiteConfig } from "../../../protocol/config.ts";
import type { ClientErrorCode, MessageKey } from "../../shared/messages.ts";
import type { Path } from "./paths.ts";

/** What is wrong with a field: the server's refusal (its code and its own words), or the page's own check. */
export type Problem = { kind: "server"; code: ClientErrorCode; detail: string } | { kind: "local"; key: MessageKey };

export interface Editor {
  draft: SiteConfig;
  /** A new site, not yet stored: its id may still be chosen. */
  creating: boolean;
  /** Sets one value (undefined removes an optional field) and clears the problem shown on it. */
  set(path: Path, value: unknown): void;
  /** Changes the lists (adds, removes, moves); clears every refusal, whose paths may have moved. `focus`: a DOM id to focus next. */
  change(edit: (site: SiteConfig) => SiteConfig, focus?: string): void;
  /** Problems by field key ("desks.1.number"). */
  problems: Readonly<Record<string, Problem>>;
  /** A field's own problem (text that is no whole number), or null when it is gone; nothing is sent while any is reported. */
  report(key: string, problem: MessageKey | null): void;
  /** Said to screen readers politely (a matter moved up, an interval added). */
  announce(text: string): void;
}

export const EditorContext = createContext<Editor | null>(null);

export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error("useEditor outside the configuration editor");
  return editor;
}
