import { createHash, randomUUID } from 'node:crypto';
import { openSync, closeSync, ftruncateSync, writeSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../db/migrations';
import { writeSyncFile } from '../../db/sync/envelope-writer';
import { ensureIdentity } from '../../db/sync/identity';
import { SYNC_FORMAT, SYNC_FORMAT_VERSION } from '../../db/sync/manifest';
import { MAX_BUNDLE_BYTES } from '../../db/sync/envelope-reader';
import { errorCode } from '../fixtures/service-fixture';
import { consultationInput, dumpAll, makeDevice, pair, type Device } from './sync-helpers';

/**
 * What a paired device may send, and what a file may cost before it is read. The prefecture
 * (a `statistics` peer) holds valid keys: a bundle it signs is genuine, but it may not change
 * the center's staff, roles or records.
 */
let center: Device;
let pref: Device;
let laptop: Device; // the center's own outreach laptop: `full`
let personId = '';

beforeAll(async () => {
  const ds = await Promise.all(['センター', '県', 'センター出張用'].map((n) => makeDevice(n)));
  [center, pref, laptop] = [ds[0]!, ds[1]!, ds[2]!];
  await pref.call('sync.setMode', { mode: 'prefecture' });
  await pair(center, pref); // the center sees the prefecture as `statistics`
  await pair(center, laptop);
  const c = await center.call(
    'consultation.record',
    consultationInput({ person: { mode: 'new', data: { name: '本人 花子' } } }),
  );
  personId = c.person!.id;
});
afterAll(async () => {
  for (const d of [center, pref, laptop]) await d.close();
});

/** A bundle `from` signs itself, with ops it makes up, addressed to `to`. */
async function forged(from: Device, to: Device, ops: { entity: string; entityId: string; fields: object }[]) {
  const id = await ensureIdentity(from.ctx.db);
  const origin = id.deviceId;
  const lines = ops.map(
    (op, i) =>
      JSON.stringify({
        origin,
        seq: i + 1,
        hlc: `9999999999999-${String(i).padStart(4, '0')}-${origin}`,
        entity: op.entity,
        entityId: op.entityId,
        fields: op.fields,
        prev: {},
        staffId: null,
      }) + '\n',
  );
  const body = lines.join('');
  const manifest = {
    format: SYNC_FORMAT,
    formatVersion: SYNC_FORMAT_VERSION,
    id: randomUUID(),
    createdAt: new Date().toISOString(),
    schemaVersion: SCHEMA_VERSION,
    sender: { deviceId: origin, centerName: from.name },
    recipient: { deviceId: to.deviceId },
    have: {},
    kind: 'bundle',
    profile: 'full',
    ranges: { [origin]: [1, lines.length] },
    counts: { ops: lines.length, byEntity: {} },
    body: { sha256: createHash('sha256').update(body).digest('hex'), bytes: Buffer.byteLength(body) },
  };
  const path = from.file('forged');
  await writeSyncFile({
    path,
    recipient: (await ensureIdentity(to.ctx.db)).ageRecipient,
    signPrivate: id.signPrivate,
    manifest,
    body: (async function* () {
      yield body;
    })(),
  });
  return path;
}

const takeover = () => [
  // the center's administrator demoted and switched off, a new administrator made up,
  // and a person's name changed
  { entity: 'staff', entityId: center.ctx.actor.id, fields: { role: 'read_only', active: 0 } },
  {
    entity: 'staff',
    entityId: '0190a000-0000-7000-8000-00000000beef',
    fields: {
      login: 'intruder',
      display_name: '侵入者',
      role: 'administrator',
      active: 1,
      created_at: '2025-06-02T00:00:00.000Z',
      updated_at: '2025-06-02T00:00:00.000Z',
    },
  },
  { entity: 'person', entityId: personId, fields: { name: '書き換え' } },
];

describe('ops are applied only within what the sender may send', () => {
  it('a bundle signed by the paired prefecture that changes staff, roles and records is refused', async () => {
    const file = await forged(pref, center, takeover());
    const before = await dumpAll(center.db);
    expect(await errorCode(center.call('sync.importBundle', { path: file }))).toBe('BUNDLE_NOT_ALLOWED');
    expect(await dumpAll(center.db)).toEqual(before);
    const staff = await center.db
      .selectFrom('staff')
      .select(['role', 'active'])
      .where('id', '=', center.ctx.actor.id)
      .executeTakeFirstOrThrow();
    expect(staff).toEqual({ role: 'administrator', active: 1 });
    // the refusal is in the audit log with its code
    const audit = await center.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'sync.bundle.reject')
      .execute();
    expect(audit.map((a) => JSON.parse(a.detail!).code)).toContain('BUNDLE_NOT_ALLOWED');
  });

  it('the same ops from the center’s own device (full) are applied: the refusal is about the sender', async () => {
    const file = await forged(laptop, center, takeover().slice(2));
    const r = await center.call('sync.importBundle', { path: file });
    expect(r.applied).toBe(1);
    const p = await center.db
      .selectFrom('persons')
      .select('name')
      .where('id', '=', personId)
      .executeTakeFirst();
    expect(p?.name).toBe('書き換え');
  });
});

describe('a file is sized up before it is decrypted', () => {
  it('/dev/zero (endless, not a file) is refused at once', async () => {
    expect(await errorCode(center.call('sync.importBundle', { path: '/dev/zero' }))).toBe('BUNDLE_CORRUPT');
  });

  it('a file larger than the cap is refused before a byte is decrypted', async () => {
    const path = center.file('huge');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, MAX_BUNDLE_BYTES + 1); // sparse: no disk used
    closeSync(fd);
    expect(await errorCode(center.call('sync.importBundle', { path }))).toBe('BUNDLE_TOO_LARGE');
  });

  it('an age header that never ends is refused after a bounded read', async () => {
    const path = center.file('endless-header');
    const fd = openSync(path, 'w');
    writeSync(fd, 'age-encryption.org/v1\n-> X25519 ');
    ftruncateSync(fd, 300 * 1024 * 1024); // 300 MiB of one header line (sparse)
    closeSync(fd);
    const before = process.memoryUsage().rss;
    expect(await errorCode(center.call('sync.importBundle', { path }))).toBe('BUNDLE_CORRUPT');
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });
});
