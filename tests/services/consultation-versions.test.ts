import { afterEach, beforeEach, expect, it } from 'vitest';
import { consultationInput, makeDevice, type Device } from '../sync/sync-helpers';

/**
 * The edit history keeps every version as it was, yet a consultation never edited costs no copy
 * of itself (issue 17: the versions table was 12% of a 100k-consultation case file).
 */
let d: Device;
beforeEach(async () => (d = await makeDevice('office')));
afterEach(() => d.close());

const copies = async (id: string) =>
  (
    await d.db
      .selectFrom('consultation_versions')
      .select('version')
      .where('consultation_id', '=', id)
      .execute()
  ).map((r) => r.version);

it('recorded and never edited: no copy; edited twice: the history shows all three versions as they were', async () => {
  const input = consultationInput({
    person: { mode: 'new', data: { name: '山本 花子' } },
    summary: '最初の要約',
  });
  const c = await d.call('consultation.record', input);
  expect(await copies(c.id)).toEqual([]);
  expect(
    (await d.call('consultation.history', { id: c.id })).map((h) => [h.version, h.snapshot.summary]),
  ).toEqual([[1, '最初の要約']]);

  const { person: _p, ...rest } = input;
  const person = { mode: 'existing' as const, personId: c.person!.id };
  const v2 = await d.call('consultation.update', {
    id: c.id,
    expectedVersion: 1,
    changes: { ...rest, person, summary: '二回目の要約' },
  });
  await d.call('consultation.update', {
    id: c.id,
    expectedVersion: v2.version,
    changes: { ...rest, person, summary: '三回目の要約' },
  });
  expect(await copies(c.id)).toEqual([1, 2]); // the current version is the row itself
  const history = await d.call('consultation.history', { id: c.id });
  expect(history.map((h) => [h.version, h.snapshot.summary])).toEqual([
    [1, '最初の要約'],
    [2, '二回目の要約'],
    [3, '三回目の要約'],
  ]);
  // the person's timeline lists both edits
  const timeline = await d.call('person.timeline', { id: c.person!.id });
  expect(
    timeline.items
      .filter((i) => i.kind === 'edit')
      .map((i) => i.title)
      .sort(),
  ).toEqual(['v2', 'v3']);
});
