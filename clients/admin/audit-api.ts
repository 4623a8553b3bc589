// The audit log through the API: a page of entries (GET /api/v1/audit), and the CSV of the same filters
// (GET /api/v1/audit/export), fetched with the staff token and handed over as a file.
import type { AuditEntry } from "../../protocol/audit.ts";
import type { ErrorBody } from "../../protocol/errors.ts";
import { ApiError, call, urlOf } from "../shared/api.ts";
import { isClientErrorCode } from "../shared/messages.ts";
import type { AuditQueryIn } from "./audit-query.ts";

/** Entries per page: "Starsze" asks for the next as many. */
export const PAGE = 50;

export async function readAudit(token: string, query: AuditQueryIn): Promise<AuditEntry[]> {
  return (await call("audit", { query: { ...query, limit: PAGE }, token })).entries;
}

/** The CSV of these filters (every entry they match, up to the API's limit). */
export async function exportAudit(token: string, query: AuditQueryIn): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(urlOf("auditExport", { query: { ...query, limit: 500 } }), {
      headers: { Accept: "text/csv", Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(30_000),
      cache: "no-store",
    });
  } catch {
    throw new ApiError("NETWORK", 0);
  }
  if (res.ok) return await res.blob();
  let code = "UNKNOWN";
  try {
    code = ((await res.json()) as Partial<ErrorBody>).error?.code ?? "UNKNOWN";
  } catch {
    // Not the API's error body: UNKNOWN.
  }
  throw new ApiError(isClientErrorCode(code) ? code : "UNKNOWN", res.status);
}

/** Saves a file the page holds as a download. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
