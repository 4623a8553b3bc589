// The 6-digit code of a verification message, to show it large on the demo outbox page.
export function codeOf(m: { kind: string; body?: string | undefined }): string | null {
  if (m.kind !== "code" || !m.body) return null;
  return /(?<!\d)(\d{6})(?!\d)/.exec(m.body)?.[1] ?? null;
}
