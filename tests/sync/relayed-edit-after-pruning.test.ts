import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultationInput, exportTo, makeDevice, pair, sync, type Device } from './sync-helpers';

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
  let office: Device;
  let laptop1: Device;
  let laptop2: Device;
  let consultationId = '';
  beforeAll(async () => {
    office = await makeDevice('office');
    laptop1 = await makeDevice('laptop1');
    laptop2 = await makeDevice('laptop2');
    await pair(office, laptop1);
    await pair(office, laptop2);
    consultationId = (await office.call('consultation.record', consultationInput({ summary: '基本' }))).id;
    for (let i = 0; i < 2; i++)
      for (const [from, to] of [
        [laptop1, office],
        [laptop2, office],
        [office, laptop1],
        [office, laptop2],
      ] as const)
        await sync(from, to);
  });
  afterAll(async () => {
    for (const d of [office, laptop1, laptop2]) await d.close();
  });

  const setSummary = async (d: Device, summary: string) => {
    const cur = await d.call('consultation.get', { id: consultationId });
    await d.call('consultation.update', {
      id: consultationId,
      expectedVersion: cur.version,
      changes: consultationInput({
        summary,
        categories: cur.categories,
        mainCategory: cur.mainCategory,
        responders: cur.responders.map((r) => ({ staffId: r.staffId, profession: r.profession })),
      }) as never,
    });
  };

  it('every device lists the same conflicts: none, the laptop wrote what the record held', async () => {
    // the HLCs (same wall clock here) order by how much each device did, not by the random ids:
    // the office's first edit is the later of the two equal ones, its second the latest of all
    await office.call('consultation.record', consultationInput({ summary: '前' }));
    await setSummary(office, '要約一');
    await setSummary(laptop2, '要約一');
    await office.call('consultation.record', consultationInput({ summary: '別件' }));
    await laptop1.call('sync.importBundle', { path: await exportTo(office, laptop1) });
    await setSummary(office, '要約二');
    for (const [from, to] of [
      [laptop1, office],
      [laptop2, office],
      [office, laptop1],
      [office, laptop2],
    ] as const)
      await to.call('sync.importBundle', { path: await exportTo(from, to) });

    const lists = await Promise.all(
      [office, laptop1, laptop2].map(async (d) =>
        (await d.call('sync.conflicts', {})).map((c) => `${c.field} ${c.id}`).sort(),
      ),
    );
    expect(lists[1]).toEqual(lists[0]);
    expect(lists[2]).toEqual(lists[0]);
    expect(lists[0]).toEqual([]);
    for (const d of [office, laptop1, laptop2])
      expect((await d.call('consultation.get', { id: consultationId })).summary).toBe('要約二');
  });
});
