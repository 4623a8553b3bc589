// The call chime: two soft tones through WebAudio. Browsers start audio only after a user
// gesture unless the screen's browser allows autoplay (hall PCs run Chromium with
// --autoplay-policy=no-user-gesture-required); until then the screen offers a button.
let ctx: AudioContext | null = null;
const listeners = new Set<() => void>();
let played = 0;

export function audioContext(): AudioContext | null {
  if (ctx) return ctx;
  try {
    ctx = new AudioContext();
    ctx.onstatechange = () => listeners.forEach((l) => l());
  } catch {
    return null;
  }
  return ctx;
}

export function audioRunning(): boolean {
  return audioContext()?.state === "running";
}

export function onAudioState(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function unlockAudio(): Promise<void> {
  await audioContext()?.resume();
}

/** How many chimes this page has played (shown on the page for checks). */
export function chimesPlayed(): number {
  return played;
}

/** Plays the chime; false when audio is not allowed yet. */
export function chime(): boolean {
  const c = audioContext();
  if (!c || c.state !== "running") return false;
  const t0 = c.currentTime + 0.02;
  const tones: [number, number][] = [
    [880, 0],
    [660, 0.45],
  ];
  for (const [freq, at] of tones) {
    const osc = c.createOscillator();
    const gain = c.createGain();
    osc.type = "sine";
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, t0 + at);
    gain.gain.exponentialRampToValueAtTime(0.5, t0 + at + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + at + 0.6);
    osc.connect(gain).connect(c.destination);
    osc.start(t0 + at);
    osc.stop(t0 + at + 0.65);
  }
  played++;
  return true;
}
