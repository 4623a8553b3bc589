// The editor's field components: each one bound to a path of the configuration, with its label, its hint
// and its problem tied to it (aria-describedby, aria-invalid), marked with data-path so a refusal naming
// that path shows on it and the focus can go to it. <Fields> renders a table of field-specs.ts.
import { useEffect, useMemo, useState } from "preact/hooks";
import { assertNever } from "../../../protocol/live-wire.ts";
import { useI18n } from "../../shared/i18n.tsx";
import { type Problem, useEditor } from "./editor-context.ts";
import type { FieldSpec } from "./field-specs.ts";
import { fieldId, getAt, type Path, pathKey } from "./paths.ts";

/** A problem in the current language; the server's own words are English and marked so. */
export function ProblemText(props: { problem: Problem | undefined; id: string }) {
  const { t } = useI18n();
  const p = props.problem;
  if (!p) return null;
  switch (p.kind) {
    case "local":
      return (
        <p id={props.id} class="cfg-error">
          {t(p.key)}
        </p>
      );
    case "server": {
      // VALIDATION_FAILED says only that something is wrong, a code unknown to this page nothing: the detail says what.
      const generic = p.code === "VALIDATION_FAILED" || p.code === "UNKNOWN";
      return (
        <p id={props.id} class="cfg-error">
          {!generic && `${t(`error.${p.code}`)} `}
          {p.detail && <span lang="en">{p.detail}</span>}
          {generic && !p.detail && t(`error.${p.code}`)}
        </p>
      );
    }
    default:
      return assertNever(p);
  }
}

/** The ids a control is described by: its hint and its problem, those that are shown. */
function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const shown = ids.filter((id): id is string => typeof id === "string");
  return shown.length ? shown.join(" ") : undefined;
}

interface Bound {
  path: Path;
  label: string;
  hint?: string | undefined;
}

/** What every field needs: its key and ids, and the problem shown on it (its own first). */
function useBound(path: Path, own: Problem | undefined = undefined) {
  const editor = useEditor();
  const key = pathKey(path);
  const id = fieldId(path);
  const problem = own ?? editor.problems[key];
  return { editor, key, id, problem, hintId: `${id}-hint`, errorId: `${id}-error` };
}

function Hint(props: { id: string; text: string | undefined }) {
  return props.text ? (
    <p id={props.id} class="cfg-hint">
      {props.text}
    </p>
  ) : null;
}

export function TextField(
  props: Bound & {
    value: string;
    size?: number | undefined;
    upper?: boolean | undefined;
    long?: boolean | undefined;
    optional?: boolean | undefined;
    max?: number | undefined;
    lines?: number | undefined;
  },
) {
  const { editor, key, id, problem, hintId, errorId } = useBound(props.path);
  const common = {
    id,
    value: props.value,
    maxLength: props.max,
    autoComplete: "off",
    "data-path": key,
    "data-error": problem ? "true" : undefined,
    "aria-invalid": problem ? ("true" as const) : undefined,
    "aria-describedby": describedBy(props.hint && hintId, problem && errorId),
    onInput: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      const typed = props.upper ? e.currentTarget.value.toUpperCase() : e.currentTarget.value;
      editor.set(props.path, props.optional && typed.trim() === "" ? undefined : typed);
    },
  };
  return (
    <div class={`cfg-field ${props.long ? "cfg-long" : ""}`}>
      <label for={id}>{props.label}</label>
      {props.lines ? <textarea rows={props.lines} {...common} /> : <input type="text" size={props.size} {...common} />}
      <Hint id={hintId} text={props.hint} />
      <ProblemText id={errorId} problem={problem} />
    </div>
  );
}

const WHOLE = /^\s*-?\d+\s*$/;

/**
 * A whole number. What is typed stays as typed; the draft takes it once it is a number, and until then
 * the field says so and the editor sends nothing. `optional`: left empty, the value is removed.
 */
export function IntField(props: Bound & { value: number | undefined; optional?: boolean | undefined }) {
  const [text, setText] = useState(props.value === undefined ? "" : String(props.value));
  const local: Problem | undefined =
    WHOLE.test(text) || (props.optional && text.trim() === "") ? undefined : { kind: "local", key: "adm.cfg.wholeNumber" };
  const { editor, key, id, problem, hintId, errorId } = useBound(props.path, local);
  // A value set from outside (the configuration read again after a save) replaces the text.
  useEffect(() => {
    const typed = text.trim() === "" ? undefined : Number(text);
    if (typed !== props.value) setText(props.value === undefined ? "" : String(props.value));
  }, [props.value]);
  useEffect(() => {
    editor.report(key, local ? "adm.cfg.wholeNumber" : null);
    return () => editor.report(key, null);
  }, [key, local !== undefined]);
  return (
    <div class="cfg-field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        size={6}
        value={text}
        autoComplete="off"
        data-path={key}
        data-error={problem ? "true" : undefined}
        aria-invalid={problem ? "true" : undefined}
        aria-describedby={describedBy(props.hint && hintId, problem && errorId)}
        onInput={(e) => {
          const raw = e.currentTarget.value;
          setText(raw);
          if (WHOLE.test(raw)) editor.set(props.path, Number(raw));
          else if (props.optional && raw.trim() === "") editor.set(props.path, undefined);
        }}
      />
      <Hint id={hintId} text={props.hint} />
      <ProblemText id={errorId} problem={problem} />
    </div>
  );
}

export function CheckField(props: Bound & { value: boolean }) {
  const { editor, key, id, problem, hintId, errorId } = useBound(props.path);
  return (
    <div class="cfg-field cfg-check">
      <input
        id={id}
        type="checkbox"
        checked={props.value}
        data-path={key}
        data-error={problem ? "true" : undefined}
        aria-invalid={problem ? "true" : undefined}
        aria-describedby={describedBy(props.hint && hintId, problem && errorId)}
        onChange={(e) => editor.set(props.path, e.currentTarget.checked)}
      />
      <label for={id}>{props.label}</label>
      <Hint id={hintId} text={props.hint} />
      <ProblemText id={errorId} problem={problem} />
    </div>
  );
}

export function ChoiceField(props: Bound & { value: string; options: readonly { value: string; label: string }[] }) {
  const { editor, key, id, problem, errorId } = useBound(props.path);
  return (
    <fieldset class="cfg-choice">
      <legend>{props.label}</legend>
      {props.options.map((o) => (
        <label key={o.value} class="cfg-option">
          <input
            type="radio"
            name={id}
            value={o.value}
            checked={props.value === o.value}
            data-path={key}
            data-error={problem ? "true" : undefined}
            aria-describedby={describedBy(problem && errorId)}
            onChange={() => editor.set(props.path, o.value)}
          />
          <span>{o.label}</span>
        </label>
      ))}
      <ProblemText id={errorId} problem={problem} />
    </fieldset>
  );
}

/** The browser's IANA time zones (Europe/Warsaw first), with the stored one even if the browser lacks it. */
function useTimeZones(current: string): string[] {
  return useMemo(() => {
    const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    return [...new Set(["Europe/Warsaw", current, ...all])].filter(Boolean);
  }, [current]);
}

export function TimeZoneField(props: Bound & { value: string }) {
  const { editor, key, id, problem, hintId, errorId } = useBound(props.path);
  const zones = useTimeZones(props.value);
  return (
    <div class="cfg-field">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        data-path={key}
        data-error={problem ? "true" : undefined}
        aria-invalid={problem ? "true" : undefined}
        aria-describedby={describedBy(props.hint && hintId, problem && errorId)}
        onChange={(e) => editor.set(props.path, e.currentTarget.value)}
      >
        {zones.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </select>
      <Hint id={hintId} text={props.hint} />
      <ProblemText id={errorId} problem={problem} />
    </div>
  );
}

/** One field of a spec table, at `at` within the draft. */
function SpecField<T>(props: { spec: FieldSpec<T>; at: Path }) {
  const { t } = useI18n();
  const { draft } = useEditor();
  const { spec } = props;
  const path = [...props.at, spec.key];
  const value = getAt(draft, path);
  const label = t(spec.label);
  switch (spec.kind) {
    case "text":
      return (
        <TextField
          path={path}
          label={label}
          hint={spec.hint && t(spec.hint)}
          value={typeof value === "string" ? value : ""}
          size={spec.size}
          upper={spec.upper}
          long={spec.long}
          optional={spec.optional}
          max={spec.max}
          lines={spec.lines}
        />
      );
    case "int":
      return (
        <IntField
          path={path}
          label={label}
          hint={[spec.hint && t(spec.hint), t("adm.cfg.range", { min: spec.min, max: spec.max })].filter(Boolean).join(" ")}
          value={typeof value === "number" ? value : undefined}
          optional={spec.optional}
        />
      );
    case "bool":
      return <CheckField path={path} label={label} hint={spec.hint && t(spec.hint)} value={value === true} />;
    case "choice":
      return (
        <ChoiceField
          path={path}
          label={label}
          value={typeof value === "string" ? value : ""}
          options={spec.options.map((o) => ({ value: o.value, label: t(o.label) }))}
        />
      );
    case "timeZone":
      return <TimeZoneField path={path} label={label} hint={spec.hint && t(spec.hint)} value={typeof value === "string" ? value : ""} />;
    default:
      return assertNever(spec);
  }
}

/** The fields of a spec table for the item at `at` (the site itself: []). */
export function Fields<T>(props: { specs: readonly FieldSpec<T>[]; at: Path }) {
  return (
    <div class="cfg-fields">
      {props.specs.map((spec) => (
        <SpecField key={spec.key} spec={spec} at={props.at} />
      ))}
    </div>
  );
}
