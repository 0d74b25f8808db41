import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultationInput, makeDevice, pair, sync, type Device } from './sync-helpers';

/**
 * The new records travel like the others: an activity (地域支援対策事業, 協議会 …) and an
 * institution's designations reach the center's other devices in full; the prefecture gets the
 * counts only (kind, date, participants) and the 新規/継続 code, never its reason or the topic.
 */
let office: Device;
let laptop: Device;
let pref: Device;
beforeAll(async () => {
  const ds = await Promise.all(['事務所PC', '出張用PC', '県'].map((n) => makeDevice(n)));
  [office, laptop, pref] = [ds[0]!, ds[1]!, ds[2]!];
  await pref.call('sync.setMode', { mode: 'prefecture' });
  await pair(office, laptop);
  await pair(office, pref);
});
afterAll(async () => {
  for (const d of [office, laptop, pref]) await d.close();
});

describe('activities, designations and 新規/継続 by sync', () => {
  it('reach the other device in full, and the prefecture as counts only', async () => {
    const hospital = await laptop.call('institution.create', {
      type: 'hub_hospital',
      designations: ['medical_hub_hospital'],
      name: '架空大学病院',
    });
    const a = await laptop.call('activity.create', {
      kind: 'council',
      title: '難病対策地域協議会（非公開の議題）',
      date: '2025-10-20',
      participants: 12,
      attendees: [{ name: '架空大学病院', institutionId: hospital.id }],
    });
    const c = await laptop.call(
      'consultation.record',
      consultationInput({ continuity: 'continuing', continuityReason: '紙の記録に相談歴あり（秘）' }),
    );
    await sync(laptop, office);
    expect(await office.call('activity.list', {})).toEqual([a]);
    const inst = (await office.call('institution.list', {})).find((i) => i.id === hospital.id);
    expect(inst?.designations).toEqual(['medical_hub_hospital']);
    const there = await office.call('consultation.get', { id: c.id });
    expect([there.continuity, there.continuityReason]).toEqual(['continuing', '紙の記録に相談歴あり（秘）']);

    await sync(office, pref);
    const row = await pref.db
      .selectFrom('activities')
      .selectAll()
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect([row.kind, row.date, row.participants, row.attendees, row.title]).toEqual([
      'council',
      '2025-10-20',
      12,
      '[]',
      '',
    ]);
    const cons = await pref.db
      .selectFrom('consultations')
      .select(['continuity_override', 'continuity_reason'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(cons).toEqual({ continuity_override: 'continuing', continuity_reason: null });
    pref.fx.setToday('2026-04-10'); // after the meeting: it has been held
    const report = await pref.call('report.build', { fiscalYear: 2025, tables: ['t14-activities'] });
    expect(report.tables[0]!.rows.find((r) => r.key === 'council')?.cells.slice(1, 3)).toEqual([1, 12]);
  });
});
