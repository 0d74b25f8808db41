/**
 * Hybrid logical clock. A timestamp is fixed-width text that sorts in time order:
 * `<13-digit ms>-<4-digit counter>-<device id>`. It never goes backwards on one device, even
 * when the wall clock does (a laptop with a wrong date at an outreach day), and it moves past
 * any timestamp the device has seen from others.
 */
export class HybridClock {
  #ms = 0;
  #counter = 0;

  constructor(
    readonly deviceId: string,
    private readonly wall: () => number = Date.now,
  ) {}

  static format(ms: number, counter: number, deviceId: string): string {
    return `${String(ms).padStart(13, '0')}-${String(counter).padStart(4, '0')}-${deviceId}`;
  }

  static parse(hlc: string): { ms: number; counter: number; deviceId: string } {
    const [ms = '0', counter = '0', ...rest] = hlc.split('-');
    return { ms: Number(ms), counter: Number(counter), deviceId: rest.join('-') };
  }

  /** Timestamp for a local change. */
  now(): string {
    const wall = this.wall();
    if (wall > this.#ms) {
      this.#ms = wall;
      this.#counter = 0;
    } else if (this.#counter >= 9999) {
      this.#ms += 1;
      this.#counter = 0;
    } else {
      this.#counter += 1;
    }
    return HybridClock.format(this.#ms, this.#counter, this.deviceId);
  }

  /** Moves past a timestamp seen in the log or in an imported op. */
  observe(hlc: string): void {
    const { ms, counter } = HybridClock.parse(hlc);
    if (ms > this.#ms || (ms === this.#ms && counter > this.#counter)) {
      this.#ms = ms;
      this.#counter = counter;
    }
  }
}
