/**
 * Splits a byte stream into lines without holding more than one chunk and one line: a 100,000-op
 * bundle streams through in 64 KiB pieces. A line is returned with its `\n` (the body hash covers
 * the exact bytes), decoded text without it.
 */
export class LineReader {
  #reader: ReadableStreamDefaultReader<Uint8Array>;
  #buf: Uint8Array = new Uint8Array(0);
  #pos = 0;
  #done = false;
  #decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(stream: ReadableStream<Uint8Array>) {
    this.#reader = stream.getReader();
  }

  /** The next line (bytes include the newline), or null at the end. `max` bounds its length. */
  async next(max: number): Promise<{ bytes: Uint8Array; text: string; terminated: boolean } | null> {
    const parts: Uint8Array[] = [];
    let length = 0;
    for (;;) {
      if (this.#pos < this.#buf.length) {
        const nl = this.#buf.indexOf(0x0a, this.#pos);
        const end = nl === -1 ? this.#buf.length : nl + 1;
        parts.push(this.#buf.subarray(this.#pos, end));
        length += end - this.#pos;
        this.#pos = end;
        if (length > max) throw new RangeError('line too long');
        if (nl !== -1) return this.#finish(parts, length, true);
      }
      if (this.#done) return length ? this.#finish(parts, length, false) : null;
      const r = await this.#reader.read();
      if (r.done) this.#done = true;
      else {
        this.#buf = r.value;
        this.#pos = 0;
      }
    }
  }

  #finish(parts: Uint8Array[], length: number, terminated: boolean) {
    const bytes = parts.length === 1 ? parts[0]! : concat(parts, length);
    const text = this.#decoder.decode(terminated ? bytes.subarray(0, bytes.length - 1) : bytes);
    return { bytes, text, terminated };
  }

  async cancel(): Promise<void> {
    await this.#reader.cancel().catch(() => undefined);
  }
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
