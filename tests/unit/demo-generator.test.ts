import { describe, expect, it } from 'vitest';
import { SUMMARY_FRAGMENTS } from '../../electron/demo/fake-text';
import { generateConsultationInputs, type DemoPlanOptions } from '../../electron/demo/generate-consultations';
import { createRng } from '../../electron/demo/prng';
import { CHANNELS } from '../../shared/contract';
import { RECORDABLE_CONTENT_CATEGORIES } from '../../shared/vocab/content-categories';

const STAFF = [
  { id: '0190a000-0000-7000-8000-000000000001', profession: 'nanbyo_counselor' },
  { id: '0190a000-0000-7000-8000-000000000002', profession: 'peer_supporter' },
  { id: '0190a000-0000-7000-8000-000000000003', profession: 'public_health_nurse' },
];
const OPTS: DemoPlanOptions = { seed: 42, count: 1500, from: '2024-04-01', to: '2025-03-31', staff: STAFF };

describe('demo PRNG', () => {
  it('gives the same numbers for the same seed and different ones for another', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, (_, i) => createRng(seed).fork(i).next());
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    const r = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const x = r.int(3, 5);
      expect(x).toBeGreaterThanOrEqual(3);
      expect(x).toBeLessThanOrEqual(5);
    }
  });
});

describe('demo consultation generator', () => {
  const plan = generateConsultationInputs(OPTS);

  it('is deterministic: same seed, same plan; another seed, another plan', () => {
    expect(generateConsultationInputs(OPTS)).toEqual(plan);
    const other = generateConsultationInputs({ ...OPTS, seed: 43 });
    expect(other).toHaveLength(plan.length);
    expect(other).not.toEqual(plan);
  });

  it('produces the requested count, and every input passes the consultation.record contract', () => {
    expect(plan).toHaveLength(OPTS.count);
    const failures = plan
      .map((p) => CHANNELS['consultation.record'].input.safeParse(p.input))
      .filter((r) => !r.success);
    expect(failures).toEqual([]);
  });

  it('makes about 30% anonymous', () => {
    const share = plan.filter((p) => p.input.person?.mode === 'anonymous').length / plan.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
    for (const p of plan) expect(p.personKey === null).toBe(p.input.person?.mode === 'anonymous');
  });

  it('has persons who come back: first as new, later as existing', () => {
    const seen = new Set<string>();
    const perPerson = new Map<string, number>();
    for (const p of plan) {
      if (!p.personKey) continue;
      expect(p.input.person?.mode).toBe(seen.has(p.personKey) ? 'existing' : 'new');
      seen.add(p.personKey);
      perPerson.set(p.personKey, (perPerson.get(p.personKey) ?? 0) + 1);
    }
    const repeaters = [...perPerson.values()].filter((n) => n > 1).length;
    expect(repeaters).toBeGreaterThan(perPerson.size / 4);
    // the default: about one person per 2.5 identified consultations
    const identified = plan.filter((p) => p.personKey).length;
    expect(perPerson.size).toBe(Math.round(identified / 2.5));
  });

  it('honours personCount', () => {
    const few = generateConsultationInputs({ ...OPTS, count: 300, personCount: 40 });
    expect(new Set(few.map((p) => p.personKey).filter(Boolean)).size).toBe(40);
  });

  it('spreads received times over the period, in order, in office hours', () => {
    let last = '';
    for (const p of plan) {
      const at = p.input.receivedAt;
      expect(at >= last).toBe(true);
      last = at;
      expect(at.slice(0, 10) >= OPTS.from && at.slice(0, 10) <= OPTS.to).toBe(true);
      const hhmm = at.slice(11, 16);
      expect(hhmm >= '08:30' && hhmm <= '17:00').toBe(true);
    }
    const months = new Set(plan.map((p) => p.input.receivedAt.slice(0, 7)));
    expect(months.size).toBe(12);
  });

  it('gives 継続 consultations a case, some a follow-up 3–14 days later', () => {
    const withFollowUp = plan.filter((p) => p.input.followUp);
    expect(withFollowUp.length).toBeGreaterThan(20);
    for (const p of withFollowUp) {
      expect(p.input.outcome).toBe('continuing');
      const days =
        (Date.parse(p.input.followUp!.dueDate) - Date.parse(p.input.receivedAt.slice(0, 10))) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(3);
      expect(days).toBeLessThanOrEqual(14);
    }
    for (const p of plan) {
      // 新規/継続 is left to the app (the person's history); a 継続 outcome belongs to a case
      expect(p.input.continuity).toBeUndefined();
      if (p.input.outcome === 'continuing') expect(p.caseKey).not.toBeNull();
    }
  });

  it('weights categories and methods roughly like a real center', () => {
    const share = (f: (p: (typeof plan)[number]) => boolean) => plan.filter(f).length / plan.length;
    expect(share((p) => p.input.mainCategory!.startsWith('1'))).toBeGreaterThan(0.18);
    expect(share((p) => p.input.mainCategory!.startsWith('2'))).toBeGreaterThan(0.15);
    expect(share((p) => p.input.method === 'phone')).toBeGreaterThan(0.45);
    expect(
      share((p) => p.input.responses![0] === 'explanation_advice' || p.input.responses![0] === 'information'),
    ).toBeGreaterThan(0.35);
  });

  it('has summary sentences for every recordable category', () => {
    for (const c of RECORDABLE_CONTENT_CATEGORIES)
      expect(SUMMARY_FRAGMENTS[c.code]?.length).toBeGreaterThan(0);
  });
});
