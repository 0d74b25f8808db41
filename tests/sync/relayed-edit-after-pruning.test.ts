import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeAndLaptops } from './office-and-laptops';
import { consultationInput, exportTo } from './sync-helpers';

/**
 * Found by the convergence property (seed -1795336550): the office PC and the second laptop,
 * apart, write the same summary; the office's edit reaches the first laptop, which (its only
 * peer, the office, holding it) pruned the op at once; then the office edits the summary
 * again. The laptop's value is one the record held (the same value written twice): no conflict,
 * said the office and the second laptop. The first laptop, hearing of the second laptop's edit
 * only through the office, no longer had the op that held that value and listed a conflict. A
 * device that hears of devices it is not paired with now keeps its log (db/sync/prune.ts).
 */
describe('an edit relayed by the office, after the receiving laptop pruned', () => {
  let c: Awaited<ReturnType<typeof officeAndLaptops>>;
  beforeAll(async () => (c = await officeAndLaptops()));
  afterAll(() => c.close());

  it('every device lists the same conflicts: none, the laptop wrote what the record held', async () => {
    // the HLCs (same wall clock here) order by how much each device did, not by the random ids:
    // the office's first edit is the later of the two equal ones, its second the latest of all
    await c.office.call('consultation.record', consultationInput({ summary: '前' }));
    await c.edit(c.office, { summary: '要約一' });
    await c.edit(c.laptop2, { summary: '要約一' });
    await c.office.call('consultation.record', consultationInput({ summary: '別件' }));
    await c.laptop1.call('sync.importBundle', { path: await exportTo(c.office, c.laptop1) });
    await c.edit(c.office, { summary: '要約二' });
    await c.exchange();

    const lists = await Promise.all(c.all.map((d) => c.conflicts(d)));
    expect(lists[1]).toEqual(lists[0]);
    expect(lists[2]).toEqual(lists[0]);
    expect(lists[0]).toEqual([]);
    for (const d of c.all)
      expect((await d.call('consultation.get', { id: c.consultationId })).summary).toBe('要約二');
  });
});
