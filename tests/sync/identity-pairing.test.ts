import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../db/sync/fingerprint';
import { ensureIdentity } from '../../db/sync/identity';
import { makeCard, parseCard } from '../../db/sync/identity-card';
import { ADMIN } from '../fixtures/temp-casefile';
import { errorCode } from '../fixtures/service-fixture';
import { makeDevice, type Device } from './sync-helpers';

let a: Device;
let b: Device;
let cardA = '';
let cardB = '';

beforeAll(async () => {
  [a, b] = await Promise.all([makeDevice('事務所PC'), makeDevice('出張用PC')]);
  cardA = a.file('card');
  cardB = b.file('card');
  await a.call('sync.exportCard', { path: cardA });
  await b.call('sync.exportCard', { path: cardB });
});
afterAll(async () => {
  await a.close();
  await b.close();
});

describe('device identity', () => {
  it('is made once and kept inside the encrypted case file (same keys after lock and login)', async () => {
    const first = await a.call('sync.identity', {});
    await a.fx.runtime.lock();
    await a.fx.runtime.login(ADMIN.login, ADMIN.passphrase);
    const again = await a.call('sync.identity', {});
    expect(again).toEqual(first);
    expect(first.deviceId).toBe(a.deviceId);
    expect(first.fingerprint).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
  });

  it('a copy that takes a new device id (restored from a backup) makes new keys', async () => {
    const before = await b.call('sync.identity', {});
    await b.db
      .updateTable('meta')
      .set({ value: crypto.randomUUID() })
      .where('key', '=', 'device_id')
      .execute();
    const after = await b.call('sync.identity', {});
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(JSON.parse(after.card).signKey).not.toBe(JSON.parse(before.card).signKey);
    // the center stays the same: the prefecture counts the restored copy for the same center
    expect(JSON.parse(after.card).centerId).toBe(JSON.parse(before.card).centerId);
    await b.db.updateTable('meta').set({ value: before.deviceId }).where('key', '=', 'device_id').execute();
    await b.call('sync.exportCard', { path: cardB });
  });

  it('never writes a private key to a plain file; the card holds public keys only', async () => {
    const id = await ensureIdentity(a.ctx.db);
    const secrets = [
      id.ageIdentity,
      id.signPrivate,
      Buffer.from(id.signPrivate, 'base64').subarray(-32).toString('hex'),
    ];
    await a.fx.runtime.lock(); // checkpoint: everything is in the (encrypted) case file
    for (const name of readdirSync(a.dir)) {
      const bytes = readFileSync(join(a.dir, name));
      for (const s of secrets)
        expect(bytes.includes(Buffer.from(s)), `${name} holds a private key`).toBe(false);
    }
    await a.fx.runtime.login(ADMIN.login, ADMIN.passphrase);
    const card = JSON.parse(readFileSync(cardA, 'utf8'));
    expect(Object.keys(card).sort()).toEqual(
      [
        'ageRecipient',
        'centerId', // a random id of the center (0010), the same on a copy restored from its backup
        'centerName',
        'deviceId',
        'format',
        'role',
        'signKey',
        'signature',
        'version',
      ].sort(),
    );
    expect(card.centerName).toBe('事務所PC');
  });
});

describe('identity card versions', () => {
  it('a version-1 card (before center ids) still reads; a version-2 card with its center id edited does not', async () => {
    const { signText } = await import('../../db/sync/signing');
    const id = await ensureIdentity(a.ctx.db);
    const v2 = makeCard(id);
    const body = { ...v2, version: 1 as const, centerId: undefined };
    const text = [
      'yorisoi-identity-card/v1',
      body.deviceId,
      body.centerName,
      body.role,
      body.signKey,
      body.ageRecipient,
    ].join('\n');
    const v1 = { ...body, signature: signText(id.signPrivate, text) };
    delete (v1 as { centerId?: string }).centerId;
    expect(parseCard(JSON.stringify(v1)).centerId).toBeUndefined();
    expect(parseCard(JSON.stringify(v2)).centerId).toBe(id.centerId);
    expect(() => parseCard(JSON.stringify({ ...v2, centerId: 'another-center' }))).toThrow(/altered/);
  });
});

describe('pairing by identity card', () => {
  it('shows the fingerprint before pairing, and both sides compute the same one', async () => {
    const preview = await b.call('sync.previewCard', { path: cardA });
    const own = await a.call('sync.identity', {});
    expect(preview).toMatchObject({
      deviceId: a.deviceId,
      fingerprint: own.fingerprint,
      alreadyPaired: false,
      suggestedProfile: 'full',
    });
  });

  it('refuses when the fingerprint read over the phone differs', async () => {
    expect(
      await errorCode(b.call('sync.addPeer', { path: cardA, expectedFingerprint: 'AAAA-BBBB-CCCC-DDDD' })),
    ).toBe('FINGERPRINT_MISMATCH');
  });

  it('pairs when it matches (spaces, dashes and case do not matter), and again changes only the profile', async () => {
    const code = (await a.call('sync.identity', {})).fingerprint.toLowerCase().replace(/-/g, ' ');
    const p = await b.call('sync.addPeer', { path: cardA, expectedFingerprint: code, label: '事務所' });
    expect(p).toMatchObject({ deviceId: a.deviceId, profile: 'full', label: '事務所', active: true });
    const again = await b.call('sync.addPeer', { path: cardA, profile: 'statistics' });
    expect(again).toMatchObject({ profile: 'statistics', label: '事務所', pairedAt: p.pairedAt });
    expect((await b.call('sync.status', {})).peers).toHaveLength(1);
  });

  it('refuses an altered card, its own card, and other keys under a paired device id', async () => {
    const altered = b.file('altered');
    writeFileSync(altered, readFileSync(cardA, 'utf8').replace('事務所PC', '偽の事務所'));
    expect(await errorCode(b.call('sync.addPeer', { path: altered }))).toBe('CARD_INVALID');
    expect(await errorCode(b.call('sync.addPeer', { path: cardB }))).toBe('CARD_IS_OWN');
    // a well-signed card that claims a's device id with b's keys
    const idB = await ensureIdentity(b.ctx.db);
    const impostor = b.file('impostor');
    writeFileSync(impostor, JSON.stringify(makeCard({ ...idB, deviceId: a.deviceId })));
    expect(await errorCode(b.call('sync.addPeer', { path: impostor }))).toBe('PEER_KEYS_CHANGED');
    expect(fingerprintOf(parseCard(readFileSync(impostor, 'utf8')))).not.toBe(
      (await a.call('sync.identity', {})).fingerprint,
    );
  });

  it("a prefecture's card suggests the statistics profile; unpairing refuses its bundles from then on", async () => {
    await a.call('sync.setMode', { mode: 'prefecture' });
    const prefCard = a.file('pref-card');
    await a.call('sync.exportCard', { path: prefCard });
    expect((await b.call('sync.previewCard', { path: prefCard })).suggestedProfile).toBe('statistics');
    await b.call('sync.removePeer', { peer: '事務所' });
    const file = a.file('bundle');
    await a.call('sync.addPeer', { path: cardB });
    await a.call('sync.exportBundle', { peer: b.deviceId, path: file });
    expect(await errorCode(b.call('sync.importBundle', { path: file }))).toBe('BUNDLE_UNKNOWN_SENDER');
    const log = await b.call('audit.list', { action: 'sync.peer.remove', limit: 10, offset: 0 });
    expect(log.total).toBe(1);
  });
});
