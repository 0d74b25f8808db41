import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LetterDraft, LetterEntry } from '../../shared/contract/letters';
import { letterFixture } from '../fixtures/letter-fixture';

/**
 * One letter per template for a realistic case, printed by the real Chromium, read back with
 * pdftotext. Page images go to test-artifacts/letters/ to be looked at.
 */
type Fixture = Awaited<ReturnType<typeof letterFixture>>;
let f: Fixture;
let work: string;
const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'letters');

beforeAll(async () => {
  f = await letterFixture();
  work = mkdtempSync(join(tmpdir(), 'yorisoi-letter-pdf-'));
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await f.close();
  rmSync(work, { recursive: true, force: true });
});

const ALL_ITEMS = [
  'identity',
  'disease',
  'medical',
  'living',
  'consultation',
  'employment',
  'certificates',
] as const;

async function issue(
  institutionId: string,
  edit: (d: LetterDraft) => void,
  template?: LetterDraft['template'],
): Promise<{ letter: LetterEntry; text: string }> {
  const r = await f.call('referral.create', {
    consultationId: f.consultation.id,
    institutionId,
    purpose: '在宅療養の継続に向けたご支援をお願いいたします。',
    replyDueOn: '2025-06-16',
  });
  await f.call('consent.record', {
    personId: f.personId,
    referralId: r.id,
    recipientIds: [institutionId],
    dataItems: [...ALL_ITEMS],
    method: 'written',
    obtainedOn: '2025-05-30',
  });
  const draft = await f.call('letter.draft', { referralId: r.id, ...(template ? { template } : {}) });
  edit(draft);
  const letter = await f.call('letter.issue', { referralId: r.id, draft });
  const pdf = Buffer.from((await f.call('letter.reprint', { id: letter.id })).base64, 'base64');
  const name = `${draft.template}-${letter.template}`;
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  // for looking at: page images (no personal data: the case is fictitious)
  execFileSync('pdftoppm', ['-r', '60', '-png', file, join(ARTIFACTS, draft.template)]);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  return { letter, text };
}

/** pdftotext keeps the words but may put spaces between them: compare without spaces. */
const flat = (s: string) => s.replace(/\s+/g, '');

function expectCommon(text: string, letter: LetterEntry, honorificLine: string) {
  const t = flat(text);
  expect(t).toContain('緑川花子'); // name
  expect(t).toContain('みどりかわはなこ'); // furigana
  expect(t).toContain(flat(honorificLine)); // addressee with the right honorific
  expect(t).toContain('令和7年6月2日（2025年6月2日）'); // date of issue, 和暦 and 西暦
  expect(t).toContain(flat(letter.documentNumber));
  expect(t).toContain('取扱注意（個人情報）'); // footer
  expect(t).toContain('みどり県難病相談支援センター'); // sender
  expect(t).toContain('本人の同意：書面により取得（令和7年5月30日（2025年5月30日）'); // consent line
}

describe('letter templates as PDF', () => {
  it('T1 保健所: person, disease, history, consent line, 様 for the named nurse', async () => {
    const { letter, text } = await issue(f.inst.healthCenter.id, (d) => {
      d.purposes = ['respite', 'disaster_plan'];
      d.disease.hospital = 'みどり県立難病医療センター';
      d.disease.doctor = '神経 次郎';
    });
    expectCommon(text, letter, '保健 良子　様');
    const t = flat(text);
    expect(t).toContain('難病患者の支援に関する情報提供・支援依頼書');
    expect(t).toContain('筋萎縮性側索硬化症');
    expect(t).toContain('昭和43年3月15日（1968年3月15日）満57歳');
    expect(t).toContain('令和7年5月20日（2025年5月20日）'); // consultation history
    expect(t).toContain('本人の同意：書面により取得（令和7年5月30日（2025年5月30日）、取得者管理花子）');
    expect(t).toContain('受付・返信票'); // enclosed reply form
    expect(t).not.toContain('御中');
  });

  it('T2 ハローワーク: work-relevant information only', async () => {
    const { letter, text } = await issue(f.inst.helloWork.id, (d) => {
      d.purposes = ['job_consultation', 'joint_session'];
      d.sections.workDisease = '疲れやすく、長時間の立ち仕事は難しい。月1回の通院あり。';
      d.sections.wishes = '事務職、週20時間程度、自宅から30分以内';
      d.choices.disclosure = 'disclose';
      d.dataItems = ['identity', 'disease', 'employment', 'certificates'];
    });
    expectCommon(text, letter, '就労 一郎　様');
    const t = flat(text);
    expect(t).toContain('就労支援に関する連絡票');
    expect(t).toContain('筋萎縮性側索硬化症');
    expect(t).toContain('月1回の通院あり');
    expect(t).toContain('休職中'); // work status from the consultation
    expect(t).not.toContain('NPPV'); // medical details stay out of a work letter
    expect(t).not.toContain('相談の経過');
  });

  it('T3 医療機関: 先生 for the doctor, the 別紙様式11 order, and never a 診療情報提供書', async () => {
    const { letter, text } = await issue(f.inst.hospital.id, (d) => {
      d.purposes = ['respite'];
      d.sections.pastHistory = '特記なし（本人申告）';
      d.sections.timing = '6月下旬から2週間程度';
    });
    expectCommon(text, letter, '神経 次郎　先生');
    const t = flat(text);
    expect(t).toContain('医療機関への紹介・受診調整のご依頼');
    expect(t).toContain('筋萎縮性側索硬化症');
    expect(t).toContain('医師が作成する診療情報提供書ではありません');
    expect(t).not.toMatch(/^\s*診療情報提供書\s*$/m); // it never takes that title
    const order = [
      '紹介の目的',
      '氏名',
      '病名',
      '既往歴・家族歴',
      '症状の経過',
      '治療・医療処置',
      '介護の状況',
    ].map((w) => t.indexOf(w));
    expect(order.every((x) => x >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('T4 市町村: 御中 for the office, functional status and request', async () => {
    const { letter, text } = await issue(f.inst.city.id, (d) => {
      d.purposes = ['daily_equipment', 'evacuation_plan'];
      d.sections.servicesInUse = '訪問看護（週2回）、訪問介護（週3回）';
    });
    expectCommon(text, letter, '支援課　御中');
    expect(flat(text)).toContain('さいたま市浦和区役所');
    const t = flat(text);
    expect(t).toContain('支援に関する連絡票');
    expect(t).toContain('筋萎縮性側索硬化症');
    expect(t).toContain('障害者手帳：2級');
    expect(t).toContain('訪問看護（週2回）');
  });

  it('T5 受付・返信票 printed alone: the recipient’s blanks and the reference', async () => {
    const { letter, text } = await issue(
      f.inst.healthCenter.id,
      (d) => {
        d.referenceNumber = 'み難相第R7-0001号';
        d.title = '受付・返信票';
      },
      't5',
    );
    const t = flat(text);
    expect(t).toContain('受付・返信票');
    expect(t).toContain('緑川花子');
    expect(t).toContain('みどりかわはなこ');
    expect(t).toContain('昭和43年3月15日（1968年3月15日）生');
    expect(t).toContain('み難相第R7-0001号');
    expect(t).toContain('お受けしました（受理）');
    expect(t).toContain('引き続き当センターの支援を希望する');
    expect(t).toContain('みどり県難病相談支援センター');
    expect(t).toContain('取扱注意（個人情報）');
    expect(t).toContain('本人の同意：書面により取得（令和7年5月30日（2025年5月30日）');
    expect(t).toContain('令和7年6月2日（2025年6月2日）');
    expect(letter.template).toBe('t5');
  });

  it('the provision log prints as a PDF and is itself logged', async () => {
    const file = await f.call('letter.provisionLogPdf', { personId: f.personId });
    const path = join(work, 'provision.pdf');
    writeFileSync(path, Buffer.from(file.base64, 'base64'));
    execFileSync('pdftoppm', ['-r', '60', '-png', path, join(ARTIFACTS, 'provision-log')]);
    const t = flat(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }));
    expect(t).toContain('個人情報の提供記録');
    expect(t).toContain('緑川花子');
    expect(t).toContain('文書の発行（提供）');
    expect(t).toContain('神経次郎　先生'.replace('　', ''));
    expect(t).toContain('取扱注意（個人情報）');
    const log = await f.call('letter.provisionLog', { personId: f.personId });
    expect(log.rows.at(-1)).toMatchObject({ kind: 'provision_log', fileName: file.filename });
  });
});
