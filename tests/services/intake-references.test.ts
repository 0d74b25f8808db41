import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { serviceFixture } from '../fixtures/service-fixture';

/**
 * What a check digit cannot catch is refused at intake with a coded error and nothing saved: a
 * 指定難病 number not on the list, a municipality that did not exist on the consultation's day.
 * What looks wrong but may be right (a date after today, a birth after the call) saves with a
 * warning. The one lookup of 保健所 areas answers for the directory as for intake.
 */
let fx: Awaited<ReturnType<typeof serviceFixture>>;
let dispatcher: ReturnType<typeof createDispatcher>;
beforeAll(async () => {
  fx = await serviceFixture('2025-06-02');
  dispatcher = createDispatcher(fx.runtime, ALL_HANDLERS, { logInternal: () => {} });
  await dispatcher.dispatch('center.setPrefecture', { prefectureCode: '22' });
});
afterAll(() => fx.close());

const base = {
  receivedAt: '2025-06-02T10:00',
  method: 'phone',
  consulter: 'self',
} as const satisfies ChannelInput<'consultation.record'>;

async function record(input: Partial<ChannelInput<'consultation.record'>>) {
  return dispatcher.dispatch('consultation.record', {
    ...base,
    ...input,
  } as ChannelInput<'consultation.record'>);
}
async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await dispatcher.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
  return r.data as ChannelOutput<C>;
}
const recorded = (input: Partial<ChannelInput<'consultation.record'>>) =>
  call('consultation.record', { ...base, ...input } as ChannelInput<'consultation.record'>);
const count = async (table: 'consultations' | 'persons') =>
  (await fx.runtime.context().db.selectFrom(table).select('id').execute()).length;

describe('intake refuses what no list knows, and saves nothing', () => {
  it('a disease number outside the 指定難病 list (or of a list version not loaded)', async () => {
    const before = [await count('consultations'), await count('persons')];
    for (const diseases of [[{ number: 349 }], [{ number: 2, listVersion: '2019-01' }]]) {
      const r = await record({
        person: { mode: 'new', data: { name: '架空 病名' } },
        patient: { diseases },
      });
      expect(r.ok ? 'ok' : r.error.code).toBe('UNKNOWN_DISEASE');
    }
    expect([await count('consultations'), await count('persons')]).toEqual(before);
    // a disease outside the list is written as other-disease text instead
    const ok = await record({ patient: { diseaseOther: '指定難病以外の病名' } });
    expect(ok.ok).toBe(true);
  });

  it('a municipality code with a valid check digit that names no municipality', async () => {
    const before = [await count('consultations'), await count('persons')];
    // 11999 + check digit 7 (6+5+36+27+18 = 92, 92 mod 11 = 4, 11 − 4 = 7): well formed, no such town
    const r1 = await record({ patient: { municipalityCode: '119997' } });
    expect(r1.ok ? 'ok' : r1.error.code).toBe('UNKNOWN_MUNICIPALITY');
    const r2 = await record({
      person: { mode: 'new', data: { name: '架空 住所', municipalityCode: '119997' } },
    });
    expect(r2.ok ? 'ok' : r2.error.code).toBe('UNKNOWN_MUNICIPALITY');
    expect([await count('consultations'), await count('persons')]).toEqual(before);
  });

  it('浜松市: an old ward before 2024-01-01 only, a new ward from that day only', async () => {
    const at = (day: string, code: string) =>
      record({ receivedAt: `${day}T10:00`, patient: { municipalityCode: code } }).then((r) =>
        r.ok ? 'ok' : r.error.code,
      );
    expect(await at('2023-12-31', '221317')).toBe('ok'); // 中区, its last day
    expect(await at('2024-01-01', '221317')).toBe('UNKNOWN_MUNICIPALITY');
    expect(await at('2023-12-31', '221384')).toBe('UNKNOWN_MUNICIPALITY'); // 中央区, not yet
    expect(await at('2024-01-01', '221384')).toBe('ok');
  });
});

describe('warnings: saved, and said', () => {
  it('a consultation dated after today, and a birth date after the consultation', async () => {
    const r = await recorded({
      receivedAt: '2025-06-12T10:00',
      person: { mode: 'new', data: { name: '架空 未来', birthDate: '2025-07-01' } },
    });
    expect(r.warnings).toEqual([
      { code: 'RECEIVED_IN_FUTURE', field: 'receivedAt' },
      { code: 'BIRTH_AFTER_RECEIVED', field: 'birthDate' },
    ]);
    const saved = await call('consultation.get', { id: r.id });
    expect(saved.warnings).toEqual([]); // said when saving, not stored
    expect((await recorded({})).warnings).toEqual([]);
  });
});

describe('one lookup of the 保健所 area (intake, directory, report alike)', () => {
  it('a ward of 浜松市, new or old, is in the city’s 保健所; another prefecture is 県外', async () => {
    const hc = await call('institution.create', {
      type: 'health_center',
      name: '浜松市保健所',
      coveredMunicipalities: ['221309'],
    });
    for (const code of ['221384', '221392', '221406']) {
      const found = await call('institution.healthCenterFor', { municipalityCode: code });
      expect(found?.id, code).toBe(hc.id);
    }
    const old = await recorded({ receivedAt: '2023-06-01T10:00', patient: { municipalityCode: '221350' } });
    expect([old.patient.healthCenterId, old.patient.residence]).toEqual([hc.id, 'in_pref']);
    const tokyo = await recorded({ patient: { municipalityCode: '131041' } });
    expect([tokyo.patient.healthCenterId, tokyo.patient.residence]).toEqual([null, 'out_of_pref']);
    expect(await call('institution.healthCenterFor', { municipalityCode: '131041' })).toBeNull();
  });

  it('another prefecture’s 保健所 kept for letters is found, and its residents still count as 県外', async () => {
    const tokyo = await call('institution.create', {
      type: 'health_center',
      name: '新宿区保健所',
      coveredMunicipalities: ['131041'],
    });
    expect((await call('institution.healthCenterFor', { municipalityCode: '131041' }))?.id).toBe(tokyo.id);
    const c = await recorded({ receivedAt: '2025-06-01T10:00', patient: { municipalityCode: '131041' } });
    expect([c.patient.healthCenterId, c.patient.residence]).toEqual([tokyo.id, 'out_of_pref']);
    const r = await call('report.build', { fiscalYear: 2025, tables: ['t06-health-center'] });
    const rows = r.tables[0]!.rows;
    expect(rows.find((x) => x.key === tokyo.id)).toBeUndefined(); // no area of this prefecture: no row
    expect(rows.find((x) => x.key === 'out_of_pref')?.cells.slice(1)).toEqual([2, 2]); // this one and the one before
  });
});
