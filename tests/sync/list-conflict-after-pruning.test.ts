import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeAndLaptops } from './office-and-laptops';
import { consultationInput, exportTo } from './sync-helpers';

/**
 * Found by the convergence property (seed 374483236): the office PC changes a consultation's
 * categories and the first laptop receives that edit (and, the office being its only peer,
 * prunes its op at once); the second laptop, apart, changes the categories too, and loses. The
 * office and the second laptop list the laptop's categories as a conflict; the first laptop
 * listed only the main category: for a list field it could not see the value the record holds
 * once the op that wrote it was pruned (db/sync/conflicts.ts, #heldValue).
 */
describe('a list field overwritten unseen, after the winning op was pruned', () => {
  let c: Awaited<ReturnType<typeof officeAndLaptops>>;
  beforeAll(async () => (c = await officeAndLaptops()));
  afterAll(() => c.close());

  it('every device lists the categories as a conflict, the first laptop too', async () => {
    // the office records more that day, so its edit is the later one whatever the device ids
    await c.office.call('consultation.record', consultationInput({ summary: '別件' }));
    await c.office.call('consultation.record', consultationInput({ summary: '別件二' }));
    await c.edit(c.office, { categories: ['2.4'] });
    // and goes on working: the edit is not its newest op, which pruning always keeps
    await c.office.call('consultation.record', consultationInput({ summary: '別件三' }));
    await c.laptop1.call('sync.importBundle', { path: await exportTo(c.office, c.laptop1) });
    await c.edit(c.laptop2, { categories: ['3.1', '1.1'] });
    await c.exchange();

    const lists = await Promise.all(c.all.map((d) => c.conflicts(d)));
    expect(lists[0]!.map((l) => l.split(' ')[0])).toEqual(['categories', 'main_category']);
    expect(lists[1]).toEqual(lists[0]);
    expect(lists[2]).toEqual(lists[0]);
    for (const d of c.all)
      expect((await d.call('consultation.get', { id: c.consultationId })).mainCategory).toBe('2.4');
  });
});
