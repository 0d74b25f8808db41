import { readFileSync } from 'node:fs';
import { Decrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureIdentity } from '../../db/sync/identity';
import { STATISTICS_FIELDS } from '../../db/sync/sharing-profile';
import { seedLetterCase } from '../fixtures/letter-fixture';
import { exportTo, makeDevice, pair, sync, type Device } from './sync-helpers';

/**
 * Referrals, consents and the letter register travel to the center's other devices whole (the
 * same PDF, byte for byte); to the prefecture (`statistics`) only a referral's codes and dates go,
 * and nothing of a letter, its file, an export or a consent.
 */
const SECRETS = {
  purpose: '紹介目的の秘密メモ',
  consentNote: '同意メモの秘密',
  override: '緊急提供理由の秘密',
  replyPerson: '返信担当者の秘密',
  replyAction: '返信対応内容の秘密',
  name: '緑川 花子',
  kana: 'みどりかわ はなこ',
};

let office: Device;
let laptop: Device;
let pref: Device;
let letterId = '';
let overrideLetterId = '';
let statisticsPlaintext = '';

beforeAll(async () => {
  [office, laptop, pref] = await Promise.all([
    makeDevice('みどりセンター'),
    makeDevice('みどりセンター（出張用PC）'),
    makeDevice('県難病対策担当'),
  ]);
  await pref.call('sync.setMode', { mode: 'prefecture' });
  await pair(office, laptop, { aSeesB: 'full', bSeesA: 'full' });
  await pair(office, pref);
  const c = await seedLetterCase(office.call);
  const r = await office.call('referral.create', {
    consultationId: c.consultation.id,
    institutionId: c.inst.healthCenter.id,
    purpose: SECRETS.purpose,
    replyDueOn: '2025-06-16',
  });
  await office.call('consent.record', {
    personId: c.personId,
    referralId: r.id,
    recipientIds: [c.inst.healthCenter.id],
    dataItems: ['identity', 'disease', 'medical', 'living', 'consultation'],
    method: 'written',
    obtainedOn: '2025-06-01',
    note: SECRETS.consentNote,
  });
  const draft = await office.call('letter.draft', { referralId: r.id });
  letterId = (await office.call('letter.issue', { referralId: r.id, draft })).id;
  await office.call('letter.export', { id: letterId });
  const r2 = await office.call('referral.create', {
    consultationId: c.consultation.id,
    institutionId: c.inst.hospital.id,
  });
  overrideLetterId = (
    await office.call('letter.issue', {
      referralId: r2.id,
      draft: await office.call('letter.draft', { referralId: r2.id }),
      override: { reason: SECRETS.override },
    })
  ).id;
  await office.call('referral.recordReply', {
    id: r.id,
    receivedOn: '2025-06-02',
    decision: 'accepted',
    personInCharge: SECRETS.replyPerson,
    action: SECRETS.replyAction,
    centerFollowUp: false,
  });
  const file = await exportTo(office, pref);
  const d = new Decrypter();
  d.addIdentity((await ensureIdentity(pref.ctx.db)).ageIdentity);
  statisticsPlaintext = await d.decrypt(readFileSync(file), 'text');
}, 240_000);
afterAll(async () => {
  await Promise.all([office.close(), laptop.close(), pref.close()]);
});

describe('letters between the center’s own devices (full)', () => {
  it('the laptop gets the register, the documents, the consents and the referral state', async () => {
    await sync(office, laptop);
    const reg = await laptop.call('letter.register', {});
    expect(reg.rows.map((x) => x.id).sort()).toEqual([letterId, overrideLetterId].sort());
    const here = await office.db
      .selectFrom('letter_files')
      .selectAll()
      .where('id', '=', letterId)
      .executeTakeFirstOrThrow();
    const there = await laptop.db
      .selectFrom('letter_files')
      .selectAll()
      .where('id', '=', letterId)
      .executeTakeFirstOrThrow();
    expect(there.pdf_base64).toBe(here.pdf_base64);
    expect(there.html).toBe(here.html);
    const reprint = await laptop.call('letter.reprint', { id: letterId });
    expect(reprint.sha256).toBe(reg.rows.find((x) => x.id === letterId)!.pdfSha256);
    const consents = await laptop.db.selectFrom('consents').select(['note', 'method']).execute();
    expect(consents).toEqual([{ note: SECRETS.consentNote, method: 'written' }]);
    const refs = await laptop.db
      .selectFrom('referrals')
      .select(['state', 'reply_action'])
      .orderBy('id')
      .execute();
    expect(refs.map((x) => x.state).sort()).toEqual(['completed', 'requested']);
    expect(reg.rows.find((x) => x.id === overrideLetterId)!.overrideReason).toBe(SECRETS.override);
    // the export made on the office PC is in the laptop's provision log too
    const personId = reg.rows[0]!.personId;
    const log = await laptop.call('letter.provisionLog', { personId });
    expect(log.rows.map((x) => x.kind).sort()).toEqual(['letter', 'letter', 'pdf_file', 'reprint'].sort());
  });
});

describe('a statistics bundle (the prefecture)', () => {
  const ops = () =>
    statisticsPlaintext
      .trim()
      .split('\n')
      .slice(2)
      .map((l) => JSON.parse(l) as { entity: string; fields: Record<string, unknown> });

  it('carries no letter HTML or PDF, no names, no free text of referrals, consents or replies', async () => {
    const all = (await office.db.selectFrom('op_log').select('fields').execute())
      .map((o) => o.fields)
      .join('\n');
    for (const secret of Object.values(SECRETS)) expect(all).toContain(secret); // a full bundle would
    for (const [what, secret] of Object.entries(SECRETS)) {
      expect(statisticsPlaintext.includes(secret), `${what} leaked`).toBe(false);
    }
    expect(statisticsPlaintext).not.toContain('JVBERi0'); // base64 of "%PDF-"
    expect(statisticsPlaintext).not.toContain('<!doctype html');
    expect(statisticsPlaintext).not.toContain('取扱注意');
  });

  it('letters, their files, exports and consents travel as empty ops; referrals as codes and dates', () => {
    const list = ops();
    for (const entity of ['letter', 'letter_file', 'letter_export', 'consent']) {
      const mine = list.filter((o) => o.entity === entity);
      expect(mine.length, entity).toBeGreaterThan(0);
      for (const o of mine) expect(o.fields, entity).toEqual({});
    }
    const refs = list.filter((o) => o.entity === 'referral');
    expect(refs.length).toBeGreaterThan(0);
    for (const o of refs) {
      for (const k of Object.keys(o.fields)) expect(STATISTICS_FIELDS.referral!.has(k), k).toBe(true);
      expect(o.fields).not.toHaveProperty('purpose');
      expect(o.fields).not.toHaveProperty('reply_person');
      expect(o.fields).not.toHaveProperty('reply_action');
    }
  });
});
