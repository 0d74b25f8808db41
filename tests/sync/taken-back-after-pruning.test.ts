import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultationInput, exportTo, makeDevice, pair, sync, type Device } from './sync-helpers';

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
    // everyone has it and has said so twice: the office prunes the op that made it
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

  const setCategory = async (d: Device, code: string) => {
    const cur = await d.call('consultation.get', { id: consultationId });
    await d.call('consultation.update', {
      id: consultationId,
      expectedVersion: cur.version,
      changes: consultationInput({
        summary: cur.summary,
        categories: [code],
        mainCategory: code,
        responders: cur.responders.map((r) => ({ staffId: r.staffId, profession: r.profession })),
      }) as never,
    });
  };

  it('every device lists the same conflicts (here none: the office took its value back)', async () => {
    await setCategory(office, '2.4');
    await setCategory(office, '1.1'); // taken back to what it was
    // the laptop edits more that day, so its last edit is the later one whatever the device ids
    await laptop2.call('consultation.record', consultationInput({ summary: '別件' }));
    await laptop2.call('consultation.record', consultationInput({ summary: '別件二' }));
    await setCategory(laptop2, '2.4');
    for (const [from, to] of [
      [laptop1, office],
      [laptop2, office],
      [office, laptop1],
      [office, laptop2],
    ] as const)
      await to.call('sync.importBundle', { path: await exportTo(from, to) });

    const lists = await Promise.all(
      [office, laptop1, laptop2].map(async (d) =>
        (await d.call('sync.conflicts', {})).map((c) => c.id).sort(),
      ),
    );
    expect(lists[1]).toEqual(lists[0]);
    expect(lists[2]).toEqual(lists[0]);
    expect(lists[0]).toEqual([]);
    // and the record reads the same everywhere: the laptop's later category
    for (const d of [office, laptop1, laptop2])
      expect((await d.call('consultation.get', { id: consultationId })).mainCategory).toBe('2.4');
  });
});
