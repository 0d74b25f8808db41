import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/services/context';
import { directoryHandlers } from '../../electron/services/directory/handlers';
import { CHANNELS, type ChannelInput, type ChannelOutput } from '../../shared/contract';
import type { InstitutionInput } from '../../shared/contract/directory';
import { inUseCase } from '../fixtures/in-use-case';
import { errorCode, serviceFixture } from '../fixtures/service-fixture';

type DirectoryChannel = keyof typeof directoryHandlers;

/** Parses the input with the channel's schema, runs the handler, checks the output the same way. */
async function call<C extends DirectoryChannel>(
  ctx: ServiceContext,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const def = CHANNELS[channel];
  const handler = directoryHandlers[channel] as (c: ServiceContext, i: unknown) => Promise<unknown>;
  const parsed = def.input.parse(input);
  return def.output.parse(await inUseCase(ctx, channel, (u) => handler(u, parsed))) as ChannelOutput<C>;
}

async function count(ctx: ServiceContext, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(ctx.db);
  return Number(r.rows[0]!.n);
}

/** Rows of institutions, op_log and audit_log: proves "nothing written". */
async function written(ctx: ServiceContext) {
  return {
    institutions: await count(ctx, 'institutions'),
    ops: await count(ctx, 'op_log'),
    audit: await count(ctx, 'audit_log'),
  };
}

async function lastOp(ctx: ServiceContext) {
  const op = await ctx.db
    .selectFrom('op_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { ...op, fields: JSON.parse(op.fields) as Record<string, unknown> };
}

async function lastAudit(ctx: ServiceContext) {
  return ctx.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
}

const SAITAMA_CITY = '111007';
const URAWA_WARD = '111074'; // さいたま市 浦和区
const KAWAGOE = '112011';
const ASAKA_AREA = ['112275', '112283', '112291', '112305', '112356', '112453', '113247'];

const saitamaCityHc: InstitutionInput = {
  type: 'health_center',
  name: 'さいたま市保健所',
  nameKana: 'サイタマシホケンジョ',
  department: '疾病予防対策課',
  coveredMunicipalities: [SAITAMA_CITY],
};
const asakaHc: InstitutionInput = {
  type: 'health_center',
  name: '埼玉県朝霞保健所',
  nameKana: 'さいたまけんあさかほけんじょ',
  coveredMunicipalities: ASAKA_AREA,
};
const hubHospital: InstitutionInput = {
  type: 'hub_hospital',
  name: '埼玉医科大学病院',
  nameKana: 'ｻｲﾀﾏｲｶﾀﾞｲｶﾞｸﾋﾞｮｳｲﾝ',
  honorific: 'sensei',
  capabilities: ['respite', ' ventilator ', 'respite', ''],
};

describe('institution directory', () => {
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  beforeEach(async () => {
    fx = await serviceFixture();
  });
  afterEach(async () => {
    await fx.close();
  });

  it('creates an institution with its row, op and audit entry in one go', async () => {
    const ctx = fx.admin;
    const before = await written(ctx);
    const hc = await call(ctx, 'institution.create', {
      ...saitamaCityHc,
      coveredMunicipalities: ['111007', '111007'],
    });
    expect(hc).toMatchObject({
      type: 'health_center',
      name: 'さいたま市保健所',
      honorific: 'onchu',
      coveredMunicipalities: [SAITAMA_CITY],
      capabilities: [],
      address: null,
      active: true,
      version: 1,
    });
    expect(await written(ctx)).toEqual({
      institutions: before.institutions + 1,
      ops: before.ops + 1,
      audit: before.audit + 1,
    });
    const op = await lastOp(ctx);
    expect(op).toMatchObject({ entity: 'institution', entity_id: hc.id, staff_id: ctx.actor.id });
    expect(op.fields).toMatchObject({
      name: 'さいたま市保健所',
      covered_municipalities: '["111007"]',
      active: 1,
    });
    expect(await lastAudit(ctx)).toMatchObject({
      action: 'institution.create',
      entity_id: hc.id,
      login: 'admin',
    });

    const hosp = await call(ctx, 'institution.create', hubHospital);
    // a known tag becomes its code (respite → respite_beds); a free tag stays as typed, trimmed
    expect(hosp.capabilities).toEqual(['respite_beds', 'ventilator']);
    expect(hosp.honorific).toBe('sensei');
  });

  it('lists by type and by a folded query over name and kana; inactive only on request', async () => {
    const ctx = fx.admin;
    const city = await call(ctx, 'institution.create', saitamaCityHc);
    const asaka = await call(ctx, 'institution.create', asakaHc);
    const hosp = await call(ctx, 'institution.create', hubHospital);
    const ids = (list: { id: string }[]) => list.map((i) => i.id);

    expect(ids(await call(ctx, 'institution.list', {}))).toHaveLength(3);
    expect(ids(await call(ctx, 'institution.list', { type: 'health_center' })).sort()).toEqual(
      [city.id, asaka.id].sort(),
    );
    // katakana query finds hiragana kana; hiragana finds half-width katakana; kanji finds the name
    expect(ids(await call(ctx, 'institution.list', { query: 'アサカ' }))).toEqual([asaka.id]);
    expect(ids(await call(ctx, 'institution.list', { query: 'いかだいがく' }))).toEqual([hosp.id]);
    expect(ids(await call(ctx, 'institution.list', { query: '医科大学' }))).toEqual([hosp.id]);
    expect(ids(await call(ctx, 'institution.list', { query: 'さいたま　ほけん' })).sort()).toEqual(
      [city.id, asaka.id].sort(),
    );
    expect(await call(ctx, 'institution.list', { query: 'ハローワーク' })).toEqual([]);

    await call(ctx, 'institution.setActive', { id: asaka.id, active: false });
    expect(ids(await call(ctx, 'institution.list', { type: 'health_center' }))).toEqual([city.id]);
    const all = await call(ctx, 'institution.list', { type: 'health_center', includeInactive: true });
    expect(all.find((i) => i.id === asaka.id)?.active).toBe(false);
  });

  it('updates only the changed fields, bumps the version and refuses a stale version', async () => {
    const ctx = fx.admin;
    const hc = await call(ctx, 'institution.create', saitamaCityHc);
    const updated = await call(ctx, 'institution.update', {
      id: hc.id,
      expectedVersion: 1,
      changes: { ...saitamaCityHc, phone: '048-000-0000', contactPerson: '難病担当 保健師' },
    });
    expect(updated).toMatchObject({ version: 2, phone: '048-000-0000', contactPerson: '難病担当 保健師' });
    const op = await lastOp(ctx);
    expect(Object.keys(op.fields).sort()).toEqual(['contact_person', 'phone', 'updated_at', 'updated_by']);
    expect(await lastAudit(ctx)).toMatchObject({ action: 'institution.update', entity_id: hc.id });

    // the same values again: nothing to write
    const same = await written(ctx);
    const again = await call(ctx, 'institution.update', {
      id: hc.id,
      expectedVersion: 2,
      changes: { ...saitamaCityHc, phone: '048-000-0000', contactPerson: '難病担当 保健師' },
    });
    expect(again.version).toBe(2);
    expect(await written(ctx)).toEqual(same);

    expect(
      await errorCode(call(ctx, 'institution.update', { id: hc.id, expectedVersion: 1, changes: asakaHc })),
    ).toBe('CONFLICT');
    expect(await written(ctx)).toEqual(same);
    const stored = await ctx.db
      .selectFrom('institutions')
      .selectAll()
      .where('id', '=', hc.id)
      .executeTakeFirstOrThrow();
    expect(stored.name).toBe('さいたま市保健所');

    const missing = '01900000-0000-7000-8000-000000000000';
    expect(
      await errorCode(call(ctx, 'institution.update', { id: missing, expectedVersion: 1, changes: asakaHc })),
    ).toBe('NOT_FOUND');
    expect(await errorCode(call(ctx, 'institution.setActive', { id: missing, active: false }))).toBe(
      'NOT_FOUND',
    );
    expect(await written(ctx)).toEqual(same);
  });

  it('deactivates and reactivates with an op of the active field only', async () => {
    const ctx = fx.admin;
    const hc = await call(ctx, 'institution.create', saitamaCityHc);
    const off = await call(ctx, 'institution.setActive', { id: hc.id, active: false });
    expect(off).toMatchObject({ active: false, version: 2 });
    expect((await lastOp(ctx)).fields).toMatchObject({ active: 0 });
    expect(Object.keys((await lastOp(ctx)).fields).sort()).toEqual(['active', 'updated_at', 'updated_by']);
    expect((await lastAudit(ctx)).action).toBe('institution.deactivate');

    const same = await written(ctx);
    expect((await call(ctx, 'institution.setActive', { id: hc.id, active: false })).version).toBe(2);
    expect(await written(ctx)).toEqual(same);

    expect(await call(ctx, 'institution.setActive', { id: hc.id, active: true })).toMatchObject({
      active: true,
      version: 3,
    });
    expect((await lastAudit(ctx)).action).toBe('institution.activate');
  });

  it('finds the 保健所 covering a municipality (wards through their city), else null', async () => {
    const ctx = fx.admin;
    const city = await call(ctx, 'institution.create', saitamaCityHc);
    const asaka = await call(ctx, 'institution.create', asakaHc);
    // not a 保健所, though it lists Kawagoe: never the answer
    await call(ctx, 'institution.create', { ...hubHospital, coveredMunicipalities: [KAWAGOE] });

    expect((await call(ctx, 'institution.healthCenterFor', { municipalityCode: SAITAMA_CITY }))?.id).toBe(
      city.id,
    );
    expect((await call(ctx, 'institution.healthCenterFor', { municipalityCode: URAWA_WARD }))?.id).toBe(
      city.id,
    );
    expect((await call(ctx, 'institution.healthCenterFor', { municipalityCode: '112305' }))?.id).toBe(
      asaka.id,
    );
    expect(await call(ctx, 'institution.healthCenterFor', { municipalityCode: KAWAGOE })).toBeNull();

    await call(ctx, 'institution.setActive', { id: city.id, active: false });
    expect(await call(ctx, 'institution.healthCenterFor', { municipalityCode: SAITAMA_CITY })).toBeNull();
  });

  it('lets a counselor manage the directory', async () => {
    await fx.addStaff('counselor', 'counselor');
    const ctx = await fx.as('counselor');
    const hc = await call(ctx, 'institution.create', saitamaCityHc);
    const up = await call(ctx, 'institution.update', { id: hc.id, expectedVersion: 1, changes: asakaHc });
    expect(up.name).toBe('埼玉県朝霞保健所');
    expect((await lastAudit(ctx)).login).toBe('counselor');
  });

  for (const role of ['peer_supporter', 'read_only'] as const) {
    it(`refuses ${role} every change and writes nothing, but lets them look up`, async () => {
      const hc = await call(fx.admin, 'institution.create', saitamaCityHc);
      await fx.addStaff('someone', role);
      const ctx = await fx.as('someone');
      const before = await written(ctx);
      expect(await errorCode(call(ctx, 'institution.create', asakaHc))).toBe('FORBIDDEN');
      expect(
        await errorCode(call(ctx, 'institution.update', { id: hc.id, expectedVersion: 1, changes: asakaHc })),
      ).toBe('FORBIDDEN');
      expect(await errorCode(call(ctx, 'institution.setActive', { id: hc.id, active: false }))).toBe(
        'FORBIDDEN',
      );
      expect(await written(ctx)).toEqual(before);
      const stored = await ctx.db.selectFrom('institutions').selectAll().executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ name: 'さいたま市保健所', version: 1, active: 1 });

      expect((await call(ctx, 'institution.list', {})).map((i) => i.id)).toEqual([hc.id]);
      expect((await call(ctx, 'institution.healthCenterFor', { municipalityCode: SAITAMA_CITY }))?.id).toBe(
        hc.id,
      );
    });
  }

  it('rejects bad input at the contract', () => {
    const create = CHANNELS['institution.create'].input;
    expect(create.safeParse(saitamaCityHc).success).toBe(true);
    // 111008: さいたま市 with a wrong check digit
    expect(create.safeParse({ ...saitamaCityHc, coveredMunicipalities: ['111008'] }).success).toBe(false);
    expect(create.safeParse({ ...saitamaCityHc, municipalityCode: '11100' }).success).toBe(false);
    expect(create.safeParse({ ...saitamaCityHc, name: '   ' }).success).toBe(false);
    expect(create.safeParse({ ...saitamaCityHc, type: 'hospital' }).success).toBe(false);
    expect(create.safeParse({ ...saitamaCityHc, honorific: 'dono' }).success).toBe(false);
    expect(
      CHANNELS['institution.healthCenterFor'].input.safeParse({ municipalityCode: '111008' }).success,
    ).toBe(false);
    expect(
      CHANNELS['institution.healthCenterFor'].input.safeParse({ municipalityCode: SAITAMA_CITY }).success,
    ).toBe(true);
    const update = CHANNELS['institution.update'].input;
    expect(update.safeParse({ id: 'x', expectedVersion: 1, changes: saitamaCityHc }).success).toBe(false);
    expect(
      update.safeParse({
        id: '01900000-0000-7000-8000-000000000000',
        expectedVersion: 0,
        changes: saitamaCityHc,
      }).success,
    ).toBe(false);
    expect(CHANNELS['institution.list'].input.safeParse({ type: 'nope' }).success).toBe(false);
  });
});
