import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HybridClock } from '../../db/sync/hlc';
import { recordConsultation, updatePerson } from '../fixtures/in-use-case';
import { CHANNELS } from '../../shared/contract';
import { serviceFixture } from '../fixtures/service-fixture';

describe('hybrid logical clock', () => {
  it('never goes backwards when the wall clock does, and moves past what it observes', () => {
    let wall = 1_750_000_000_000;
    const c = new HybridClock('dev-a', () => wall);
    const a = c.now();
    wall -= 60_000; // the laptop's clock jumps back a minute
    const b = c.now();
    expect(b > a).toBe(true);
    c.observe(HybridClock.format(wall + 3_600_000, 5, 'dev-b'));
    const d = c.now();
    expect(HybridClock.parse(d)).toMatchObject({ ms: wall + 3_600_000, counter: 6, deviceId: 'dev-a' });
  });
});

describe('op log', () => {
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  beforeEach(async () => (fx = await serviceFixture('2025-06-02')));
  afterEach(() => fx.close());

  it('numbers ops per device without gaps, with increasing HLCs and the replaced values’ clocks', async () => {
    const input = CHANNELS['consultation.record'].input.parse({
      receivedAt: '2025-06-02T10:00',
      method: 'phone',
      consulter: 'self',
      person: { mode: 'new', data: { name: '鈴木 一郎', nameKana: 'スズキ イチロウ' } },
      categories: ['1.1'],
    });
    const c = await recordConsultation(fx.admin, input);
    await recordConsultation(fx.admin, { ...input, person: { mode: 'existing', personId: c.person!.id } });
    const personOp = await fx.admin.db
      .selectFrom('op_log')
      .selectAll()
      .where('entity', '=', 'person')
      .executeTakeFirstOrThrow();
    await updatePerson(
      fx.admin,
      c.person!.id,
      1,
      CHANNELS['person.update'].input.parse({
        id: c.person!.id,
        expectedVersion: 1,
        changes: { name: '鈴木 一朗', nameKana: 'スズキ イチロウ' },
      }).changes,
    );
    const ops = await fx.admin.db.selectFrom('op_log').selectAll().orderBy('seq').execute();
    expect(ops.map((o) => o.seq)).toEqual([1, 2, 3, 4]);
    expect(new Set(ops.map((o) => o.origin))).toEqual(new Set([fx.admin.deviceId]));
    const hlcs = ops.map((o) => o.hlc);
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(hlcs).size).toBe(4);
    expect(ops.map((o) => o.entity)).toEqual(['person', 'consultation', 'consultation', 'person']);
    const last = ops[3]!;
    expect(Object.keys(JSON.parse(last.fields)).sort()).toEqual(['name', 'updated_at', 'updated_by']);
    // the op says which value it replaced: the name written by the first op
    expect(JSON.parse(last.prev).name).toBe(personOp.hlc);
    const clocks = await fx.admin.db
      .selectFrom('row_clocks')
      .select('clocks')
      .where('entity_id', '=', c.person!.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(clocks.clocks).name).toBe(last.hlc);
  });
});
