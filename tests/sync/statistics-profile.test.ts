import { readFileSync } from 'node:fs';
import { Decrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureIdentity } from '../../db/sync/identity';
import { STATISTICS_FIELDS } from '../../db/sync/sharing-profile';
import { consultationInput, exportTo, makeDevice, pair, type Device } from './sync-helpers';

/** Personal data planted in every free-text and identity field a center fills in. */
const SECRETS = {
  name: '秘密 太郎',
  kana: 'ヒミツ タロウ',
  phone: '090-9999-8888',
  email: 'himitsu@example.jp',
  postal: '330-9999',
  address: '秘密市秘密町1-2-3',
  birthDate: '1960-06-03',
  personNotes: '個人メモの秘密',
  summary: '相談要約の秘密',
  responseText: '対応内容の秘密',
  consulterNote: '相談者メモの秘密',
  diseaseOther: 'その他疾患の秘密',
  referralNote: '紹介メモの秘密',
  followUpTitle: 'フォローの秘密',
  followUpNote: 'フォローメモの秘密',
  outcomeNote: '終結メモの秘密',
  contactPerson: '窓口担当の秘密',
  staffName: '職員氏名の秘密',
  eventTitle: '講演会題名の秘密',
  eventPlace: '会場の秘密',
  eventOrganiser: '共催者の秘密',
  eventNotes: '行事メモの秘密',
};

let center: Device;
let pref: Device;
let plaintext = '';

beforeAll(async () => {
  [center, pref] = await Promise.all([
    makeDevice('みどり難病相談支援センター'),
    makeDevice('県難病対策担当'),
  ]);
  await pref.call('sync.setMode', { mode: 'prefecture' });
  await pair(center, pref); // no profile given: the prefecture's card makes it `statistics`
  await center.call('staff.update', { id: center.ctx.actor.id, displayName: SECRETS.staffName });
  const c = await center.call(
    'consultation.record',
    consultationInput({
      person: {
        mode: 'new',
        data: {
          name: SECRETS.name,
          nameKana: SECRETS.kana,
          sex: 'male',
          birthDate: SECRETS.birthDate,
          municipalityCode: '111007',
          phone: SECRETS.phone,
          email: SECRETS.email,
          postalCode: SECRETS.postal,
          address: SECRETS.address,
          notes: SECRETS.personNotes,
        },
      },
      outcome: 'continuing', // ongoing support: opens a case
      summary: SECRETS.summary,
      responseText: SECRETS.responseText,
      consulterNote: SECRETS.consulterNote,
      referralNote: SECRETS.referralNote,
      patient: { diseaseOther: SECRETS.diseaseOther, diseases: [{ number: 2 }] },
    }),
  );
  await center.call('followup.create', {
    title: SECRETS.followUpTitle,
    dueDate: '2025-06-09',
    note: SECRETS.followUpNote,
    consultationId: c.id,
  });
  await center.call('case.close', {
    id: c.caseId!,
    outcome: 'closed' as never,
    outcomeNote: SECRETS.outcomeNote,
  });
  await center.call('institution.create', {
    type: 'health_center',
    name: '中央保健所',
    contactPerson: SECRETS.contactPerson,
    phone: SECRETS.phone,
  } as never);
  await center.call('event.create', {
    kind: 'lecture',
    title: SECRETS.eventTitle,
    date: '2025-06-10',
    place: SECRETS.eventPlace,
    organisers: [{ name: SECRETS.eventOrganiser }],
    participants: 40,
    notes: SECRETS.eventNotes,
  });
  const file = await exportTo(center, pref);
  const d = new Decrypter();
  d.addIdentity((await ensureIdentity(pref.ctx.db)).ageIdentity);
  plaintext = await d.decrypt(readFileSync(file), 'text');
});
afterAll(async () => {
  await center.close();
  await pref.close();
});

describe('a statistics bundle (the prefecture by default)', () => {
  it('is the default profile toward a prefecture', async () => {
    const status = await center.call('sync.status', {});
    expect(status.peers[0]).toMatchObject({ profile: 'statistics', role: 'prefecture' });
  });

  it('contains no name, furigana, contact data, address, birth date or free text', async () => {
    const ops = plaintext.trim().split('\n').slice(2);
    expect(ops.length).toBeGreaterThan(5);
    // every secret is in the center's op log: a full bundle would carry it
    const all = (await center.db.selectFrom('op_log').select('fields').execute())
      .map((o) => o.fields)
      .join('\n');
    for (const secret of Object.values(SECRETS)) expect(all).toContain(secret);
    for (const [what, secret] of Object.entries(SECRETS)) {
      expect(plaintext.includes(secret), `${what} leaked`).toBe(false);
    }
  });

  it('carries only allow-listed fields of each entity', () => {
    const ops = plaintext
      .trim()
      .split('\n')
      .slice(2)
      .map((l) => JSON.parse(l) as { entity: string; fields: object; prev: object });
    const entities = new Set(ops.map((o) => o.entity));
    expect(entities).toEqual(
      new Set(['staff', 'person', 'case', 'consultation', 'follow_up', 'institution', 'event']),
    );
    for (const op of ops) {
      const allowed = STATISTICS_FIELDS[op.entity]!;
      for (const k of [...Object.keys(op.fields), ...Object.keys(op.prev)])
        expect(allowed.has(k), `${op.entity}.${k}`).toBe(true);
    }
  });

  it('still gives the prefecture what statistics need: codes, age band, municipality, counts', async () => {
    const r = await pref.call('sync.importBundle', { path: await exportTo(center, pref) });
    expect(r.parked).toBe(0);
    const p = await pref.db.selectFrom('persons').selectAll().executeTakeFirstOrThrow();
    expect(p).toMatchObject({
      name: null,
      name_kana: null,
      phone: null,
      address: null,
      birth_date: null,
      sex: 'male',
      municipality_code: '111007',
    });
    expect(p.age_band).not.toBeNull();
    const c = await pref.db.selectFrom('consultations').selectAll().executeTakeFirstOrThrow();
    expect(c).toMatchObject({
      summary: '',
      response_text: '',
      consulter_note: null,
      method: 'phone',
      age: null,
    });
    expect(await pref.db.selectFrom('consultation_diseases').select('number').execute()).toEqual([
      { number: 2 },
    ]);
    // an event arrives with its kind, date and head count only, and the prefecture can list it
    const [event] = await pref.call('event.list', {});
    expect(event).toMatchObject({ kind: 'lecture', date: '2025-06-10', participants: 40, place: null });
    const summary = await pref.call('sync.centerSummary', {});
    expect(summary.rows).toEqual([
      expect.objectContaining({
        centerName: 'みどり難病相談支援センター',
        fiscalYear: 2025,
        consultations: 1,
        persons: 1,
      }),
    ]);
  });
});
