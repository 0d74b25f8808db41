import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeAndLaptops } from './office-and-laptops';
import { consultationInput } from './sync-helpers';

/**
 * Found by the convergence property (seed -479200343): the office PC changes a consultation's
 * category and takes it back, while the second laptop, apart, changes the same category. The
 * laptop's edit wins; the office's "taken back" value is the one the record held before both,
 * so by the rule (db/sync/conflicts.ts) it is no conflict — the laptops said so, but the office
 * had already pruned the op that held that earlier value and listed a conflict: two devices of
 * one center showed different conflict lists. Old ops of a row with an edit not every peer
 * holds yet now stay (db/sync/prune.ts).
 */
describe('a value taken back while another device edits, after pruning', () => {
  let c: Awaited<ReturnType<typeof officeAndLaptops>>;
  beforeAll(async () => (c = await officeAndLaptops()));
  afterAll(() => c.close());

  it('every device lists the same conflicts (here none: the office took its value back)', async () => {
    await c.edit(c.office, { categories: ['2.4'] });
    await c.edit(c.office, { categories: ['1.1'] }); // taken back to what it was
    // the laptop edits more that day, so its last edit is the later one whatever the device ids
    await c.laptop2.call('consultation.record', consultationInput({ summary: '別件' }));
    await c.laptop2.call('consultation.record', consultationInput({ summary: '別件二' }));
    await c.edit(c.laptop2, { categories: ['2.4'] });
    await c.exchange();

    const lists = await Promise.all(c.all.map((d) => c.conflicts(d)));
    expect(lists[1]).toEqual(lists[0]);
    expect(lists[2]).toEqual(lists[0]);
    expect(lists[0]).toEqual([]);
    // and the record reads the same everywhere: the laptop's later category
    for (const d of c.all)
      expect((await d.call('consultation.get', { id: c.consultationId })).mainCategory).toBe('2.4');
  });
});
