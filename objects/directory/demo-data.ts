// Demo data seeded into a fresh local run (R1, R10): the five Toruń sites of the
// first seed (37 desks, 6 kiosks), the two Koszalin sites of the second seed
// (5 units, 2 kiosks, 5 wall screens) and a training site "demo" open all day,
// each city an organisation of its own and the training site a third; admin/admin
// is the deployment's operator. Repetitive parts (hours, desks, devices, accounts)
// come from small helpers.
import type { DeskConfig, DeviceConfig, OpeningHours, SiteConfigInput } from "../../protocol/config.ts";
import { DEMO_NAMES_UK } from "./demo-names-uk.ts";

export interface DemoAccount {
  username: string;
  password: string;
  role: "operator" | "org-admin" | "manager" | "clerk" | "kiosk" | "display" | "agent";
  siteIds: string[];
  deskIds?: string[];
  deviceId?: string;
}

type Interval = [string, string];
type MatterInput = SiteConfigInput["departments"][number]["matters"][number];
type DepartmentInput = { id: string; name: string; matters: MatterInput[] };

// ---------------------------------------------------------------- helpers

/** One matter: id, name, ticket prefix (never I or O: they read as 1 and 0), expected minutes at the desk. */
/** The name in Ukrainian, where the demo gives one (demo-names-uk.ts). */
const uk = (name: string) => (DEMO_NAMES_UK[name] ? { nameUk: DEMO_NAMES_UK[name] } : {});

function m(id: string, name: string, prefix: string, serviceMinutes: number, bookable = true): MatterInput {
  return { id, name, ...uk(name), prefix, serviceMinutes, bookable };
}

function dept(id: string, name: string, matters: MatterInput[]): DepartmentInput {
  return { id, name, ...uk(name), matters };
}

/** Opening hours: Monday, Tuesday-Thursday, Friday, Saturday (Sunday closed). */
function hours(mon: Interval[], tueThu: Interval[], fri: Interval[], sat: Interval[] = []): OpeningHours {
  return { mon, tue: tueThu, wed: tueThu, thu: tueThu, fri, sat, sun: [] };
}

/** The same intervals every day of the week. */
function everyDay(day: Interval[]): OpeningHours {
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day };
}

/** `n` copies of one desk profile (a list of matter ids in order of preference). */
function times(n: number, profile: string[]): string[][] {
  return Array.from({ length: n }, () => profile);
}

/** Desks numbered 1..n in the order given; ids `<idPrefix>1`, `<idPrefix>2`, ... */
function desks(profiles: string[][], idPrefix = "s"): DeskConfig[] {
  return profiles.map((matterIds, i) => ({
    id: `${idPrefix}${i + 1}`,
    name: `Stanowisko ${i + 1}`,
    number: i + 1,
    matterIds,
  }));
}

interface DeviceCounts {
  kiosks: number;
  /** Names of the group screens, or a name with the departments the screen shows; ids are ekran-1, ekran-2, ... */
  groupScreens: (string | { name: string; departmentIds: string[] })[];
  /** One desk screen per desk (ids ekran-<deskId>). */
  deskScreens: boolean;
  /** The site PC running the print agent (kiosk printers, hall speakers). */
  agent: boolean;
}

function devices(siteDesks: DeskConfig[], c: DeviceCounts): DeviceConfig[] {
  const out: DeviceConfig[] = [];
  for (let i = 1; i <= c.kiosks; i++) {
    out.push({ id: `kiosk-${i}`, name: c.kiosks > 1 ? `Biletomat ${i}` : "Biletomat", kind: "kiosk" });
  }
  c.groupScreens.forEach((screen, i) =>
    out.push(
      typeof screen === "string"
        ? { id: `ekran-${i + 1}`, name: screen, kind: "group-screen" }
        : { id: `ekran-${i + 1}`, name: screen.name, kind: "group-screen", departmentIds: screen.departmentIds },
    ),
  );
  if (c.deskScreens) {
    for (const d of siteDesks) {
      out.push({ id: `ekran-${d.id}`, name: `Ekran stanowiskowy ${d.number}`, kind: "desk-screen", deskId: d.id });
    }
  }
  if (c.agent) out.push({ id: "agent-1", name: "Komputer obsługi sali (drukarki, głośniki)", kind: "agent" });
  return out;
}

// ---------------------------------------------------------------- Toruń

const TORUN_OFFICE_HOURS = hours([["08:00", "17:00"]], [["08:00", "16:00"]], [["08:00", "15:00"]]);
const TORUN_MALL_HOURS = hours([["10:00", "19:00"]], [["10:00", "19:00"]], [["10:00", "19:00"]], [["10:00", "15:00"]]);
const TORUN_BOOKING = { horizonDays: 30, checkIn: "auto" } as const;

/** Punkt Informacyjny UMT in a shopping mall: same matters at both malls, 3 desks, 1 kiosk, no voice. */
function torunMallPoint(id: string, mall: string, address: string): SiteConfigInput {
  const siteDesks = desks([
    ["dowod-wniosek", "dowod-odbior", "informacja", "profil-zaufany"],
    ["informacja", "karta-wedkarska", "profil-zaufany", "dowod-odbior"],
    ["dowod-odbior", "dowod-wniosek", "karta-wedkarska", "informacja", "profil-zaufany"],
  ]);
  return {
    id,
    city: "Toruń",
    name: `Punkt Informacyjny Urzędu Miasta Torunia w ${mall}`,
    address,
    voice: false,
    openingHours: TORUN_MALL_HOURS,
    departments: [
      dept("punkt-informacyjny", "Punkt Informacyjny UMT", [
        m("informacja", "Informacja i przyjmowanie pism", "N", 5, false),
        m("dowod-wniosek", "Dowód osobisty – złożenie wniosku", "D", 15),
        m("dowod-odbior", "Dowód osobisty – odbiór", "B", 5),
        m("profil-zaufany", "Profil zaufany – potwierdzenie", "P", 10),
        m("karta-wedkarska", "Karta wędkarska", "K", 10),
      ]),
    ],
    desks: siteDesks,
    devices: devices(siteDesks, { kiosks: 1, groupScreens: ["Ekran grupowy"], deskScreens: true, agent: true }),
    booking: TORUN_BOOKING,
  };
}

const torunWsaDesks = desks([
  ...times(4, ["dowod-wniosek", "dowod-odbior", "dowod-zgloszenie"]),
  ...times(2, ["dowod-odbior", "dowod-wniosek", "dowod-zgloszenie"]),
  ...times(3, ["zameldowanie", "wymeldowanie", "zaswiadczenie-meldunek"]),
  ["zaswiadczenie-meldunek", "zameldowanie", "wymeldowanie", "dowod-odbior"],
  ["dowod-zgloszenie", "dowod-odbior", "dowod-wniosek", "zaswiadczenie-meldunek"],
  ["karta-duzej-rodziny", "zaswiadczenie-meldunek", "zameldowanie", "wymeldowanie"],
]);

const torunWkDesks = desks([
  ...times(5, ["rejestracja", "wyrejestrowanie", "zbycie-nabycie", "odbior-dowodu-rej"]),
  ...times(2, ["odbior-dowodu-rej", "zbycie-nabycie", "rejestracja"]),
  ["wyrejestrowanie", "zbycie-nabycie", "rejestracja", "odbior-dowodu-rej"],
  ...times(2, ["prawo-jazdy", "pkk", "odbior-prawa-jazdy", "miedzynarodowe-pj"]),
  ["odbior-prawa-jazdy", "miedzynarodowe-pj", "prawo-jazdy", "pkk"],
  ["pkk", "prawo-jazdy", "odbior-prawa-jazdy", "miedzynarodowe-pj"],
]);

const torunWezDesks = desks([
  ...times(3, ["ceidg-wpis", "ceidg-zmiana", "ceidg-zaswiadczenie"]),
  ["ceidg-zaswiadczenie", "ceidg-zmiana", "ceidg-wpis"],
  ["alkohol", "taxi", "ceidg-wpis"],
  ["taxi", "alkohol", "karta-wedkarska"],
  ["karta-wedkarska", "ceidg-zaswiadczenie", "ceidg-zmiana", "taxi"],
]);

const TORUN_SITES: SiteConfigInput[] = [
  {
    id: "torun-wsa",
    city: "Toruń",
    name: "Wydział Spraw Administracyjnych",
    address: "ul. Batorego 38/40, Toruń",
    voice: true,
    openingHours: TORUN_OFFICE_HOURS,
    departments: [
      dept("dowody-osobiste", "Referat Dowodów Osobistych", [
        m("dowod-wniosek", "Dowód osobisty – złożenie wniosku", "D", 15),
        m("dowod-odbior", "Dowód osobisty – odbiór", "B", 5),
        m("dowod-zgloszenie", "Dowód osobisty – zgłoszenie utraty", "U", 10),
      ]),
      dept("ewidencja-ludnosci", "Referat Ewidencji Ludności", [
        m("zameldowanie", "Zameldowanie", "Z", 15),
        m("wymeldowanie", "Wymeldowanie", "W", 10),
        m("zaswiadczenie-meldunek", "Zaświadczenie o zameldowaniu", "E", 10),
        m("karta-duzej-rodziny", "Karta Dużej Rodziny", "K", 15),
      ]),
    ],
    desks: torunWsaDesks,
    devices: devices(torunWsaDesks, {
      kiosks: 1,
      groupScreens: ["Ekran grupowy – sala dowodów", "Ekran grupowy – sala meldunkowa"],
      deskScreens: true,
      agent: true,
    }),
    booking: TORUN_BOOKING,
  },
  {
    id: "torun-wk",
    city: "Toruń",
    name: "Wydział Komunikacji",
    address: "ul. Wały gen. Sikorskiego 25, Toruń",
    voice: true,
    openingHours: TORUN_OFFICE_HOURS,
    departments: [
      dept("rejestracja-pojazdow", "Referat Rejestracji Pojazdów", [
        m("rejestracja", "Rejestracja pojazdu", "R", 20),
        m("wyrejestrowanie", "Wyrejestrowanie pojazdu", "W", 15),
        m("zbycie-nabycie", "Zgłoszenie zbycia lub nabycia pojazdu", "Z", 10),
        m("odbior-dowodu-rej", "Odbiór dowodu rejestracyjnego", "B", 5),
      ]),
      dept("prawa-jazdy", "Referat Praw Jazdy", [
        m("prawo-jazdy", "Prawo jazdy – wniosek o wydanie lub wymianę", "P", 15),
        m("pkk", "Profil kandydata na kierowcę (PKK)", "K", 15),
        m("odbior-prawa-jazdy", "Odbiór prawa jazdy", "J", 5),
        m("miedzynarodowe-pj", "Międzynarodowe prawo jazdy", "M", 10),
      ]),
    ],
    desks: torunWkDesks,
    devices: devices(torunWkDesks, {
      kiosks: 2,
      groupScreens: ["Ekran grupowy – rejestracja pojazdów", "Ekran grupowy – prawa jazdy"],
      deskScreens: true,
      agent: true,
    }),
    booking: TORUN_BOOKING,
  },
  {
    id: "torun-wez",
    city: "Toruń",
    name: "Wydział Ewidencji i Zezwoleń",
    address: "ul. Szosa Chełmińska 27, Toruń",
    voice: true,
    openingHours: TORUN_OFFICE_HOURS,
    departments: [
      dept("dzialalnosc-gospodarcza", "Referat Ewidencji Działalności Gospodarczej", [
        m("ceidg-wpis", "Działalność gospodarcza (CEIDG) – wpis", "G", 20),
        m("ceidg-zmiana", "Działalność gospodarcza (CEIDG) – zmiana, zawieszenie", "C", 15),
        m("ceidg-zaswiadczenie", "Zaświadczenia z ewidencji działalności", "E", 10),
      ]),
      dept("zezwolenia", "Referat Zezwoleń", [
        m("alkohol", "Zezwolenie na sprzedaż napojów alkoholowych", "A", 20),
        m("taxi", "Licencja na przewóz osób taksówką", "T", 20),
        m("karta-wedkarska", "Karta wędkarska", "K", 10),
      ]),
    ],
    desks: torunWezDesks,
    devices: devices(torunWezDesks, { kiosks: 1, groupScreens: ["Ekran grupowy"], deskScreens: true, agent: true }),
    booking: TORUN_BOOKING,
  },
  torunMallPoint("torun-plaza", "CH Plaza", "ul. Broniewskiego 90, Toruń"),
  torunMallPoint("torun-copernicus", "CH Copernicus", "ul. Żółkiewskiego 15, Toruń"),
];

// ---------------------------------------------------------------- Koszalin

const KOSZALIN_HOURS = hours([["08:00", "16:00"]], [["07:30", "15:30"]], [["07:30", "15:30"]]);
const KOSZALIN_BOOKING = { horizonDays: 14, checkIn: "kiosk", checkInEarlyMinutes: 10, checkInLateMinutes: 15 } as const;

const koszalinRatuszDesks = desks([
  ...times(3, ["rejestracja", "zbycie-nabycie", "odbior-dowodu-rej"]),
  ...times(2, ["prawo-jazdy", "odbior-prawa-jazdy", "rejestracja"]),
  ...times(2, ["dowod-osobisty", "zameldowanie", "zaswiadczenie"]),
  ["zameldowanie", "zaswiadczenie", "dowod-osobisty"],
  ["ceidg", "ceidg-zaswiadczenie"],
  ["ceidg-zaswiadczenie", "ceidg"],
  ["podatek-nieruchomosci", "podatek-rolny", "podatek-zaswiadczenie"],
  ["podatek-zaswiadczenie", "podatek-nieruchomosci", "podatek-rolny"],
]);

const koszalinUscDesks = desks([
  ["akt", "urodzenie", "zgon"],
  ["akt", "slub", "urodzenie"],
  ["slub", "akt", "zgon"],
  ["urodzenie", "zgon", "akt", "slub"],
]);

const KOSZALIN_SITES: SiteConfigInput[] = [
  {
    id: "koszalin-ratusz",
    city: "Koszalin",
    name: "Urząd Miejski w Koszalinie",
    address: "ul. Rynek Staromiejski 6-7, 75-007 Koszalin",
    voice: true,
    openingHours: KOSZALIN_HOURS,
    departments: [
      dept("wydzial-komunikacji", "Wydział Komunikacji", [
        m("rejestracja", "Rejestracja pojazdu", "R", 20),
        m("zbycie-nabycie", "Zgłoszenie zbycia lub nabycia pojazdu", "Z", 10),
        m("odbior-dowodu-rej", "Odbiór dowodu rejestracyjnego", "B", 5),
        m("prawo-jazdy", "Prawo jazdy – wniosek", "P", 15),
        m("odbior-prawa-jazdy", "Odbiór prawa jazdy", "J", 5),
      ]),
      dept("wydzial-spraw-obywatelskich", "Wydział Spraw Obywatelskich", [
        m("dowod-osobisty", "Dowód osobisty", "D", 15),
        m("zameldowanie", "Zameldowanie i wymeldowanie", "M", 15),
        m("zaswiadczenie", "Zaświadczenie o zameldowaniu", "E", 10),
      ]),
      dept("biuro-dzialalnosci-gospodarczej", "Biuro Działalności Gospodarczej", [
        m("ceidg", "Działalność gospodarcza (CEIDG)", "G", 20),
        m("ceidg-zaswiadczenie", "Zaświadczenia i informacje z CEIDG", "C", 10, false),
      ]),
      dept("referat-wymiaru-podatkow", "Referat Wymiaru Podatków", [
        m("podatek-nieruchomosci", "Podatek od nieruchomości", "N", 15),
        m("podatek-rolny", "Podatek rolny i leśny", "L", 15),
        m("podatek-zaswiadczenie", "Zaświadczenie o niezaleganiu w podatkach", "T", 10, false),
      ]),
    ],
    desks: koszalinRatuszDesks,
    devices: devices(koszalinRatuszDesks, {
      kiosks: 1,
      // One screen a floor, each showing the departments on its floor.
      groupScreens: [
        { name: "Monitor zbiorczy – parter", departmentIds: ["wydzial-komunikacji"] },
        { name: "Monitor zbiorczy – I piętro", departmentIds: ["wydzial-spraw-obywatelskich"] },
        { name: "Monitor zbiorczy – II piętro", departmentIds: ["biuro-dzialalnosci-gospodarczej", "referat-wymiaru-podatkow"] },
      ],
      deskScreens: false,
      agent: true,
    }),
    booking: KOSZALIN_BOOKING,
  },
  {
    id: "koszalin-usc",
    city: "Koszalin",
    name: "Urząd Stanu Cywilnego w Koszalinie",
    address: "ul. Rynek Staromiejski 6-7, 75-007 Koszalin",
    voice: true,
    openingHours: KOSZALIN_HOURS,
    departments: [
      dept("urzad-stanu-cywilnego", "Urząd Stanu Cywilnego", [
        m("akt", "Akt stanu cywilnego – odpis", "A", 10),
        m("slub", "Ślub – zgłoszenie", "S", 30),
        m("urodzenie", "Rejestracja urodzenia", "U", 20),
        m("zgon", "Rejestracja zgonu", "Z", 20),
      ]),
    ],
    desks: koszalinUscDesks,
    devices: devices(koszalinUscDesks, {
      kiosks: 1,
      groupScreens: ["Monitor zbiorczy – poczekalnia", "Monitor zbiorczy – korytarz"],
      deskScreens: false,
      agent: true,
    }),
    booking: KOSZALIN_BOOKING,
  },
];

// ---------------------------------------------------------------- training site

const demoDesks = desks(
  [
    ["dowod", "meldunek", "informacja"],
    ["meldunek", "dowod", "informacja"],
    ["rejestracja", "prawo-jazdy", "informacja"],
    ["prawo-jazdy", "rejestracja", "dowod", "meldunek", "informacja"],
  ],
  "d",
);

const DEMO_SITE: SiteConfigInput = {
  id: "demo",
  city: "Demo",
  name: "Urząd Demo (szkoleniowy)",
  address: "ul. Przykładowa 1, Demo",
  voice: true,
  openingHours: everyDay([["00:00", "24:00"]]),
  departments: [
    dept("sprawy-obywatelskie", "Wydział Spraw Obywatelskich", [
      m("dowod", "Dowód osobisty", "D", 10),
      m("meldunek", "Zameldowanie", "Z", 10),
      m("informacja", "Informacja", "N", 5, false),
    ]),
    dept("komunikacja", "Wydział Komunikacji", [
      m("rejestracja", "Rejestracja pojazdu", "R", 15),
      m("prawo-jazdy", "Prawo jazdy", "P", 10),
    ]),
  ],
  desks: demoDesks,
  devices: devices(demoDesks, { kiosks: 1, groupScreens: ["Ekran grupowy"], deskScreens: true, agent: true }),
  booking: { horizonDays: 14, checkIn: "kiosk" },
  // A training site: open every day, holidays included, so every flow can be tried at any time.
  closedOnPublicHolidays: false,
};

// ---------------------------------------------------------------- exports

export const DEMO_SITES: SiteConfigInput[] = [DEMO_SITE, ...TORUN_SITES, ...KOSZALIN_SITES];

function siteAccounts(site: SiteConfigInput): DemoAccount[] {
  const siteIds = [site.id];
  const out: DemoAccount[] = [
    { username: `${site.id}-urzednik`, password: "demo", role: "clerk", siteIds, deskIds: site.desks.map((d) => d.id) },
  ];
  for (const dev of site.devices) {
    if (dev.kind === "kiosk") {
      out.push({ username: `${site.id}-${dev.id}`, password: "demo", role: "kiosk", siteIds, deviceId: dev.id });
    }
  }
  // One display login for the whole site: it may open any of the site's screens.
  out.push({ username: `${site.id}-ekran`, password: "demo", role: "display", siteIds });
  const agent = site.devices.find((d) => d.kind === "agent");
  if (agent) out.push({ username: `${site.id}-agent`, password: "demo", role: "agent", siteIds, deviceId: agent.id });
  return out;
}

/** A demo organisation: its sites and its accounts (an administrator's site list is empty: every site of theirs). */
export interface DemoOrganisation {
  id: string;
  name: string;
  sites: SiteConfigInput[];
  accounts: DemoAccount[];
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    id: "demo",
    name: "Urząd Demo (szkoleniowy)",
    sites: [DEMO_SITE],
    accounts: [
      { username: "kierownik", password: "demo", role: "manager", siteIds: ["demo"] },
      ...demoDesks.map(
        (d, i): DemoAccount => ({
          username: `urzednik${i + 1}`,
          password: "demo",
          role: "clerk",
          siteIds: ["demo"],
          deskIds: [d.id],
        }),
      ),
      { username: "kiosk-demo", password: "demo", role: "kiosk", siteIds: ["demo"], deviceId: "kiosk-1" },
      { username: "ekran-demo", password: "demo", role: "display", siteIds: ["demo"], deviceId: "ekran-1" },
      { username: "agent-demo", password: "demo", role: "agent", siteIds: ["demo"], deviceId: "agent-1" },
    ],
  },
  {
    id: "torun",
    name: "Urząd Miasta Torunia",
    sites: TORUN_SITES,
    accounts: [{ username: "torun-admin", password: "demo", role: "org-admin", siteIds: [] }, ...TORUN_SITES.flatMap(siteAccounts)],
  },
  {
    id: "koszalin",
    name: "Urząd Miejski w Koszalinie",
    sites: KOSZALIN_SITES,
    accounts: [{ username: "koszalin-admin", password: "demo", role: "org-admin", siteIds: [] }, ...KOSZALIN_SITES.flatMap(siteAccounts)],
  },
];

/** The deployment's operator in the demo: creates organisations and their first administrators. */
export const DEMO_OPERATORS: DemoAccount[] = [{ username: "admin", password: "admin", role: "operator", siteIds: [] }];

export const DEMO_ACCOUNTS: DemoAccount[] = [...DEMO_OPERATORS, ...DEMO_ORGANISATIONS.flatMap((o) => o.accounts)];

/** Days of simulated past visits the demo sites are given, so the statistics have charts at once. */
export const DEMO_HISTORY_DAYS = 60;

/** The clerk account signed in at each desk of a demo site, for its simulated history. */
export function demoClerks(siteId: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of DEMO_ACCOUNTS) {
    if (a.role !== "clerk" || !a.siteIds.includes(siteId)) continue;
    for (const deskId of a.deskIds ?? []) out[deskId] ??= a.username;
  }
  return out;
}
