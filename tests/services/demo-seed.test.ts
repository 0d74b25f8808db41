import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inUseCase } from '../fixtures/in-use-case';
import { DEMO_INSTITUTIONS, seedDemoDirectory } from '../../electron/demo/demo-directory-events';
import { DEMO_COLLEAGUES } from '../../electron/demo/demo-staff';
import { generateConsultationInputs } from '../../electron/demo/generate-consultations';
import { seedDemo } from '../../electron/demo/seed-demo';
import { listConsultations } from '../../electron/services/consultations/list-consultations';
import { CHANNELS } from '../../shared/contract';
import { foldForSearch } from '../../shared/text/normalize';
import { serviceFixture } from '../fixtures/service-fixture';

type Fx = Awaited<ReturnType<typeof serviceFixture>>;

const SEED = 7;
const COUNT = 300;
const count = async (fx: Fx, t: 'consultations' | 'persons' | 'cases' | 'follow_ups') =>
  Number(
    (
      await fx.admin.db
        .selectFrom(t)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('seeding a demo case file', () => {
  let fx: Fx;
  let result: Awaited<ReturnType<typeof seedDemo>>;
  const progress: number[] = [];

  beforeAll(async () => {
    fx = await serviceFixture('2025-06-02');
    result = await seedDemo(fx.admin, {
      seed: SEED,
      consultations: COUNT,
      batchSize: 120,
      onProgress: (done) => progress.push(done),
    });
  }, 60_000);
  afterAll(() => fx.close());

  it('records every planned consultation and one person per planned person', async () => {
    // the plan seedDemo followed: one year up to "today", staff as in the file
    const staff = (
      await fx.admin.db
        .selectFrom('staff')
        .select(['id', 'profession'])
        .where('active', '=', 1)
        .orderBy('login')
        .execute()
    ).map((s) => ({ id: s.id, profession: s.profession ?? 'other' }));
    const plan = generateConsultationInputs({
      seed: SEED,
      count: COUNT,
      from: '2024-06-03',
      to: '2025-06-02',
      staff,
    });
    const planned = new Set(plan.map((p) => p.personKey).filter(Boolean)).size;
    expect(result).toMatchObject({ consultations: COUNT, persons: planned });
    expect(await count(fx, 'consultations')).toBe(COUNT);
    expect(await count(fx, 'persons')).toBe(planned);
    const anonymous = Number(
      (
        await fx.admin.db
          .selectFrom('consultations')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('person_id', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(anonymous).toBe(plan.filter((p) => !p.personKey).length);
    expect(progress.at(-1)).toBe(COUNT);
  });

  it('links a person’s later consultations to the person their first created', async () => {
    const rows = await fx.admin.db
      .selectFrom('consultations')
      .select((eb) => ['person_id', eb.fn.countAll().as('n')])
      .where('person_id', 'is not', null)
      .groupBy('person_id')
      .execute();
    expect(rows.some((r) => Number(r.n) > 1)).toBe(true);
  });

  it('opens cases for 継続, closes some, and completes most follow-ups due in the past', async () => {
    expect(await count(fx, 'cases')).toBeGreaterThan(0);
    const states = await fx.admin.db
      .selectFrom('cases')
      .select((eb) => ['state', eb.fn.countAll().as('n')])
      .groupBy('state')
      .execute();
    expect(states.find((s) => s.state === 'closed')).toBeTruthy();
    // every consultation whose outcome is 継続 (ongoing support) belongs to a case
    const continuing = await fx.admin.db
      .selectFrom('consultations')
      .select('id')
      .where('outcome', '=', 'continuing')
      .where('case_id', 'is', null)
      .execute();
    expect(continuing).toEqual([]);
    const open = await fx.admin.db
      .selectFrom('follow_ups')
      .select('id')
      .where('state', '=', 'open')
      .where('due_date', '<', '2025-05-01')
      .execute();
    expect(open.length).toBeLessThan((await count(fx, 'follow_ups')) / 4);
  });

  it('marks the file as demo and adds the fictitious colleagues', async () => {
    const meta = await fx.admin.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'demo')
      .executeTakeFirst();
    expect(meta?.value).toBe('1');
    const logins = (await fx.admin.db.selectFrom('staff').select('login').execute()).map((s) => s.login);
    for (const c of DEMO_COLLEAGUES) expect(logins).toContain(c.login);
    const notes = await fx.admin.db.selectFrom('persons').select('notes').distinct().execute();
    expect(notes.map((n) => n.notes)).toEqual(['架空の人物です（デモ用データ）。']);
  });

  it('adds a fictitious directory (hospitals by designation, with capabilities) and an event a month', async () => {
    expect(result.institutions).toBe(DEMO_INSTITUTIONS.length);
    const insts = await fx.admin.db.selectFrom('institutions').select(['name', 'type']).execute();
    expect(insts).toHaveLength(DEMO_INSTITUTIONS.length);
    for (const i of insts) expect(i.name).toContain('架空');
    expect(insts.map((i) => i.type)).toEqual(
      expect.arrayContaining(['health_center', 'hub_hospital', 'core_cooperating_hospital', 'hello_work']),
    );
    // a year of data ending 2025-06-02: one event in each month June 2024 … May 2025
    const events = await fx.admin.db.selectFrom('events').select(['date', 'kind']).orderBy('date').execute();
    expect(result.events).toBe(12);
    expect(events.map((e) => e.date.slice(0, 7))).toEqual([
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
    ]);
    expect(new Set(events.map((e) => e.kind)).size).toBe(6);
    // the directory is seeded once: over a directory that has entries it adds none
    expect(await inUseCase(fx.admin, 'demo.fill', (u) => seedDemoDirectory(u))).toBe(0);
  });

  it('finds consultations by a generated family name in kana', async () => {
    const person = await fx.admin.db
      .selectFrom('persons')
      .select(['id', 'name_kana'])
      .executeTakeFirstOrThrow();
    const family = person.name_kana!.split(' ')[0]!;
    const find = async (query: string) =>
      listConsultations(fx.admin, CHANNELS['consultation.list'].input.parse({ query }));
    for (const q of [family, foldForSearch(family)]) {
      const r = await find(q);
      expect(r.total).toBeGreaterThan(0);
      expect(r.rows.some((row) => row.personId === person.id)).toBe(true);
    }
  });
});
