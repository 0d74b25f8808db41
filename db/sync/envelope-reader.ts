import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { Decrypter } from 'age-encryption';
import { AppError, isAppError } from '../../shared/errors';
import { LineReader } from './line-reader';
import { signatureLine } from './manifest';

/** The largest sync file read at all (checked before decrypting): far above a full 100,000-op bundle. */
export const MAX_BUNDLE_BYTES = 1024 * 1024 * 1024;
/** age's text header (version line, one stanza per recipient, MAC line) must end within this. */
const MAX_AGE_HEADER = 64 * 1024;
const AGE_VERSION_LINE = 'age-encryption.org/v1\n';
const MAX_MANIFEST = 1024 * 1024;
const MAX_OP_LINE = 4 * 1024 * 1024;

/** age's own errors say what went wrong; turn them into the codes a user can act on. */
export function syncFileError(e: unknown): AppError {
  if (isAppError(e)) return e;
  const msg = e instanceof Error ? e.message : String(e);
  // age cannot tell "for someone else" from "its key stanza is damaged": both find no matching key
  if (/no identity matched/i.test(msg)) {
    return new AppError('BUNDLE_WRONG_RECIPIENT', 'This file is not encrypted to this device.');
  }
  return new AppError('BUNDLE_CORRUPT', `The file is damaged or incomplete (${msg}).`);
}

/** An empty signature (which verifies nothing) when the line is not ours: a newer format may
 * sign differently, and the manifest check reports TOO_NEW before the signature matters. */
function signatureOf(text: string): string {
  try {
    return signatureLine.parse(JSON.parse(text)).signature;
  } catch {
    return '';
  }
}

/**
 * Opens the file and sizes it up before a byte is decrypted: a regular file (not /dev/zero, a
 * pipe or a folder), at most MAX_BUNDLE_BYTES, whose age header ends within MAX_AGE_HEADER —
 * age reads its header line by line without a limit, so an endless first line would fill
 * memory. Returns the open descriptor (the checks and the read are on the same file).
 */
function openSizedUp(path: string): number {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('FILE_NOT_FOUND', `No file at ${path}`);
    throw e;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new AppError('BUNDLE_CORRUPT', 'This is not a file (a device, pipe or folder).');
    if (st.size > MAX_BUNDLE_BYTES) {
      throw new AppError(
        'BUNDLE_TOO_LARGE',
        `The file is larger than ${MAX_BUNDLE_BYTES / 1024 / 1024} MiB; no sync file is that large.`,
      );
    }
    const head = Buffer.alloc(Math.min(MAX_AGE_HEADER, st.size));
    const n = readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, n).toString('latin1');
    const mac = text.indexOf('\n--- ');
    if (!text.startsWith(AGE_VERSION_LINE) || mac === -1 || text.indexOf('\n', mac + 1) === -1) {
      throw new AppError('BUNDLE_CORRUPT', 'The file does not begin with an age header.');
    }
    return fd;
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

export interface OpenedSyncFile {
  manifestText: string;
  signature: string;
  /** the body, line by line; any damage surfaces here as BUNDLE_CORRUPT */
  nextLine(): Promise<{ bytes: Uint8Array; text: string } | null>;
  close(): Promise<void>;
}

/**
 * Opens a sync file with this device's age identity and reads its first two lines (manifest
 * and signature). Nothing about the sender is trusted yet: the caller checks the manifest and
 * the signature before reading the body. Every byte handed out has passed age's per-chunk
 * authentication; a cut-off file fails at its end (the last chunk is marked).
 */
export async function openSyncFile(path: string, ageIdentity: string): Promise<OpenedSyncFile> {
  const fd = openSizedUp(path);
  const source = Readable.toWeb(createReadStream('', { fd, start: 0 })) as ReadableStream<Uint8Array>;
  const d = new Decrypter();
  d.addIdentity(ageIdentity);
  let reader: LineReader;
  try {
    reader = new LineReader(await d.decrypt(source));
  } catch (e) {
    await source.cancel().catch(() => undefined);
    throw syncFileError(e);
  }
  const line = async (max: number) => {
    try {
      const l = await reader.next(max);
      if (l && !l.terminated) throw new AppError('BUNDLE_CORRUPT', 'The file ends in the middle of a line.');
      return l;
    } catch (e) {
      await reader.cancel();
      throw syncFileError(e);
    }
  };
  const manifest = await line(MAX_MANIFEST);
  const sig = await line(16 * 1024);
  if (!manifest || !sig) throw new AppError('BUNDLE_CORRUPT', 'The file has no manifest.');
  return {
    manifestText: manifest.text,
    signature: signatureOf(sig.text),
    nextLine: () => line(MAX_OP_LINE),
    close: () => reader.cancel(),
  };
}
