import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LetterDraft } from '../../shared/contract/letters';
import { errorCode } from '../fixtures/service-fixture';
import { letterFixture } from '../fixtures/letter-fixture';

type Fixture = Awaited<ReturnType<typeof letterFixture>>;
let f: Fixture;
/** the current session's database (logging in as someone else reopens the file) */
const db = () => f.runtime.context().db;

beforeAll(async () => {
  f = await letterFixture();
});
afterAll(async () => {
  await f.close();
});

/** Row counts of every table: a refused use case must leave all of them as they were. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%'`.execute(
    db(),
  );
  const out: Record<string, number> = {};
  for (const { name } of tables.rows) {
    // the audit log records reads too (drafts, previews); writes are what must not happen
    if (name === 'audit_log') continue;
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(name)}`.execute(db());
    out[name] = r.rows[0]!.n;
  }
  return out;
}

async function referralTo(institutionId: string, replyDueOn: string | null = '2025-06-16') {
  return f.call('referral.create', {
    consultationId: f.consultation.id,
    institutionId,
    purpose: 'レスパイト入院の調整',
    replyDueOn,
  });
}

async function consentFor(
  referralId: string,
  recipientIds: string[],
  dataItems?: string[],
  obtainedOn = '2025-06-02',
) {
  return f.call('consent.record', {
    personId: f.personId,
    referralId,
    recipientIds,
    dataItems: (dataItems ?? ['identity', 'disease', 'medical', 'living', 'consultation']) as never,
    method: 'verbal',
    obtainedOn,
  });
}

const draftOf = (referralId: string): Promise<LetterDraft> => f.call('letter.draft', { referralId });

describe('consent before a letter', () => {
  it('a letter cannot be issued without consent: coded error, nothing stored', async () => {
    const r = await referralTo(f.inst.healthCenter.id);
    const draft = await draftOf(r.id);
    const before = await rowCounts();
    expect(await errorCode(f.call('letter.issue', { referralId: r.id, draft }))).toBe('CONSENT_REQUIRED');
    expect(await rowCounts()).toEqual(before);
    // a consent for another recipient does not cover this one
    await consentFor(r.id, [f.inst.city.id]);
    const afterOther = await rowCounts();
    expect(await errorCode(f.call('letter.issue', { referralId: r.id, draft }))).toBe('CONSENT_REQUIRED');
    expect(await rowCounts()).toEqual(afterOther);
  });

  it('a consent that does not cover every kind of information the letter carries is refused', async () => {
    const r = await referralTo(f.inst.healthCenter.id);
    await consentFor(r.id, [f.inst.healthCenter.id], ['identity', 'disease']);
    const draft = await draftOf(r.id);
    const before = await rowCounts();
    expect(await errorCode(f.call('letter.issue', { referralId: r.id, draft }))).toBe('CONSENT_SCOPE');
    expect(await rowCounts()).toEqual(before);
    const preview = await f.call('letter.preview', { referralId: r.id, draft });
    expect(preview.consent.status).toBe('scope');
    expect(preview.consent.missingItems.sort()).toEqual(['consultation', 'living', 'medical']);
    // leaving those parts out fits the consent
    const narrow = { ...draft, dataItems: ['identity', 'disease'] as LetterDraft['dataItems'] };
    const issued = await f.call('letter.issue', { referralId: r.id, draft: narrow });
    expect(issued.dataItems).toEqual(['identity', 'disease']);
  });

  it('with consent the letter is issued, numbered, and registered with its consent', async () => {
    const r = await referralTo(f.inst.healthCenter.id);
    const consent = await consentFor(r.id, [f.inst.healthCenter.id]);
    const before = await rowCounts();
    const letter = await f.call('letter.issue', { referralId: r.id, draft: await draftOf(r.id) });
    expect(letter.consentId).toBe(consent.id);
    expect(letter.overrideReason).toBeNull();
    expect(letter.documentNumber).toMatch(/^み難相第R7-[A-Z]{2}-\d{4}号$/);
    expect(letter.consentLine).toBe(
      '本人の同意：口頭により取得（令和7年6月2日（2025年6月2日）、取得者 管理 花子）',
    );
    expect(letter.addressee).toBe('みどり県中央保健所 保健予防推進担当 保健 良子　様');
    const after = await rowCounts();
    expect(after.letters).toBe(before.letters! + 1);
    expect(after.letter_files).toBe(before.letter_files! + 1);
    expect(after.letter_counters).toBeGreaterThanOrEqual(1);
    const file = await db()
      .selectFrom('letter_files')
      .selectAll()
      .where('id', '=', letter.id)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(file.pdf_base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.html).toContain('緑川 花子');
    const ops = await db().selectFrom('op_log').select('entity').where('entity_id', '=', letter.id).execute();
    expect(ops.map((o) => o.entity).sort()).toEqual(['letter', 'letter_file']);
  });

  it('document numbers count up per fiscal year', async () => {
    const r = await referralTo(f.inst.city.id);
    // obtained in March: it covers a letter dated in the last fiscal year too
    await consentFor(
      r.id,
      [f.inst.city.id],
      ['identity', 'disease', 'living', 'certificates', 'consultation'],
      '2025-03-01',
    );
    const a = await f.call('letter.issue', { referralId: r.id, draft: await draftOf(r.id) });
    const b = await f.call('letter.issue', { referralId: r.id, draft: await draftOf(r.id) });
    const n = (s: string) => Number(/-(\d{4})号$/.exec(s)![1]);
    expect(n(b.documentNumber)).toBe(n(a.documentNumber) + 1);
    // a letter dated in the previous fiscal year starts that year's count
    const old = await f.call('letter.issue', {
      referralId: r.id,
      draft: { ...(await draftOf(r.id)), issuedOn: '2025-03-31' },
    });
    expect(old.documentNumber).toMatch(/^み難相第R6-[A-Z]{2}-0001号$/);
  });

  it('the emergency exception needs a written reason, is stored on the entry and audited', async () => {
    const r = await referralTo(f.inst.hospital.id);
    const draft = await draftOf(r.id);
    const before = await rowCounts();
    expect(
      await errorCode(f.call('letter.issue', { referralId: r.id, draft, override: { reason: '   ' } })),
    ).toBe('OVERRIDE_REASON_REQUIRED');
    expect(await rowCounts()).toEqual(before);
    const reason =
      '呼吸状態が急変し本人の意思確認ができないため、生命の保護を目的として入院調整先へ提供する。';
    const letter = await f.call('letter.issue', { referralId: r.id, draft, override: { reason } });
    expect(letter.consentId).toBeNull();
    expect(letter.overrideReason).toBe(reason);
    expect(letter.consentLine).toContain('生命・身体の保護のため緊急に提供');
    expect(letter.consentLine).toContain(reason);
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity_id', '=', letter.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['letter.issue', 'letter.override']);
    expect(JSON.parse(audit.find((a) => a.action === 'letter.issue')!.detail!)).toMatchObject({
      override: true,
    });
    // visible on the register and in the provision log
    const reg = await f.call('letter.register', { referralId: r.id });
    expect(reg.rows[0]).toMatchObject({ overrideReason: reason, consentId: null });
    const log = await f.call('letter.provisionLog', { personId: f.personId });
    expect(log.rows.find((x) => x.letterId === letter.id)).toMatchObject({ kind: 'letter', override: true });
  });

  it('withdrawal of consent blocks later letters; earlier ones stay on the register', async () => {
    const r = await referralTo(f.inst.helloWork.id);
    const consent = await consentFor(
      r.id,
      [f.inst.helloWork.id],
      ['identity', 'disease', 'employment', 'certificates'],
    );
    const first = await f.call('letter.issue', { referralId: r.id, draft: await draftOf(r.id) });
    const withdrawn = await f.call('consent.withdraw', {
      id: consent.id,
      withdrawnOn: '2025-06-02',
      note: '本人より電話で撤回',
    });
    expect(withdrawn.withdrawnOn).toBe('2025-06-02');
    const before = await rowCounts();
    expect(await errorCode(f.call('letter.issue', { referralId: r.id, draft: await draftOf(r.id) }))).toBe(
      'CONSENT_REQUIRED',
    );
    expect(await rowCounts()).toEqual(before);
    expect((await f.call('letter.register', { referralId: r.id })).rows.map((x) => x.id)).toEqual([first.id]);
    expect(await errorCode(f.call('consent.withdraw', { id: consent.id, withdrawnOn: '2025-06-02' }))).toBe(
      'CONFLICT',
    );
  });

  it('peer supporters and read-only staff may not issue letters or record consent', async () => {
    const r = await referralTo(f.inst.healthCenter.id);
    await consentFor(r.id, [f.inst.healthCenter.id]);
    const draft = await draftOf(r.id);
    await f.addStaff('peer', 'peer_supporter');
    await f.addStaff('viewer', 'read_only');
    for (const login of ['peer', 'viewer']) {
      await f.as(login);
      expect(await errorCode(f.call('letter.issue', { referralId: r.id, draft }))).toBe('FORBIDDEN');
      expect(
        await errorCode(
          f.call('consent.record', {
            personId: f.personId,
            recipientIds: [f.inst.healthCenter.id],
            dataItems: ['identity'],
            method: 'written',
            obtainedOn: '2025-06-02',
          }),
        ),
      ).toBe('FORBIDDEN');
      expect(await errorCode(f.call('referral.transition', { id: r.id, to: 'accepted' }))).toBe('FORBIDDEN');
    }
    await f.as('viewer');
    expect((await f.call('letter.register', {})).total).toBeGreaterThan(0); // read-only may read it
    await f.as('admin');
  });
});

describe('referral states', () => {
  it('依頼中 → 受理 → 完了; illegal moves are refused with a coded error and change nothing', async () => {
    const r = await referralTo(f.inst.healthCenter.id);
    expect(r.state).toBe('requested');
    expect(await errorCode(f.call('referral.transition', { id: r.id, to: 'completed' }))).toBe(
      'ILLEGAL_TRANSITION',
    );
    const accepted = await f.call('referral.transition', { id: r.id, to: 'accepted' });
    expect(accepted.state).toBe('accepted');
    expect(await errorCode(f.call('referral.transition', { id: r.id, to: 'declined' }))).toBe(
      'ILLEGAL_TRANSITION',
    );
    const done = await f.call('referral.transition', { id: r.id, to: 'completed' });
    expect(done.state).toBe('completed');
    const before = await rowCounts();
    for (const to of ['requested', 'accepted', 'declined', 'cancelled', 'completed'] as const) {
      expect(await errorCode(f.call('referral.transition', { id: r.id, to }))).toBe('ILLEGAL_TRANSITION');
    }
    expect(await rowCounts()).toEqual(before);
    // its reply follow-up was closed with it
    const fu = await db()
      .selectFrom('follow_ups')
      .select('state')
      .where('id', '=', done.followUpId!)
      .executeTakeFirstOrThrow();
    expect(fu.state).toBe('done');
  });

  it('辞退 → 完了, and 取消 cancels the reply follow-up; a closed referral takes no letter', async () => {
    const a = await referralTo(f.inst.city.id);
    expect((await f.call('referral.transition', { id: a.id, to: 'declined' })).state).toBe('declined');
    expect((await f.call('referral.transition', { id: a.id, to: 'completed' })).state).toBe('completed');
    const b = await referralTo(f.inst.city.id);
    const cancelled = await f.call('referral.transition', {
      id: b.id,
      to: 'cancelled',
      note: '本人の希望で取りやめ',
    });
    expect(cancelled).toMatchObject({ state: 'cancelled', stateNote: '本人の希望で取りやめ' });
    const fu = await db()
      .selectFrom('follow_ups')
      .select('state')
      .where('id', '=', b.followUpId!)
      .executeTakeFirstOrThrow();
    expect(fu.state).toBe('cancelled');
    await consentFor(
      b.id,
      [f.inst.city.id],
      ['identity', 'disease', 'living', 'certificates', 'consultation'],
    );
    expect(await errorCode(f.call('letter.issue', { referralId: b.id, draft: await draftOf(b.id) }))).toBe(
      'CONFLICT',
    );
  });

  it('the reply due date becomes a follow-up for the person', async () => {
    const r = await referralTo(f.inst.healthCenter.id, '2025-06-20');
    const fu = await db()
      .selectFrom('follow_ups')
      .selectAll()
      .where('id', '=', r.followUpId!)
      .executeTakeFirstOrThrow();
    expect(fu).toMatchObject({ due_date: '2025-06-20', person_id: f.personId, state: 'open' });
    expect(fu.title).toContain('みどり県中央保健所');
    const due = await f.call('followup.due', { scope: 'all', today: '2025-06-20' });
    expect(due.today.map((x) => x.id)).toContain(r.followUpId);
  });

  it('an anonymous consultation cannot be referred (PERSON_REQUIRED)', async () => {
    const c = await f.call('consultation.record', {
      receivedAt: '2025-06-01T09:00',
      method: 'phone',
      consulter: 'anonymous',
      categories: ['1.1'],
    });
    expect(
      await errorCode(f.call('referral.create', { consultationId: c.id, institutionId: f.inst.city.id })),
    ).toBe('PERSON_REQUIRED');
  });

  it('recording the T5 reply closes the referral and its follow-up; the center may be asked to follow up', async () => {
    const r = await referralTo(f.inst.hospital.id);
    const closed = await f.call('referral.recordReply', {
      id: r.id,
      receivedOn: '2025-06-10',
      decision: 'accepted',
      personInCharge: '地域連携室 連携 三郎',
      action: '6月下旬に2週間のレスパイト入院を受け入れ予定。',
      centerFollowUp: true,
    });
    expect(closed.state).toBe('completed');
    expect(closed.reply).toEqual({
      receivedOn: '2025-06-10',
      decision: 'accepted',
      personInCharge: '地域連携室 連携 三郎',
      action: '6月下旬に2週間のレスパイト入院を受け入れ予定。',
      centerFollowUp: true,
    });
    const replyFu = await db()
      .selectFrom('follow_ups')
      .select('state')
      .where('id', '=', r.followUpId!)
      .executeTakeFirstOrThrow();
    expect(replyFu.state).toBe('done');
    const next = await db()
      .selectFrom('follow_ups')
      .selectAll()
      .where('person_id', '=', f.personId)
      .where('title', 'like', '紹介先の返信を受けての継続支援%')
      .executeTakeFirstOrThrow();
    expect(next).toMatchObject({ state: 'open', due_date: '2025-06-17' });
    expect(
      await errorCode(
        f.call('referral.recordReply', {
          id: r.id,
          receivedOn: '2025-06-11',
          decision: 'declined',
          centerFollowUp: false,
        }),
      ),
    ).toBe('ILLEGAL_TRANSITION');
  });
});

describe('register, copies and the provision log', () => {
  it('a reprint is the stored PDF byte for byte; saving a PDF is an export; both are logged', async () => {
    const r = await referralTo(f.inst.healthCenter.id);
    await consentFor(r.id, [f.inst.healthCenter.id]);
    const letter = await f.call('letter.issue', { referralId: r.id, draft: await draftOf(r.id) });
    const stored = await db()
      .selectFrom('letter_files')
      .select('pdf_base64')
      .where('id', '=', letter.id)
      .executeTakeFirstOrThrow();
    const reprint = await f.call('letter.reprint', { id: letter.id });
    const exported = await f.call('letter.export', { id: letter.id });
    expect(reprint.base64).toBe(stored.pdf_base64);
    expect(exported.base64).toBe(stored.pdf_base64);
    expect(reprint.sha256).toBe(letter.pdfSha256);
    expect(exported.filename).not.toContain('緑川'); // file names name no one
    const reg = await f.call('letter.register', { referralId: r.id });
    expect(reg.rows[0]!.copies).toBe(2);
    const log = await f.call('letter.provisionLog', { personId: f.personId });
    const mine = log.rows.filter((x) => x.letterId === letter.id).map((x) => x.kind);
    expect(mine).toEqual(['letter', 'reprint', 'pdf_file']);
    expect(log.rows.find((x) => x.letterId === letter.id && x.kind === 'letter')).toMatchObject({
      recipient: 'みどり県中央保健所 保健予防推進担当 保健 良子　様',
      dataItems: ['identity', 'disease', 'medical', 'living', 'consultation'],
    });
  });

  it('the person timeline shows referrals and letters', async () => {
    const t = await f.call('person.timeline', { id: f.personId });
    const kinds = new Set(t.items.map((i) => i.kind));
    expect(kinds.has('referral')).toBe(true);
    expect(kinds.has('letter')).toBe(true);
  });
});
