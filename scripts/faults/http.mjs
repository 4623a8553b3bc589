// The fault rows' HTTP side: sign-ins, and commands sent with an Idempotency-Key and retried with
// the same key until the server answers (a crash answers nothing, or a 5xx from the runtime).
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One request; { status, body } (body parsed when JSON), or { status: 0 } when nothing answered. */
export async function send(base, path, { method = "GET", token, json, key, headers = {}, timeoutMs = 15_000 } = {}) {
  const h = { ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  if (key) h["Idempotency-Key"] = key;
  if (json !== undefined) h["Content-Type"] = "application/json";
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: h,
      body: json === undefined ? undefined : JSON.stringify(json),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let body = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body };
  } catch {
    return { status: 0, body: null };
  }
}

/** Whether nothing the client can trust came back: no answer, or the runtime's 5xx (a 503 with a code is an answer). */
const unanswered = (r) => r.status === 0 || (r.status >= 500 && !(r.body && typeof r.body === "object" && r.body.error));

/** Sends until answered (the same key every time), for at most `withinMs`. */
export async function untilAnswered(base, path, options = {}, withinMs = 120_000) {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const r = await send(typeof base === "function" ? base() : base, path, options);
    if (!unanswered(r) || Date.now() > deadline) return r;
    await sleep(250);
  }
}

/** Sends and throws unless the status is `expect`. */
export async function must(base, path, options = {}, expect = 200) {
  const r = await untilAnswered(base, path, options, 60_000);
  if (r.status !== expect) throw new Error(`${options.method ?? "GET"} ${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  return r.body;
}

export async function login(base, username, password) {
  return (await must(base, "/api/v1/auth/login", { method: "POST", json: { username, password } })).token;
}

/** Runs `task(i)` for i < n with at most `width` at a time. */
export async function pool(n, width, task) {
  const out = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, width) }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

/** Polls `probe()` until it returns something other than undefined, for at most `withinMs`. */
export async function until(probe, withinMs, what) {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${Math.round(withinMs / 1000)} s`);
    await sleep(300);
  }
}
