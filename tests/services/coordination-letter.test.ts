import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoordinationRequestDto } from '../../shared/contract/coordination';
import { errorCode } from '../fixtures/service-fixture';
import {
  coordinationFixture,
  respiteInput,
  SHIKI,
  VERBAL_CONSENT,
  type CoordinationFx,
} from '../fixtures/coordination-fixture';

/**
 * The bridge from an accepted admission/respite request (受入決定) to its T3 letter: the referral
 * takes the request's consultation, person and hospital; the draft takes its purpose, medical
 * care, reason and dates; the letter still needs its own consent record (DOMAIN §5).
 */
let fx: CoordinationFx;
let consultationId = '';
let personId = '';
let other = { consultationId: '', personId: '' };
let h: { a: string; b: string; c: string; d: string };
let work = '';
const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'letters');

beforeAll(async () => {
  fx = await coordinationFixture();
  work = mkdtempSync(join(tmpdir(), 'yorisoi-t3-coordination-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  await fx.call('letter.letterhead.set', {
    centerName: 'しき難病相談支援センター',
    phone: '048-000-1234',
    fax: '048-000-1235',
    documentSymbol: 'し難相',
  });
  await fx.healthCenters();
  h = {
    a: (await fx.hospital('甲病院', 'こうびょういん', 'core_cooperating_hospital', SHIKI)).id,
    b: (await fx.hospital('乙病院', 'おつびょういん', 'hub_hospital', SHIKI)).id,
    // the one that accepts: a named person in its liaison office (様)
    c: (
      await fx.institution({
        type: 'nanbyo_cooperating_institution',
        name: '丙病院',
        nameKana: 'へいびょういん',
        municipalityCode: SHIKI,
        department: '地域医療連携室',
        contactPerson: '連携 太郎',
        honorific: 'sama',
        capabilities: ['respite_beds', 'ventilator_tppv', 'frequent_suction', 'gastrostomy'],
      })
    ).id,
    // no person named: the letter goes to the hospital (御中)
    d: (await fx.hospital('丁病院', 'ていびょういん', 'hub_hospital', SHIKI)).id,
  };
  ({ consultationId, personId } = await fx.patientConsultation());
  other = await fx.patientConsultation('架空 次郎');
}, 60_000);
afterAll(async () => {
  await fx.close();
  rmSync(work, { recursive: true, force: true });
});

const db = () => fx.runtime.context().db;

/** Row counts of every table but the audit log (reads are audited; writes must not happen). */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`
    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%'`.execute(
    db(),
  );
  const out: Record<string, number> = {};
  for (const { name } of tables.rows) {
    if (name === 'audit_log') continue;
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(name)}`.execute(db());
    out[name] = r.rows[0]!.n;
  }
  return out;
}

/** A request that went: 甲 refused, 乙 refused, then `accepting` said yes and it was ended so. */
async function acceptedRequest(
  extra: Parameters<typeof respiteInput>[1] = {},
  accepting = h.c,
  stay: { acceptedFrom: string; acceptedTo: string | null } = {
    acceptedFrom: '2025-06-21',
    acceptedTo: '2025-06-28',
  },
): Promise<CoordinationRequestDto> {
  const r = await fx.call(
    'coordination.open',
    respiteInput(consultationId, { consent: VERBAL_CONSENT, ...extra }),
  );
  const call = (institutionId: string, at: string, answer: 'accepted' | 'refused') =>
    fx.call('coordination.logContact', {
      requestId: r.id,
      institutionId,
      contactedAt: at,
      answer,
      ...(answer === 'refused' ? { refusalReason: 'no_beds' as const } : {}),
    });
  await call(h.a, '2025-06-02T09:00', 'refused');
  await call(h.b, '2025-06-02T09:20', 'refused');
  await call(accepting, '2025-06-02T09:40', 'accepted');
  return fx.call('coordination.end', { id: r.id, outcome: 'accepted', institutionId: accepting, ...stay });
}

const flat = (s: string) => s.replace(/\s+/g, '');

describe('a referral from a coordination request', () => {
  it('is refused while the request is open, withdrawn or failed: coded error, nothing written', async () => {
    const open = await fx.call(
      'coordination.open',
      respiteInput(consultationId, { consent: VERBAL_CONSENT }),
    );
    const before = await rowCounts();
    expect(await errorCode(fx.call('referral.create', { coordinationRequestId: open.id }))).toBe(
      'COORDINATION_NOT_ACCEPTED',
    );
    expect(await rowCounts()).toEqual(before);
    const withdrawn = await fx.call('coordination.end', { id: open.id, outcome: 'withdrawn' });
    const after = await rowCounts();
    expect(await errorCode(fx.call('referral.create', { coordinationRequestId: withdrawn.id }))).toBe(
      'COORDINATION_NOT_ACCEPTED',
    );
    expect(await rowCounts()).toEqual(after);
    expect(
      await errorCode(
        fx.call('referral.create', { coordinationRequestId: '0190a000-0000-7000-8000-00000000abcd' }),
      ),
    ).toBe('NOT_FOUND');
    // and neither a request nor a consultation and institution: refused at the door
    expect(await errorCode(fx.call('referral.create', { consultationId }))).toBe('INVALID_INPUT');
    expect(await rowCounts()).toEqual(after);
  });

  it('refuses another hospital, consultation or template than the request’s, writing nothing', async () => {
    const r = await acceptedRequest();
    const before = await rowCounts();
    const refused = async (input: Record<string, unknown>) =>
      errorCode(fx.call('referral.create', { coordinationRequestId: r.id, ...input }));
    expect(await refused({ institutionId: h.b })).toBe('REFERRAL_MISMATCH'); // 乙 refused
    expect(await refused({ consultationId: other.consultationId })).toBe('REFERRAL_MISMATCH');
    expect(await refused({ template: 't1' })).toBe('REFERRAL_MISMATCH');
    expect(await rowCounts()).toEqual(before);
    // naming the same ones is fine
    const ok = await fx.call('referral.create', {
      coordinationRequestId: r.id,
      consultationId,
      institutionId: h.c,
      template: 't3',
    });
    expect(ok.coordinationRequestId).toBe(r.id);
  });

  it('takes the request’s consultation, person, hospital and T3; one transaction with its op and audit', async () => {
    const r = await acceptedRequest();
    const before = await rowCounts();
    const ref = await fx.call('referral.create', { coordinationRequestId: r.id, replyDueOn: '2025-06-16' });
    expect(ref).toMatchObject({
      consultationId,
      personId,
      personName: '架空 一郎',
      institution: { id: h.c, name: '丙病院' },
      template: 't3',
      state: 'requested',
      coordinationRequestId: r.id,
      purpose: 'レスパイト（一時入院）の受入れ（受入決定：令和7年6月21日〜令和7年6月28日）',
      // the request's consent is shown next to the letter's, never as it
      coordinationConsent: {
        method: 'verbal',
        date: '2025-06-02',
        obtainedBy: fx.admin.actor.id,
        obtainedByName: fx.admin.actor.displayName,
      },
    });
    const after = await rowCounts();
    expect(after.referrals).toBe(before.referrals! + 1);
    expect(after.follow_ups).toBe(before.follow_ups! + 1); // the reply is due
    expect(after.consents).toBe(before.consents); // no consent is made for the letter
    const op = await db()
      .selectFrom('op_log')
      .select('fields')
      .where('entity', '=', 'referral')
      .where('entity_id', '=', ref.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(op.fields)).toMatchObject({ coordination_request_id: r.id, template: 't3' });
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity_id', '=', ref.id)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('referral.create');
    expect(JSON.parse(audit.detail!)).toMatchObject({ coordinationRequestId: r.id, institutionId: h.c });
    // the request finds its referral; a second live one is refused (open the first)
    expect((await fx.call('referral.list', { coordinationRequestId: r.id })).map((x) => x.id)).toEqual([
      ref.id,
    ]);
    const beforeSecond = await rowCounts();
    expect(await errorCode(fx.call('referral.create', { coordinationRequestId: r.id }))).toBe(
      'REFERRAL_EXISTS',
    );
    expect(await rowCounts()).toEqual(beforeSecond);
    // once that one is cancelled, a new one may be made
    await fx.call('referral.transition', { id: ref.id, to: 'cancelled' });
    const again = await fx.call('referral.create', { coordinationRequestId: r.id });
    expect(again.coordinationRequestId).toBe(r.id);
    // a referral made the usual way carries no link, and its op no link field
    const plain = await fx.call('referral.create', { consultationId, institutionId: h.a });
    expect(plain).toMatchObject({ coordinationRequestId: null, coordinationConsent: null });
    const plainOp = await db()
      .selectFrom('op_log')
      .select('fields')
      .where('entity_id', '=', plain.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(plainOp.fields)).not.toHaveProperty('coordination_request_id');
  });

  it('a withdrawn request consent is not offered', async () => {
    const r = await acceptedRequest();
    await fx.call('coordination.withdrawConsent', { id: r.id, withdrawnOn: '2025-06-02' });
    const ref = await fx.call('referral.create', { coordinationRequestId: r.id });
    expect(ref.coordinationConsent).toBeNull();
  });
});

describe('the T3 draft filled from the request', () => {
  it('respite: the purpose box, medical care, reason and the agreed stay in 和暦（西暦）', async () => {
    const r = await acceptedRequest({
      needs: {
        ventilator: 'tppv',
        suction: 'frequent',
        gastrostomy: true,
        careLevel: 'high',
        note: '夜間2時間ごとに吸引',
      },
    });
    const ref = await fx.call('referral.create', { coordinationRequestId: r.id });
    const d = await fx.call('letter.draft', { referralId: ref.id });
    expect(d.template).toBe('t3');
    expect(d.purposes).toEqual(['respite']);
    expect(d.purposeOther).toBe('');
    expect(d.addressee).toEqual({
      organisation: '丙病院',
      department: '地域医療連携室',
      person: '連携 太郎',
      honorific: 'sama',
    });
    expect(d.sections.treatment).toBe(
      [
        '人工呼吸器（TPPV・気管切開）',
        '吸引（頻回・夜間も）',
        '胃ろう・経管栄養：あり',
        '医療的ケアの程度：高度',
        'その他：夜間2時間ごとに吸引',
      ].join('\n'),
    );
    expect(d.sections.care).toBe('理由：介護者の休息\n妻の腰痛が悪化（架空）');
    expect(d.sections.timing).toBe(
      [
        '受入れの予定（受入決定）',
        '\u3000令和7年6月21日〜6月28日（2025年6月21日〜6月28日）',
        '当初の希望',
        '\u3000令和7年6月20日〜6月27日（2025年6月20日〜6月27日）',
      ].join('\n'),
    );
    // the consultation still fills what the request does not say
    expect(d.sections.symptoms).toBe('妻が介護疲れ。レスパイト入院を希望（架空）。');
    const audit = await db()
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'letter.draft')
      .where('entity_id', '=', ref.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toMatchObject({ coordinationRequestId: r.id });
  });

  it('diagnosis has its box; admission and transfer are written under the purpose; an open end says so', async () => {
    const diag = await acceptedRequest({ kind: 'diagnostic_visit', reason: 'diagnosis', reasonNote: null });
    const dd = await fx.call('letter.draft', {
      referralId: (await fx.call('referral.create', { coordinationRequestId: diag.id })).id,
    });
    expect(dd.purposes).toEqual(['diagnosis']);
    expect(dd.sections.care).toBe('理由：診断・検査のため');
    const adm = await acceptedRequest(
      {
        kind: 'admission',
        reason: 'worsening',
        wantedTo: null,
        needs: { ventilator: 'none', suction: 'none', gastrostomy: false, careLevel: 'low' },
      },
      h.d,
      { acceptedFrom: '2025-06-05', acceptedTo: null },
    );
    const ad = await fx.call('letter.draft', {
      referralId: (await fx.call('referral.create', { coordinationRequestId: adm.id })).id,
    });
    expect(ad.purposes).toEqual([]);
    expect(ad.purposeOther).toBe('入院の受入れ（調整により受入決定）');
    expect(ad.sections.treatment).toBe(
      ['人工呼吸器：なし', '吸引：なし', '胃ろう・経管栄養：なし', '医療的ケアの程度：軽度'].join('\n'),
    );
    expect(ad.sections.timing).toBe(
      [
        '受入れの予定（受入決定）',
        '\u3000令和7年6月5日（2025年6月5日）から（終わりは未定）',
        '当初の希望',
        '\u3000令和7年6月20日（2025年6月20日）から（終わりは未定）',
      ].join('\n'),
    );
    const tr = await acceptedRequest({ kind: 'transfer', reason: 'home_care_difficult' }, h.d);
    const td = await fx.call('letter.draft', {
      referralId: (await fx.call('referral.create', { coordinationRequestId: tr.id })).id,
    });
    expect(td.purposeOther).toBe('転院の受入れ（調整により受入決定）');
  });
});

describe('the T3 letter needs its own consent, then prints what the request said', () => {
  it('the request’s consent does not let the letter go; a consent record for the hospital does', async () => {
    const r = await acceptedRequest();
    const ref = await fx.call('referral.create', { coordinationRequestId: r.id });
    const draft = await fx.call('letter.draft', { referralId: ref.id });
    const preview = await fx.call('letter.preview', { referralId: ref.id, draft });
    expect(preview.consent.status).toBe('missing');
    const before = await rowCounts();
    expect(await errorCode(fx.call('letter.issue', { referralId: ref.id, draft }))).toBe('CONSENT_REQUIRED');
    expect(await rowCounts()).toEqual(before);

    // the consent panel starts from the request's consent; the counselor records it for this letter
    const c = ref.coordinationConsent!;
    await fx.call('consent.record', {
      personId,
      referralId: ref.id,
      recipientIds: [h.c],
      dataItems: ['identity', 'disease', 'medical', 'living'],
      method: c.method as 'verbal',
      obtainedOn: c.date,
      obtainedBy: c.obtainedBy,
    });
    const letter = await fx.call('letter.issue', { referralId: ref.id, draft });
    expect(letter).toMatchObject({
      template: 't3',
      institutionId: h.c,
      addressee: '丙病院 地域医療連携室 連携 太郎　様',
      consentLine: `本人の同意：口頭により取得（令和7年6月2日（2025年6月2日）、取得者 ${fx.admin.actor.displayName}）`,
    });
    expect((await fx.call('letter.register', { referralId: ref.id })).rows.map((x) => x.id)).toEqual([
      letter.id,
    ]);

    const file = await db()
      .selectFrom('letter_files')
      .select(['html', 'pdf_base64'])
      .where('id', '=', letter.id)
      .executeTakeFirstOrThrow();
    // the respite box is the one ticked
    expect(file.html).toContain('<span class="box on" aria-hidden="true"></span>一時入院（レスパイト）');
    expect(file.html).toContain('<span class="box" aria-hidden="true"></span>診断・精査');
    const pdf = join(work, 't3-from-coordination.pdf');
    writeFileSync(pdf, Buffer.from(file.pdf_base64, 'base64'));
    execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(ARTIFACTS, 't3-from-coordination')]);
    const t = flat(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    expect(t).toContain('医療機関への紹介・受診調整のご依頼');
    expect(t).toContain('一時入院（レスパイト）');
    // the addressee block (pdftotext may read the sender's block between its lines)
    expect(t).toContain('丙病院地域医療連携室');
    expect(t).toContain('連携太郎様');
    expect(t).not.toContain('御中');
    expect(t).toContain('受入れの予定（受入決定）令和7年6月21日〜6月28日（2025年6月21日〜6月28日）');
    expect(t).toContain('当初の希望令和7年6月20日〜6月27日（2025年6月20日〜6月27日）');
    expect(t).toContain('人工呼吸器（TPPV・気管切開）');
    expect(t).toContain('理由：介護者の休息');
    expect(t).toContain('架空一郎');
    expect(t).toContain('本人の同意：口頭により取得');
  });

  it('to a hospital with no named person the letter says 御中', async () => {
    const r = await acceptedRequest({}, h.d);
    const ref = await fx.call('referral.create', { coordinationRequestId: r.id });
    await fx.call('consent.record', {
      personId,
      referralId: ref.id,
      recipientIds: [h.d],
      dataItems: ['identity', 'disease', 'medical', 'living'],
      method: 'written',
      obtainedOn: '2025-06-02',
    });
    const letter = await fx.call('letter.issue', {
      referralId: ref.id,
      draft: await fx.call('letter.draft', { referralId: ref.id }),
    });
    expect(letter.addressee).toBe('丁病院\u3000御中');
    const pdf = await fx.call('letter.reprint', { id: letter.id });
    const path = join(work, 't3-onchu.pdf');
    writeFileSync(path, Buffer.from(pdf.base64, 'base64'));
    const t = flat(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }));
    expect(t).toContain('丁病院御中');
    expect(t).toContain('令和7年6月21日〜6月28日（2025年6月21日〜6月28日）');
    expect(t).toContain('一時入院（レスパイト）');
  });
});

describe('the person timeline', () => {
  it('lists the person’s coordination requests with kind, state and the accepted stay, and only theirs', async () => {
    const r = await acceptedRequest();
    const { items } = await fx.call('person.timeline', { id: personId });
    const requests = items.filter((i) => i.kind === 'coordination');
    const mine = requests.find((i) => i.id === r.id);
    expect(mine).toEqual({
      at: '2025-06-02',
      kind: 'coordination',
      id: r.id,
      title: '丙病院',
      detail: {
        kind: 'respite',
        state: 'accepted',
        urgency: 'soon',
        consultationId,
        acceptedFrom: '2025-06-21',
        acceptedTo: '2025-06-28',
      },
    });
    // every request of this person (the earlier tests made several), none of the other person's
    const all = await db().selectFrom('coordination_requests').select(['id', 'person_id']).execute();
    expect(requests.map((i) => i.id).sort()).toEqual(
      all
        .filter((q) => q.person_id === personId)
        .map((q) => q.id)
        .sort(),
    );
    expect(
      (await fx.call('person.timeline', { id: other.personId })).items.some((i) => i.kind === 'coordination'),
    ).toBe(false);
    // the referral made from it is on the timeline too
    const ref = await fx.call('referral.create', { coordinationRequestId: r.id });
    const again = await fx.call('person.timeline', { id: personId });
    expect(again.items.some((i) => i.kind === 'referral' && i.id === ref.id)).toBe(true);
  });
});
