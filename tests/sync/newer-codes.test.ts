import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consultationInput, makeDevice, pair, sync, type Device } from './sync-helpers';

/**
 * A laptop running a newer Yorisoi records with a code this version does not know (a new
 * consultation method, say LINE). The office PC must not count a raw "line_chat" in its
 * statistics: the change waits, listed on the sync screen, until the app is updated (issue 17).
 */
let office: Device;
let laptop: Device;
beforeEach(async () => {
  [office, laptop] = await Promise.all([makeDevice('office'), makeDevice('laptop')]);
  await pair(office, laptop);
});
afterEach(async () => {
  await office.close();
  await laptop.close();
});

/** What the newer app would have written: the laptop's last consultation op with `method` set to a new code. */
async function asNewerApp(fieldsPatch: Record<string, unknown>) {
  const op = await laptop.db
    .selectFrom('op_log')
    .select(['origin', 'seq', 'fields'])
    .where('origin', '=', laptop.deviceId)
    .where('entity', '=', 'consultation')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  const fields = { ...JSON.parse(op.fields), ...fieldsPatch };
  await laptop.db
    .updateTable('op_log')
    .set({ fields: JSON.stringify(fields) })
    .where('origin', '=', op.origin)
    .where('seq', '=', op.seq)
    .execute();
}

const reportText = async (d: Device) => JSON.stringify(await d.call('report.build', { fiscalYear: 2025 }));

describe('a code from a newer app', () => {
  it('a consultation recorded with a new method waits whole: not in the report, listed as waiting for an update', async () => {
    await office.call('consultation.record', consultationInput({ method: 'email' }));
    const c = await laptop.call('consultation.record', consultationInput());
    await asNewerApp({ method: 'line_chat' });
    const r = await sync(laptop, office);
    expect(r.parked).toBeGreaterThan(0);
    const row = await office.db
      .selectFrom('consultations')
      .select('id')
      .where('id', '=', c.id)
      .executeTakeFirst();
    expect(row).toBeUndefined();
    expect(await reportText(office)).not.toContain('line_chat');
    const status = await office.call('sync.status', {});
    expect(status.pending.byReason).toMatchObject({ unknown_field: expect.any(Number) });
  });

  it('an edit that sets a new method keeps the method this app knows; the other fields of the edit apply', async () => {
    const c = await laptop.call('consultation.record', consultationInput({ method: 'phone' }));
    await sync(laptop, office);
    await laptop.call('consultation.update', {
      id: c.id,
      expectedVersion: c.version,
      changes: { ...consultationInput({ method: 'phone' }), summary: '新しい版で追記した要約' },
    });
    await asNewerApp({ method: 'line_chat' });
    await sync(laptop, office);
    const row = await office.db
      .selectFrom('consultations')
      .select(['method', 'summary'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ method: 'phone', summary: '新しい版で追記した要約' });
    expect(await reportText(office)).not.toContain('line_chat');
    expect((await office.call('sync.status', {})).pending.total).toBe(1);
  });
});
