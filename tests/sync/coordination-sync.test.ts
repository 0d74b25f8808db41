import { readFileSync } from 'node:fs';
import { Decrypter } from 'age-encryption';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureIdentity } from '../../db/sync/identity';
import { STATISTICS_FIELDS } from '../../db/sync/sharing-profile';
import { consultationInput, exportTo, makeDevice, pair, sync, type Device } from './sync-helpers';

/** Free text planted in every field of a coordination request and its contacts. */
const SECRETS = {
  reasonNote: '依頼理由の秘密',
  needsNote: '医療的ケアの秘密',
  refusalNote: '断りの理由の秘密',
  contactNote: '連絡メモの秘密',
  endNote: '終了メモの秘密',
  name: '秘密 花子',
};

let center: Device;
let pref: Device;
let laptop: Device;
let requestId = '';
let referralId = '';
let plaintext = '';

beforeAll(async () => {
  [center, pref, laptop] = await Promise.all([
    makeDevice('みどり難病相談支援センター'),
    makeDevice('県難病対策担当'),
    makeDevice('みどり出張用ノート'),
  ]);
  await pref.call('sync.setMode', { mode: 'prefecture' });
  await pair(center, pref); // statistics, the prefecture's default
  await pair(center, laptop, { aSeesB: 'full', bSeesA: 'full' });
  const hospital = async (name: string) =>
    (
      await center.call('institution.create', {
        type: 'core_cooperating_hospital',
        name,
        municipalityCode: '112283',
        capabilities: ['respite_beds', 'ventilator_tppv'],
      })
    ).id;
  const [a, b] = [await hospital('甲病院'), await hospital('乙病院')];
  const c = await center.call(
    'consultation.record',
    consultationInput({ person: { mode: 'new', data: { name: SECRETS.name, municipalityCode: '112283' } } }),
  );
  const r = await center.call('coordination.open', {
    consultationId: c.id,
    kind: 'respite',
    reason: 'caregiver_illness',
    reasonNote: SECRETS.reasonNote,
    wantedFrom: '2025-06-10',
    needs: {
      ventilator: 'tppv',
      suction: 'frequent',
      gastrostomy: true,
      careLevel: 'high',
      note: SECRETS.needsNote,
    },
    urgency: 'urgent',
    consent: { method: 'written', date: '2025-06-02' },
  });
  requestId = r.id;
  await center.call('coordination.logContact', {
    requestId,
    institutionId: a,
    contactedAt: '2025-06-02T09:00',
    answer: 'refused',
    refusalReason: 'no_beds',
    refusalNote: SECRETS.refusalNote,
    note: SECRETS.contactNote,
  });
  await center.call('coordination.logContact', {
    requestId,
    institutionId: b,
    contactedAt: '2025-06-02T09:30',
    answer: 'pending',
    callBackAt: '2025-06-02T15:00',
  });
  await center.call('coordination.logContact', {
    requestId,
    institutionId: b,
    contactedAt: '2025-06-02T11:00',
    answer: 'accepted',
  });
  await center.call('coordination.end', {
    id: requestId,
    outcome: 'accepted',
    institutionId: b,
    acceptedFrom: '2025-06-10',
    acceptedTo: '2025-06-17',
    note: SECRETS.endNote,
  });
  // the T3 letter's referral, linked to the request
  referralId = (await center.call('referral.create', { coordinationRequestId: requestId })).id;
  const file = await exportTo(center, pref);
  const d = new Decrypter();
  d.addIdentity((await ensureIdentity(pref.ctx.db)).ageIdentity);
  plaintext = await d.decrypt(readFileSync(file), 'text');
}, 60_000);
afterAll(async () => {
  for (const d of [center, pref, laptop]) await d.close();
});

const opsIn = (text: string) =>
  text
    .trim()
    .split('\n')
    .slice(2)
    .map((l) => JSON.parse(l) as { entity: string; fields: Record<string, unknown>; prev: object });

describe('coordination in a statistics bundle (the prefecture)', () => {
  it('carries requests and contacts, with no free text, name or consent record', async () => {
    const all = (await center.db.selectFrom('op_log').select('fields').execute())
      .map((o) => o.fields)
      .join('\n');
    for (const secret of Object.values(SECRETS)) expect(all).toContain(secret); // a full bundle would
    for (const [what, secret] of Object.entries(SECRETS))
      expect(plaintext.includes(secret), `${what} leaked`).toBe(false);
    const ops = opsIn(plaintext);
    expect(ops.filter((o) => o.entity === 'coordination_request')).toHaveLength(2); // open, end
    expect(ops.filter((o) => o.entity === 'coordination_contact')).toHaveLength(3);
    for (const op of ops) {
      const allowed = STATISTICS_FIELDS[op.entity]!;
      for (const k of [...Object.keys(op.fields), ...Object.keys(op.prev)])
        expect(allowed.has(k), `${op.entity}.${k}`).toBe(true);
    }
    for (const op of ops.filter((o) => o.entity.startsWith('coordination_')))
      for (const k of Object.keys(op.fields)) expect(k).not.toMatch(/note|consent|call_back|follow_up/);
    // the referral made from the request goes as codes and dates, without the link: table 12
    // counts requests and table 5 referrals, and neither needs to know which came from which
    const referralOps = ops.filter((o) => o.entity === 'referral');
    expect(referralOps).toHaveLength(1);
    expect(referralOps[0]!.fields).toMatchObject({ template: 't3', state: 'requested' });
    expect(referralOps[0]!.fields).not.toHaveProperty('coordination_request_id');
    expect(referralOps[0]!.fields).not.toHaveProperty('purpose');
  });

  it('gives the prefecture the codes table 12 counts, and nothing to read', async () => {
    const r = await pref.call('sync.importBundle', { path: await exportTo(center, pref) });
    expect(r.parked).toBe(0);
    const row = await pref.db.selectFrom('coordination_requests').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      id: requestId,
      kind: 'respite',
      reason: 'caregiver_illness',
      urgency: 'urgent',
      ventilator: 'tppv',
      state: 'accepted',
      requested_on: '2025-06-02',
      ended_on: '2025-06-02',
      reason_note: null,
      needs_note: null,
      end_note: null,
      consent_method: null,
      consent_date: null,
    });
    expect(
      await pref.db
        .selectFrom('referrals')
        .select(['id', 'template', 'coordination_request_id', 'purpose'])
        .execute(),
    ).toEqual([{ id: referralId, template: 't3', coordination_request_id: null, purpose: null }]);
    const contacts = await pref.db
      .selectFrom('coordination_contacts')
      .select(['answer', 'refusal_reason', 'refusal_note', 'note', 'call_back_at', 'follow_up_id'])
      .orderBy('contacted_at')
      .execute();
    expect(contacts).toEqual([
      {
        answer: 'refused',
        refusal_reason: 'no_beds',
        refusal_note: null,
        note: null,
        call_back_at: null,
        follow_up_id: null,
      },
      {
        answer: 'pending',
        refusal_reason: null,
        refusal_note: null,
        note: null,
        call_back_at: null,
        follow_up_id: null,
      },
      {
        answer: 'accepted',
        refusal_reason: null,
        refusal_note: null,
        note: null,
        call_back_at: null,
        follow_up_id: null,
      },
    ]);
  });
});

describe('coordination between the center’s own devices (full)', () => {
  it('arrives whole: the same request, contacts and call-back follow-up on the laptop', async () => {
    const r = await sync(center, laptop);
    expect(r.parked).toBe(0);
    const rows = async (d: Device, table: string) =>
      (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} ORDER BY id`.execute(d.db)).rows;
    for (const table of ['coordination_requests', 'coordination_contacts', 'follow_ups', 'referrals'])
      expect(await rows(laptop, table), table).toEqual(await rows(center, table));
    // the link arrives: the request on the laptop finds its letter's referral
    expect(
      (await laptop.call('referral.list', { coordinationRequestId: requestId })).map((x) => x.id),
    ).toEqual([referralId]);
    const detail = await laptop.call('coordination.get', { id: requestId });
    expect(detail).toMatchObject({ state: 'accepted', reasonNote: SECRETS.reasonNote, mayContact: true });
    expect(detail.contacts.map((k) => k.followUpState)).toEqual([null, 'done', null]);
  });
});
