/**
 * Hybrid logical clock. A timestamp is fixed-width text that sorts in time order:
 * `<13-digit ms>-<4-digit counter>-<device id>`. It never goes backwards on one device while
 * the wall clock is sane (a laptop whose clock drifts back at an outreach day keeps counting),
 * and it moves past timestamps it sees from others.
 *
 * A timestamp far in the future (a device whose date was years ahead) must not take every
 * device there for good (issue 17): one seen more than MAX_AHEAD_MS beyond this device's wall
 * clock is remembered but not adopted, and a clock that is itself that far ahead (the wall
 * clock was wrong and has been corrected) comes back to the wall clock. Ordering stays right
 * where it matters: an edit of a value stamped ahead of this clock gets a timestamp just after
 * that value (`after`), so it still wins everywhere, without moving the whole clock.
 */
export const MAX_AHEAD_MS = 60 * 60 * 1000;

const MAX_MS = 9_999_999_999_999;

interface Stamp {
  ms: number;
  counter: number;
}

const later = (a: Stamp, b: Stamp) => a.ms > b.ms || (a.ms === b.ms && a.counter > b.counter);
const next = (s: Stamp): Stamp =>
  s.counter >= 9999 ? { ms: Math.min(MAX_MS, s.ms + 1), counter: 0 } : { ms: s.ms, counter: s.counter + 1 };

export class HybridClock {
  #ms = 0;
  #counter = 0;
  /** the latest timestamp seen or given out beyond MAX_AHEAD_MS of the wall clock */
  #far: Stamp | null = null;
  /** the latest ms this clock held that was not far ahead: a wall clock later set back shows */
  #highest = 0;

  constructor(
    readonly deviceId: string,
    private readonly wall: () => number = Date.now,
  ) {}

  static format(ms: number, counter: number, deviceId: string): string {
    return `${String(Math.min(MAX_MS, ms)).padStart(13, '0')}-${String(counter).padStart(4, '0')}-${deviceId}`;
  }

  static parse(hlc: string): { ms: number; counter: number; deviceId: string } {
    const [ms = '0', counter = '0', ...rest] = hlc.split('-');
    return { ms: Number(ms), counter: Number(counter), deviceId: rest.join('-') };
  }

  /** Is this timestamp further ahead of the wall clock than a sane clock can be? */
  isFarAhead(hlc: string): boolean {
    return HybridClock.parse(hlc).ms > this.wall() + MAX_AHEAD_MS;
  }

  /**
   * How far the wall clock is behind what this clock already held (0: not more than
   * MAX_AHEAD_MS): the date was set back, or it was wrong before. Either way "today" is not to
   * be trusted until a peer's clock agrees (confirm).
   */
  wallSetBackMs(): number {
    const behind = Math.max(this.#highest, this.#ms) - this.wall();
    return behind > MAX_AHEAD_MS ? behind : 0;
  }

  /**
   * At unlock: the newest timestamp this device gave out in an earlier session. A wall clock
   * more than MAX_AHEAD_MS behind it was set back while the app was closed (a laptop whose
   * clock battery ran out boots years back), which `observe` alone would take for a far
   * timestamp and forget; wallSetBackMs then reports it, as for a clock set back while open.
   */
  resume(ownNewest: string): void {
    this.observe(ownNewest);
    this.#highest = Math.max(this.#highest, HybridClock.parse(ownNewest).ms);
  }

  /** A peer's clock agrees with the wall clock: what this clock held before no longer counts. */
  confirm(): void {
    this.#settle(this.wall());
    this.#highest = this.#ms;
  }

  #settle(wall: number): void {
    // a far timestamp the wall clock has come near is an ordinary one now
    if (this.#far && this.#far.ms <= wall + MAX_AHEAD_MS) {
      this.#adopt(this.#far);
      this.#far = null;
    }
    // the clock ran far ahead (a wrong wall clock, since corrected): back to the wall clock
    if (this.#ms > wall + MAX_AHEAD_MS) {
      this.#remember({ ms: this.#ms, counter: this.#counter });
      this.#highest = Math.max(this.#highest, this.#ms);
      this.#ms = 0;
      this.#counter = 0;
    }
  }

  /** Timestamp for a local change. */
  now(): string {
    const wall = this.wall();
    this.#settle(wall);
    if (wall > this.#ms) {
      this.#ms = wall;
      this.#counter = 0;
    } else {
      const n = next({ ms: this.#ms, counter: this.#counter });
      this.#ms = n.ms;
      this.#counter = n.counter;
    }
    return HybridClock.format(this.#ms, this.#counter, this.deviceId);
  }

  /**
   * A timestamp for a local edit that replaces values stamped up to `latest`: now(), or when
   * that is not later (a value stamped far ahead), the first timestamp after both `latest` and
   * anything far this clock has given out — unique, and the clock itself stays where it is.
   */
  after(latest: string | null): string {
    const t = this.now();
    if (latest === null || t > latest) return t;
    const seen = HybridClock.parse(latest);
    let s: Stamp = { ms: seen.ms, counter: seen.counter };
    if (this.#far && later(this.#far, s)) s = this.#far;
    const n = next(s);
    this.#remember(n);
    return HybridClock.format(n.ms, n.counter, this.deviceId);
  }

  /** Moves past a timestamp seen in the log or in an imported op (not when it is far ahead). */
  observe(hlc: string): void {
    const { ms, counter } = HybridClock.parse(hlc);
    if (ms > this.wall() + MAX_AHEAD_MS) this.#remember({ ms, counter });
    else this.#adopt({ ms, counter });
  }

  #adopt(s: Stamp): void {
    if (later(s, { ms: this.#ms, counter: this.#counter })) {
      this.#ms = s.ms;
      this.#counter = s.counter;
    }
  }

  #remember(s: Stamp): void {
    if (!this.#far || later(s, this.#far)) this.#far = s;
  }
}
