import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { consultationInput, type ConsultationInput } from '../../../shared/contract/consultations';
import { AppError } from '../../../shared/errors';
import type { Out } from './casefile-commands';
import { openCliSession } from './session-door';

/** `intake add --json FILE|-`: one consultation object or an array of them. */
export async function intakeAdd(argv: string[], out: Out): Promise<void> {
  const s = await openCliSession(argv, { json: 'string' });
  try {
    const src = s.values.json;
    if (typeof src !== 'string')
      throw new AppError('INVALID_INPUT', '--json FILE (or - for standard input) is required');
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(src === '-' ? 0 : src, 'utf8'));
    } catch (e) {
      throw new AppError('INVALID_INPUT', `Cannot read JSON from ${src}: ${(e as Error).message}`);
    }
    for (const item of Array.isArray(data) ? data : [data]) {
      const c = await s.call<{ id: string; serial: string }>('consultation.record', item);
      out(c.id);
    }
  } finally {
    await s.close();
  }
}

export async function intakeList(argv: string[], out: Out): Promise<void> {
  const s = await openCliSession(argv, { query: 'string', from: 'string', to: 'string', limit: 'string' });
  try {
    const v = s.values;
    const r = await s.call<{
      total: number;
      rows: { serial: string; receivedAt: string; personName: string | null; summary: string }[];
    }>('consultation.list', {
      ...(typeof v.query === 'string' ? { query: v.query } : {}),
      ...(typeof v.from === 'string' ? { from: v.from } : {}),
      ...(typeof v.to === 'string' ? { to: v.to } : {}),
      limit: typeof v.limit === 'string' ? Number(v.limit) : 500,
    });
    if (v.json) out(JSON.stringify(r, null, 2));
    else {
      for (const row of r.rows)
        out(
          `${row.serial}\t${row.receivedAt}\t${row.personName ?? '（匿名）'}\t${row.summary.replace(/\s+/g, ' ').slice(0, 40)}`,
        );
      out(`${r.rows.length} / ${r.total}`);
    }
  } finally {
    await s.close();
  }
}

export async function followupsDue(argv: string[], out: Out): Promise<void> {
  const s = await openCliSession(argv, { scope: 'string', today: 'string' });
  try {
    const v = s.values;
    const r = await s.call<Record<string, { dueDate: string; title: string; ownerName: string }[]>>(
      'followup.due',
      {
        scope: v.scope === 'all' ? 'all' : 'mine',
        ...(typeof v.today === 'string' ? { today: v.today } : {}),
      },
    );
    if (v.json) out(JSON.stringify(r, null, 2));
    else
      for (const [bucket, items] of Object.entries(r))
        for (const f of items) out(`${bucket}\t${f.dueDate}\t${f.ownerName}\t${f.title}`);
  } finally {
    await s.close();
  }
}

/** The JSON Schema of `intake add` input, generated from the contract (for spreadsheet importers). */
export async function intakeSchema(_argv: string[], out: Out): Promise<void> {
  out(JSON.stringify(z.toJSONSchema(consultationInput, { io: 'input', unrepresentable: 'any' }), null, 2));
}

export const INTAKE_EXAMPLE: ConsultationInput = {
  receivedAt: '2025-06-02T10:15',
  method: 'phone',
  kind: 'professional',
  durationMin: 20,
  consulter: 'self',
  person: {
    mode: 'new',
    data: {
      name: '山田 太郎',
      nameKana: 'ヤマダ タロウ',
      sex: 'male',
      birthDate: '1960-06-03',
      municipalityCode: '111007',
    },
  },
  patient: { diagnosisStatus: 'confirmed', diseases: [{ number: 2 }], recipientCert: 'held', devices: [] },
  categories: ['3.1', '1.2'],
  mainCategory: '3.1',
  summary: '特定医療費の更新手続きについて（架空の例）',
  responses: ['explanation_advice'],
  responseText: '必要書類と提出先を説明した。',
  outcome: 'closed',
};

export async function intakeExample(_argv: string[], out: Out): Promise<void> {
  out(JSON.stringify(INTAKE_EXAMPLE, null, 2));
}
