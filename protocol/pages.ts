// The browser clients' pages, listed once: the Vite build generates each page's HTML from this list
// (vite.config.ts) and the Worker serves each page for its paths (worker/routes/clients.ts).
// Plain data and pure functions: imported by the build config and the Worker alike.

export interface ClientPage {
  /** The page's name: its app is clients/<name>/main.tsx, its built HTML dist/clients/<name>.html. */
  readonly name: string;
  /**
   * The paths the page is served for: literal segments, `{param}` for one segment the app reads
   * from the path, and a final `/*` for the path itself and everything under it. A trailing
   * slash is allowed.
   */
  readonly path: string;
  /** What the page is, in its `<title>` after "numerek – " (Polish, the clients' first language). */
  readonly title: string;
}

export const CLIENT_PAGES = [
  { name: "kiosk", path: "/kiosk/{siteId}", title: "Kiosk" },
  { name: "display", path: "/display/{siteId}", title: "Ekran grupowy" },
  { name: "desk-display", path: "/desk-display/{siteId}/{deskId}", title: "Ekran stanowiska" },
  { name: "clerk", path: "/clerk", title: "Konsola urzędnika" },
  { name: "eticket", path: "/t/{token}", title: "E-bilet" },
  // The booking steps and the manage link (/booking/manage/{bookingId}) are one app.
  { name: "booking", path: "/booking/*", title: "Rezerwacja wizyty" },
  { name: "admin", path: "/admin", title: "Panel kierownika" },
  // Every office's live queues, in public: all offices, or one organisation's with ?org=.
  { name: "queues", path: "/kolejki", title: "Kolejki na żywo" },
  // Served in every mode: outside demo mode the page says the outbox is not shown there.
  { name: "outbox", path: "/dev/outbox", title: "Skrzynka wiadomości (demo)" },
] as const satisfies readonly ClientPage[];

/** The app's entry module, relative to clients/. */
export function pageEntry(page: ClientPage): string {
  return `./${page.name}/main.tsx`;
}

/** The built HTML file of a page, as the Worker's asset binding serves it. */
export function pageFile(page: ClientPage): string {
  return `/${page.name}.html`;
}

/** A page's path pattern as a regular expression over a URL's pathname. */
export function pathPattern(path: string): RegExp {
  const rest = path.endsWith("/*");
  const segments = (rest ? path.slice(0, -2) : path).split("/");
  const body = segments.map((s) => (/^\{\w+\}$/.test(s) ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("/");
  return new RegExp(`^${body}${rest ? "(/.*)?" : "/?"}$`);
}

const MATCHERS = CLIENT_PAGES.map((page) => ({ page, pattern: pathPattern(page.path) }));

/** The page a URL's pathname shows, or null when it is no client's path. */
export function pageForPath(pathname: string): ClientPage | null {
  return MATCHERS.find((m) => m.pattern.test(pathname))?.page ?? null;
}
