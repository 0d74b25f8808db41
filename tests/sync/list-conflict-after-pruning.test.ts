import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultationInput, exportTo, makeDevice, pair, sync, type Device } from './sync-helpers';

/**
 * Found by the convergence property (seed 374483236): the office PC changes a consultation's
 * categories and the first laptop receives that edit (and, the office being its only peer,
 * prunes its op at once); the second laptop, apart, changes the categories too, and loses. The
 * office and the second laptop list the laptop's categories as a conflict; the first laptop
 * listed only the main category: for a list field it could not see the value the record holds
 * once the op that wrote it was pruned (db/sync/conflicts.ts, #heldValue).
 */
describe('a list field overwritten unseen, after the winning op was pruned', () => {
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

  const setCategories = async (d: Device, codes: string[]) => {
    const cur = await d.call('consultation.get', { id: consultationId });
    await d.call('consultation.update', {
      id: consultationId,
      expectedVersion: cur.version,
      changes: consultationInput({
        summary: cur.summary,
        categories: codes,
        mainCategory: codes[0],
        responders: cur.responders.map((r) => ({ staffId: r.staffId, profession: r.profession })),
      }) as never,
    });
  };

  it('every device lists the categories as a conflict, the first laptop too', async () => {
    // the office records more that day, so its edit is the later one whatever the device ids
    await office.call('consultation.record', consultationInput({ summary: '別件' }));
    await office.call('consultation.record', consultationInput({ summary: '別件二' }));
    await setCategories(office, ['2.4']);
    // and goes on working: the edit is not its newest op, which pruning always keeps
    await office.call('consultation.record', consultationInput({ summary: '別件三' }));
    await laptop1.call('sync.importBundle', { path: await exportTo(office, laptop1) });
    await setCategories(laptop2, ['3.1', '1.1']);
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
    expect(lists[0]!.map((l) => l.split(' ')[0])).toEqual(['categories', 'main_category']);
    expect(lists[1]).toEqual(lists[0]);
    expect(lists[2]).toEqual(lists[0]);
    for (const d of [office, laptop1, laptop2])
      expect((await d.call('consultation.get', { id: consultationId })).mainCategory).toBe('2.4');
  });
});
