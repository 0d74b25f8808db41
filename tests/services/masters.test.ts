import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/services/context';
import { masterHandlers } from '../../electron/services/masters/handlers';
import { CHANNELS, type ChannelInput, type ChannelOutput } from '../../shared/contract';
import { DISEASE_GROUPS } from '../../shared/vocab/disease-groups';
import { serviceFixture } from '../fixtures/service-fixture';

type MasterChannel = keyof typeof masterHandlers;

/** Parses the input with the channel's schema, runs the handler, checks the output the same way. */
async function call<C extends MasterChannel>(
  ctx: ServiceContext,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const def = CHANNELS[channel];
  const handler = masterHandlers[channel] as (c: ServiceContext, i: unknown) => Promise<unknown>;
  return def.output.parse(await handler(ctx, def.input.parse(input))) as ChannelOutput<C>;
}

describe('master lists', () => {
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  beforeAll(async () => {
    fx = await serviceFixture();
  });
  afterAll(async () => {
    await fx.close();
  });

  it('lists the 348 指定難病 of the newest list by number, groups as codes', async () => {
    const ctx = fx.runtime.context();
    const old = { list_version: '2024-04', groups: '["neuro"]', url: 'https://www.nanbyou.or.jp/' };
    // an older list stays in the file for old records; pickers must not offer it
    await ctx.db
      .insertInto('master_nanbyo')
      .values([
        { ...old, number: 1, name_ja: '旧名称' },
        { ...old, number: 999, name_ja: '旧リストだけの病名' },
      ])
      .execute();
    const list = await call(ctx, 'master.diseases', {});
    expect(list).toHaveLength(348);
    expect(list.map((d) => d.number)).toEqual(Array.from({ length: 348 }, (_, i) => i + 1));
    expect(new Set(list.map((d) => d.listVersion))).toEqual(new Set(['2025-04']));
    expect(list[1]).toEqual({
      number: 2,
      listVersion: '2025-04',
      nameJa: '筋萎縮性側索硬化症',
      groups: ['neuro'],
      reading: 'きんいしゅくせいそくさくこうかしょう',
      aliases: ['ALS'],
    });
    expect(list[347]!.groups).toEqual(['neuro', 'renal_urologic', 'visual']);
    const codes = new Set<string>(DISEASE_GROUPS.map((g) => g.code));
    expect(list.flatMap((d) => d.groups).every((g) => codes.has(g))).toBe(true);
  });

  it('searches the list on the server: by abbreviation, reading or number', async () => {
    const ctx = fx.runtime.context();
    const names = async (query: string) =>
      (await call(ctx, 'master.diseases', { query })).map((d) => `${d.number} ${d.nameJa}`);
    expect((await names('SCD'))[0]).toBe('18 脊髄小脳変性症(多系統萎縮症を除く。)');
    expect((await names('MSA'))[0]).toBe('17 多系統萎縮症');
    expect((await names('ぜんしんせいえりて'))[0]).toBe('49 全身性エリテマトーデス');
    expect(await names('349')).toEqual([]);
  });

  it('lists the 1,912 municipalities by code (浜松市 since 2024-01-01), or one prefecture', async () => {
    const ctx = fx.runtime.context();
    const all = await call(ctx, 'master.municipalities', {});
    expect(all).toHaveLength(1912);
    expect(all.filter((m) => m.name.startsWith('浜松市')).map((m) => m.name)).toEqual([
      '浜松市',
      '浜松市 中央区',
      '浜松市 浜名区',
      '浜松市 天竜区',
    ]);
    expect(all.map((m) => m.code)).toEqual([...all.map((m) => m.code)].sort());
    const saitama = await call(ctx, 'master.municipalities', { prefCode: '11' });
    expect(saitama).toHaveLength(73);
    expect(saitama.every((m) => m.prefCode === '11' && m.prefName === '埼玉県')).toBe(true);
    expect(saitama[0]).toEqual({
      code: '111007',
      prefCode: '11',
      prefName: '埼玉県',
      name: 'さいたま市',
      nameKana: 'さいたまし',
    });
  });

  it('serves every role (reference data, no personal data)', async () => {
    await fx.addStaff('peer', 'peer_supporter');
    const ctx = await fx.as('peer');
    expect(await call(ctx, 'master.diseases', {})).toHaveLength(348);
    expect(await call(ctx, 'master.municipalities', { prefCode: '13' })).not.toHaveLength(0);
  });

  it('rejects a malformed prefecture code at the contract', () => {
    const input = CHANNELS['master.municipalities'].input;
    expect(input.safeParse({ prefCode: '11' }).success).toBe(true);
    expect(input.safeParse(undefined).success).toBe(true);
    expect(input.safeParse({ prefCode: '1' }).success).toBe(false);
    expect(input.safeParse({ prefCode: '埼玉' }).success).toBe(false);
  });
});
