import { consultationInput, exportTo, makeDevice, pair, sync, type Device } from './sync-helpers';

/**
 * The convergence property's topology as a fixture: an office PC paired with two outreach
 * laptops that never pair with each other, one consultation recorded at the office, and two
 * full rounds of sync with receipts, so every device holds it and the office has pruned the op
 * that made it. For the tests that replay a counterexample step by step.
 */
export async function officeAndLaptops() {
  const office = await makeDevice('office');
  const laptop1 = await makeDevice('laptop1');
  const laptop2 = await makeDevice('laptop2');
  await pair(office, laptop1);
  await pair(office, laptop2);
  const consultationId = (await office.call('consultation.record', consultationInput({ summary: '基本' })))
    .id;
  /** the laptops hand everything to the office, which then hands everything out */
  const links = [
    [laptop1, office],
    [laptop2, office],
    [office, laptop1],
    [office, laptop2],
  ] as const;
  for (let i = 0; i < 2; i++) for (const [from, to] of links) await sync(from, to);

  return {
    office,
    laptop1,
    laptop2,
    all: [office, laptop1, laptop2] as const,
    consultationId,
    /** one bundle over every link, in that order (no receipts) */
    async exchange(): Promise<void> {
      for (const [from, to] of links) await to.call('sync.importBundle', { path: await exportTo(from, to) });
    },
    /** what a device's screen lists, sorted: `field id` */
    async conflicts(d: Device): Promise<string[]> {
      return (await d.call('sync.conflicts', {})).map((c) => `${c.field} ${c.id}`).sort();
    },
    /** saves the consultation on a device with these changes, the rest as it reads there */
    async edit(d: Device, changes: { summary?: string; categories?: string[] }): Promise<void> {
      const cur = await d.call('consultation.get', { id: consultationId });
      const categories = changes.categories ?? cur.categories;
      await d.call('consultation.update', {
        id: consultationId,
        expectedVersion: cur.version,
        changes: consultationInput({
          summary: changes.summary ?? cur.summary,
          categories,
          mainCategory: changes.categories ? categories[0] : cur.mainCategory,
          responders: cur.responders.map((r) => ({ staffId: r.staffId, profession: r.profession })),
        }) as never,
      });
    },
    async close(): Promise<void> {
      for (const d of [office, laptop1, laptop2]) await d.close();
    },
  };
}
