/**
 * How sync files are named, so that each device finds what is addressed to it in a shared
 * folder (a USB stick, a shared drive) without opening anything, in time order:
 *   yorisoi-<bundle|receipt>-<from 8>-to-<to 8>-<UTC time>-<random>.age
 *   yorisoi-card-<device 8>.json                          (an identity card: public keys only)
 * The `.age` ending tells an auditor which standard tool opens a bundle. Shared with the screen,
 * which suggests these names in a save dialog.
 */
export type SyncFileKind = 'bundle' | 'receipt';

/** The first 8 letters or digits of a device id, lower case: enough to tell devices apart. */
export const shortDeviceId = (deviceId: string) =>
  deviceId
    .replace(/[^0-9a-zA-Z]/g, '')
    .slice(0, 8)
    .toLowerCase();

const stamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

function randomHex(bytes: number): string {
  const b = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

export function syncFileName(kind: SyncFileKind, from: string, to: string, at: Date): string {
  return `yorisoi-${kind}-${shortDeviceId(from)}-to-${shortDeviceId(to)}-${stamp(at)}-${randomHex(3)}.age`;
}

export const cardFileName = (deviceId: string) => `yorisoi-card-${shortDeviceId(deviceId)}.json`;

const SYNC_NAME =
  /^yorisoi-(bundle|receipt)-([0-9a-z]{1,8})-to-([0-9a-z]{1,8})-(\d{8}T\d{6}Z)-[0-9a-f]+\.age$/;

/** What a conventional name says (kind, short sender and recipient ids, time), or null. */
export function parseSyncFileName(
  name: string,
): { kind: SyncFileKind; from: string; to: string; stamp: string } | null {
  const m = SYNC_NAME.exec(name);
  return m ? { kind: m[1] as SyncFileKind, from: m[2]!, to: m[3]!, stamp: m[4]! } : null;
}
