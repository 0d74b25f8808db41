import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ASAKA,
  CHIYODA,
  coordinationFixture,
  KAWAGOE,
  NIIZA,
  OMIYA,
  respiteInput,
  SHIKI,
  VERBAL_CONSENT,
  WAKO,
  type CoordinationFx,
} from '../fixtures/coordination-fixture';

/**
 * A directory of hospitals around a patient in 志木市 (朝霞保健所 area), for a respite request
 * with TPPV, frequent suction and a gastrostomy (4 needs: respite beds, TPPV, frequent suction,
 * gastrostomy). The order is worked out by hand from candidate-order.ts:
 *
 *  id   designation (respite rank)   where                     needs missing     nearness
 *  H1   基幹協力 (0)                  志木市                     0                 municipality
 *  H2   一般協力 (3)                  志木市                     0                 municipality
 *  H3   拠点 (2)                      朝霞市                     0                 health_center
 *  H4   基幹協力 (0)                  和光市, capabilities typed as free tags (レスパイト, TPPV, 頻回吸引, 胃ろう)
 *                                                              0                 health_center
 *  H5   難病医療協力 (1)              川越市                     0                 prefecture
 *  H6   基幹協力 (0)                  さいたま市大宮区           0                 prefecture
 *  H7   基幹協力 (0)                  (not recorded)             0                 unknown
 *  H8   基幹協力 (0)                  東京都千代田区             0                 other_prefecture
 *  H9   難病医療協力 (1)              新座市                     1 (gastrostomy)   health_center
 *  H10  拠点 (2)                      志木市, NPPV + occasional suction only
 *                                                              2 (TPPV, frequent suction)  municipality
 *  H11  基幹協力 (0)                  志木市                     0, but refused this request
 *  excluded: an inactive hospital, the 保健所, a ハローワーク.
 */
let fx: CoordinationFx;
const H: Record<string, string> = {};
let requestId = '';

beforeAll(async () => {
  fx = await coordinationFixture();
  await fx.healthCenters();
  const add = async (key: string, ...args: Parameters<CoordinationFx['hospital']>) => {
    H[key] = (await fx.hospital(...args)).id;
  };
  await add('H1', '志木基幹病院', 'しききかんびょういん', 'core_cooperating_hospital', SHIKI);
  await add('H2', '志木一般病院', 'しきいっぱんびょういん', 'general_cooperating_institution', SHIKI);
  await add('H3', '朝霞拠点病院', 'あさかきょてんびょういん', 'hub_hospital', ASAKA);
  await add('H4', '和光基幹病院', 'わこうきかんびょういん', 'core_cooperating_hospital', WAKO, [
    'レスパイト',
    'TPPV',
    '頻回吸引',
    '胃ろう',
  ]);
  await add(
    'H5',
    '川越協力病院',
    'かわごえきょうりょくびょういん',
    'nanbyo_cooperating_institution',
    KAWAGOE,
  );
  await add('H6', '大宮基幹病院', 'おおみやきかんびょういん', 'core_cooperating_hospital', OMIYA);
  await add('H7', '所在地未登録病院', 'しょざいちみとうろくびょういん', 'core_cooperating_hospital', null);
  await add('H8', '千代田基幹病院', 'ちよだきかんびょういん', 'core_cooperating_hospital', CHIYODA);
  await add('H9', '新座協力病院', 'にいざきょうりょくびょういん', 'nanbyo_cooperating_institution', NIIZA, [
    'respite_beds',
    'ventilator_tppv',
    'frequent_suction',
  ]);
  await add('H10', '志木拠点病院', 'しききょてんびょういん', 'hub_hospital', SHIKI, [
    'respite_beds',
    'ventilator_nppv',
    'suction',
    'gastrostomy',
  ]);
  await add('H11', '志木第二基幹病院', 'しきだいにきかんびょういん', 'core_cooperating_hospital', SHIKI);
  const closed = await fx.hospital('閉院病院', 'へいいんびょういん', 'core_cooperating_hospital', SHIKI);
  await fx.call('institution.setActive', { id: closed.id, active: false });
  await fx.institution({ type: 'hello_work', name: 'ハローワーク朝霞', municipalityCode: ASAKA });

  const { consultationId } = await fx.patientConsultation();
  const r = await fx.call('coordination.open', respiteInput(consultationId, { consent: VERBAL_CONSENT }));
  requestId = r.id;
  await fx.call('coordination.logContact', {
    requestId,
    institutionId: H.H11!,
    contactedAt: '2025-06-02T10:00',
    answer: 'refused',
    refusalReason: 'no_beds',
  });
}, 60_000);
afterAll(() => fx.close());

const names = (list: { institutionId: string }[]) =>
  list.map((c) => Object.keys(H).find((k) => H[k] === c.institutionId) ?? c.institutionId);

describe('candidate hospitals', () => {
  it('moderate care: refused last, then fewest needs missing, then nearness, then designation', async () => {
    const list = await fx.call('coordination.candidates', { id: requestId });
    expect(names(list)).toEqual(['H1', 'H2', 'H4', 'H3', 'H6', 'H5', 'H7', 'H8', 'H9', 'H10', 'H11']);
    const byKey = (k: string) => list.find((c) => c.institutionId === H[k])!;
    expect(byKey('H4')).toMatchObject({
      nearness: 'health_center',
      covered: ['respite_beds', 'ventilator_tppv', 'frequent_suction', 'gastrostomy'],
      missing: [],
      lastAnswer: null,
    });
    expect(byKey('H6').nearness).toBe('prefecture');
    expect(byKey('H7').nearness).toBe('unknown');
    expect(byKey('H8').nearness).toBe('other_prefecture');
    expect(byKey('H9').missing).toEqual(['gastrostomy']);
    expect(byKey('H10').missing).toEqual(['ventilator_tppv', 'frequent_suction']);
    expect(byKey('H11')).toMatchObject({ lastAnswer: 'refused', lastContactAt: '2025-06-02T10:00' });
  });

  it('高度 care: designation before nearness (第7条(2)・第8条(1))', async () => {
    const r = await fx.call('coordination.get', { id: requestId });
    await fx.call('coordination.update', {
      id: requestId,
      expectedVersion: r.version,
      changes: { ...respiteInput(r.consultationId), needs: { ...respiteInput('').needs, careLevel: 'high' } },
    });
    const list = await fx.call('coordination.candidates', { id: requestId });
    expect(names(list)).toEqual(['H1', 'H4', 'H6', 'H7', 'H8', 'H5', 'H3', 'H2', 'H9', 'H10', 'H11']);
    const back = await fx.call('coordination.get', { id: requestId });
    await fx.call('coordination.update', {
      id: requestId,
      expectedVersion: back.version,
      changes: respiteInput(r.consultationId),
    });
  });

  it('narrowed to the 保健所 area or the municipality', async () => {
    const hc = await fx.call('coordination.candidates', { id: requestId, within: 'health_center' });
    expect(names(hc)).toEqual(['H1', 'H2', 'H4', 'H3', 'H9', 'H10', 'H11']);
    const town = await fx.call('coordination.candidates', { id: requestId, within: 'municipality' });
    expect(names(town)).toEqual(['H1', 'H2', 'H10', 'H11']);
    const pref = await fx.call('coordination.candidates', { id: requestId, within: 'prefecture' });
    expect(names(pref)).toEqual(['H1', 'H2', 'H4', 'H3', 'H6', 'H5', 'H9', 'H10', 'H11']);
  });

  it('a refusal followed by a new answer no longer sinks the hospital; the same input gives the same list', async () => {
    await fx.call('coordination.logContact', {
      requestId,
      institutionId: H.H11!,
      contactedAt: '2025-06-02T11:00',
      answer: 'pending',
      callBackAt: '2025-06-03T10:00',
    });
    const a = await fx.call('coordination.candidates', { id: requestId });
    const b = await fx.call('coordination.candidates', { id: requestId });
    expect(a).toEqual(b);
    // H11 (基幹協力, 志木市, all needs) now ranks by its merits: with H1, before H2 by reading
    expect(names(a).slice(0, 3)).toEqual(['H1', 'H11', 'H2']);
    expect(a.find((c) => c.institutionId === H.H11)!.lastAnswer).toBe('pending');
  });

  it('an unknown request is NOT_FOUND', async () => {
    await expect(
      fx.call('coordination.candidates', { id: '01900000-0000-7000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
