// The e-ticket's service worker (/eticket-sw.js, scope /t/): shows the push messages the site object sends
// ("Twoja kolej się zbliża: R003", "Numer R003: zapraszamy do stanowiska 4") in the ticket's language, and
// opens the e-ticket when the notification is tapped. Built on its own into one file (vite.sw.config.ts).
import { pushNotice, readPushPayload } from "./push-text.ts";

/** The parts of the service worker's scope used here (the clients are typed against the DOM, not WebWorker). */
interface ExtendableEventLike extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface PushEventLike extends ExtendableEventLike {
  data: { json(): unknown } | null;
}
interface NotificationEventLike extends ExtendableEventLike {
  notification: Notification & { data?: { url?: string } };
}
interface WindowClientLike {
  url: string;
  focus(): Promise<unknown>;
}
interface ServiceWorkerScopeLike {
  location: Location;
  registration: ServiceWorkerRegistration;
  clients: {
    matchAll(o: { type: "window"; includeUncontrolled: boolean }): Promise<WindowClientLike[]>;
    openWindow(url: string): Promise<unknown>;
    claim(): Promise<void>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: "push", listener: (e: PushEventLike) => void): void;
  addEventListener(type: "notificationclick", listener: (e: NotificationEventLike) => void): void;
  addEventListener(type: "install" | "activate", listener: (e: ExtendableEventLike) => void): void;
}

const sw = globalThis as unknown as ServiceWorkerScopeLike;

sw.addEventListener("install", (e) => e.waitUntil(sw.skipWaiting()));
sw.addEventListener("activate", (e) => e.waitUntil(sw.clients.claim()));

sw.addEventListener("push", (e) => {
  let data: unknown = null;
  try {
    data = e.data?.json() ?? null;
  } catch {
    data = null;
  }
  const payload = readPushPayload(data);
  if (!payload) return;
  const n = pushNotice(payload);
  // The e-ticket is opened on this origin, whatever host the link names.
  const url = new URL(new URL(n.url).pathname, sw.location.origin).href;
  e.waitUntil(sw.registration.showNotification(n.title, { body: n.body, tag: n.tag, lang: n.lang, data: { url } }));
});

sw.addEventListener("notificationclick", (e) => {
  e.notification.close();
  const url = e.notification.data?.url;
  if (!url) return;
  e.waitUntil(
    sw.clients.matchAll({ type: "window", includeUncontrolled: true }).then((list) => {
      const open = list.find((c) => c.url === url);
      return open ? open.focus() : sw.clients.openWindow(url);
    }),
  );
});
