import { readFileSync, writeFileSync } from 'node:fs';
import { Decrypter, Encrypter } from 'age-encryption';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyncFile } from '../../db/sync/envelope-writer';
import { ensureIdentity } from '../../db/sync/identity';
import { errorCode } from '../fixtures/service-fixture';
import { consultationInput, dumpAll, exportTo, makeDevice, pair, type Device } from './sync-helpers';
import { SYNC_FORMAT_VERSION } from '../../db/sync/manifest';

/**
 * Every kind of bad file is refused with its own code before anything is applied, and the
 * receiving case file's data is the same before and after (only the audit log notes the try).
 */
let a: Device; // the sender, paired with b
let b: Device; // the receiver
let c: Device; // paired with a only: another recipient
let stranger: Device; // knows b's card, but b never paired with it
let good: string;

async function identityOf(d: Device) {
  return ensureIdentity(d.ctx.db);
}

async function decryptFor(d: Device, file: string): Promise<string> {
  const dec = new Decrypter();
  dec.addIdentity((await identityOf(d)).ageIdentity);
  return dec.decrypt(readFileSync(file), 'text');
}

async function encryptTo(d: Device, plaintext: string, file: string): Promise<void> {
  const enc = new Encrypter();
  enc.addRecipient((await identityOf(d)).ageRecipient);
  writeFileSync(file, await enc.encrypt(plaintext));
}

/** Imports `file` at b, expecting a code; returns it after checking b's data did not change. */
async function refusedAtB(file: string, kind: 'bundle' | 'receipt' = 'bundle'): Promise<string> {
  const before = await dumpAll(b.db);
  const channel = kind === 'bundle' ? 'sync.importBundle' : 'sync.importReceipt';
  const code = await errorCode(b.call(channel, { path: file }));
  expect(await dumpAll(b.db)).toEqual(before);
  return code;
}

beforeAll(async () => {
  const ds = await Promise.all(['a', 'b', 'c', 'stranger'].map((n) => makeDevice(n)));
  [a, b, c, stranger] = [ds[0]!, ds[1]!, ds[2]!, ds[3]!];
  await pair(a, b);
  await pair(a, c);
  const cardB = b.file('card');
  await b.call('sync.exportCard', { path: cardB });
  await stranger.call('sync.addPeer', { path: cardB });
  for (let i = 0; i < 30; i++) {
    await a.call('consultation.record', consultationInput({ summary: `相談 ${i} `.repeat(200) }));
  }
  good = await exportTo(a, b);
});
afterAll(async () => {
  for (const d of [a, b, c, stranger]) await d.close();
});

describe('a bundle is refused, and changes nothing, when', () => {
  it('one byte of it is flipped', async () => {
    const bytes = readFileSync(good);
    expect(bytes.length).toBeGreaterThan(100_000); // several age chunks: flip one in the middle
    const bad = Buffer.from(bytes);
    bad[Math.floor(bad.length / 2)]! ^= 0x01;
    const file = b.file('flipped');
    writeFileSync(file, bad);
    expect(await refusedAtB(file)).toBe('BUNDLE_CORRUPT');
  });

  it('any single byte anywhere is flipped (header, key stanza, manifest, body, last chunk)', async () => {
    const bytes = readFileSync(good);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (at, x) => {
          const bad = Buffer.from(bytes);
          bad[at]! ^= x;
          const file = b.file('flip');
          writeFileSync(file, bad);
          // a damaged key stanza looks exactly like a file for someone else: age cannot tell
          expect(['BUNDLE_CORRUPT', 'BUNDLE_WRONG_RECIPIENT']).toContain(await refusedAtB(file));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('it is cut short (at a chunk boundary or anywhere)', async () => {
    const bytes = readFileSync(good);
    for (const length of [bytes.length - 1, bytes.length - 17, 64 * 1024 + 16 + 200, 150]) {
      const file = b.file('truncated');
      writeFileSync(file, bytes.subarray(0, length));
      expect(await refusedAtB(file)).toBe('BUNDLE_CORRUPT');
    }
  });

  it('it is signed by a device b never paired with', async () => {
    await stranger.call('consultation.record', consultationInput());
    const file = await exportTo(stranger, b);
    expect(await refusedAtB(file)).toBe('BUNDLE_UNKNOWN_SENDER');
  });

  it('it was made for another recipient', async () => {
    const forC = await exportTo(a, c);
    expect(await refusedAtB(forC)).toBe('BUNDLE_WRONG_RECIPIENT');
  });

  it('it comes from a newer sync format', async () => {
    const text = await decryptFor(b, good);
    const [manifestLine] = text.split('\n');
    const manifest = { ...JSON.parse(manifestLine!), formatVersion: SYNC_FORMAT_VERSION + 1 };
    const file = b.file('newer');
    await writeSyncFile({
      path: file,
      recipient: (await identityOf(b)).ageRecipient,
      signPrivate: (await identityOf(a)).signPrivate,
      manifest,
    });
    expect(await refusedAtB(file)).toBe('BUNDLE_TOO_NEW');
  });

  it("its manifest names a paired sender but is signed with another device's key", async () => {
    const text = await decryptFor(b, good);
    const file = b.file('forged');
    await writeSyncFile({
      path: file,
      recipient: (await identityOf(b)).ageRecipient,
      signPrivate: (await identityOf(stranger)).signPrivate,
      manifest: JSON.parse(text.split('\n')[0]!),
    });
    expect(await refusedAtB(file)).toBe('BUNDLE_BAD_SIGNATURE');
  });

  it("its body was changed under a genuine signed manifest (anyone can encrypt to b's public key)", async () => {
    const text = await decryptFor(b, good);
    const lines = text.split('\n');
    const i = lines.findIndex((l) => l.includes('"entity":"consultation"'));
    lines[i] = lines[i]!.replace('相談', '改竄');
    const file = b.file('tampered');
    await encryptTo(b, lines.join('\n'), file);
    expect(await refusedAtB(file)).toBe('BUNDLE_CORRUPT');
  });

  it('it is a receipt given as a bundle (and a bundle as a receipt)', async () => {
    const receipt = a.file('receipt');
    await a.call('sync.exportReceipt', { peer: b.deviceId, path: receipt });
    expect(await refusedAtB(receipt)).toBe('BUNDLE_WRONG_KIND');
    expect(await refusedAtB(good, 'receipt')).toBe('BUNDLE_WRONG_KIND');
  });

  it('it is no sync file at all', async () => {
    const file = b.file('plain');
    writeFileSync(file, 'hello');
    expect(await refusedAtB(file)).toBe('BUNDLE_CORRUPT');
  });

  it('…and every refusal is in the audit log; the good bundle still imports afterwards', async () => {
    const log = await b.call('audit.list', { action: 'sync.bundle.reject', limit: 100, offset: 0 });
    expect(log.total).toBeGreaterThanOrEqual(8);
    const r = await b.call('sync.importBundle', { path: good });
    expect(r.received).toBe(r.applied + r.duplicates + r.parked);
    expect(r.applied).toBeGreaterThan(30);
  });
});
