import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { Encrypter } from 'age-encryption';
import { fileWriteError } from './file-errors';
import { signText } from './signing';

export interface SyncFileParts {
  /** where the file goes; written as `<path>.part` and renamed when complete */
  path: string;
  /** the recipient's age X25519 recipient (`age1…`) */
  recipient: string;
  /** the sender's Ed25519 private key (PKCS#8 DER, base64) */
  signPrivate: string;
  manifest: object;
  /** the body, in pieces of whole lines; pulled only as fast as the file is written */
  body?: AsyncIterable<string>;
}

/**
 * Writes a sync file (see manifest.ts): manifest, signature, body, encrypted with age to one
 * recipient. Streams end to end, so memory stays flat whatever the body's size. A half-written
 * file never carries the final name. Returns the manifest line (as signed) and the file size.
 */
export async function writeSyncFile(p: SyncFileParts): Promise<{ manifestLine: string; bytes: number }> {
  const manifestLine = JSON.stringify(p.manifest);
  const sigLine = JSON.stringify({ alg: 'ed25519', signature: signText(p.signPrivate, manifestLine) });
  const encoder = new TextEncoder();
  const it = p.body?.[Symbol.asyncIterator]();
  let headerSent = false;
  const plain = new ReadableStream<Uint8Array>({
    async pull(c) {
      if (!headerSent) {
        headerSent = true;
        c.enqueue(encoder.encode(`${manifestLine}\n${sigLine}\n`));
        return;
      }
      const next = it ? await it.next() : { done: true as const, value: undefined };
      if (next.done) c.close();
      else if (next.value.length) c.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await it?.return?.();
    },
  });
  const e = new Encrypter();
  e.addRecipient(p.recipient);
  const cipher = await e.encrypt(plain);
  const part = `${p.path}.part`;
  let bytes = 0;
  try {
    // written by hand so the file's pace sets the pace of the whole chain (backpressure)
    const out = createWriteStream(part);
    // the first error the file reports (ENOSPC, EIO, ENOENT …) is the one to tell the user
    let failed: Error | null = null;
    out.on('error', (e) => (failed ??= e));
    const opened = once(out, 'open');
    try {
      await opened;
      const reader = cipher.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        bytes += r.value.length;
        if (!out.write(r.value)) await once(out, 'drain');
        if (failed) throw failed;
      }
    } finally {
      if (!out.destroyed) {
        await new Promise<void>((resolve, reject) =>
          out.end((e?: Error | null) => (e ? reject(e) : resolve())),
        ).catch((e: Error) => {
          throw failed ?? e;
        });
      }
    }
    if (failed) throw failed;
    // on removable media the bytes must be on the stick before anyone unplugs it
    const fh = await open(part, 'r+');
    await fh.sync();
    await fh.close();
    await rename(part, p.path);
  } catch (err) {
    await rm(part, { force: true }).catch(() => undefined);
    throw fileWriteError(err, p.path);
  }
  return { manifestLine, bytes };
}
