import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { losingTips } from '../../db/sync/conflicts';
import { consultationInput, makeDevice, pair, sync, syncedState, type Device } from './sync-helpers';

let a: Device;
let b: Device;
let personId: string;

beforeEach(async () => {
  [a, b] = await Promise.all([makeDevice('office'), makeDevice('laptop')]);
  await pair(a, b);
  const c = await a.call(
    'consultation.record',
    consultationInput({ person: { mode: 'new', data: { name: '佐藤 次郎', phone: '03-0000-0000' } } }),
  );
  personId = c.person!.id;
  await sync(a, b);
  await sync(b, a);
});
afterEach(async () => {
  await a.close();
  await b.close();
});

const setPerson = (d: Device, version: number, changes: Record<string, unknown>) =>
  d.call('person.update', {
    id: personId,
    expectedVersion: version,
    changes: { name: '佐藤 次郎', phone: '03-0000-0000', ...changes },
  });

async function exchange() {
  await sync(a, b);
  await sync(b, a);
}

describe('merge: last writer wins per field, conflicts kept for a person', () => {
  it('concurrent edits of one field: both devices keep the same value and list the same conflict, with both values, who and when', async () => {
    await setPerson(a, 1, { phone: '090-1111-1111' });
    await setPerson(b, 1, { phone: '090-2222-2222' });
    await exchange();
    const pa = await a.call('person.get', { id: personId });
    const pb = await b.call('person.get', { id: personId });
    expect(pa.phone).toBe(pb.phone);
    expect(pa.version).toBe(3);
    expect(pb.version).toBe(3);
    const ca = await a.call('sync.conflicts', {});
    const cb = await b.call('sync.conflicts', {});
    expect(ca).toHaveLength(1);
    expect(ca.map((x) => x.id)).toEqual(cb.map((x) => x.id));
    const [conflict] = ca;
    // the record as a person recognises it: by the person's name
    expect(conflict).toMatchObject({
      entity: 'person',
      entityId: personId,
      record: '佐藤 次郎',
      field: 'phone',
    });
    expect(conflict!.current.value).toBe(pa.phone);
    expect(new Set([conflict!.current.value, conflict!.other.value])).toEqual(
      new Set(['090-1111-1111', '090-2222-2222']),
    );
    // who and when: each side names the device and the staff member that wrote it
    expect(new Set([conflict!.current.deviceId, conflict!.other.deviceId])).toEqual(
      new Set([a.deviceId, b.deviceId]),
    );
    const writer = conflict!.other.deviceId === a.deviceId ? a : b;
    expect(conflict!.other.staffId).toBe(writer.ctx.actor.id);
    expect(conflict!.other.staffName).toBe('管理 花子');
    expect(conflict!.other.at).toMatch(/^2025-06-02T/);
    expect(await syncedState(a.db)).toEqual(await syncedState(b.db));
  });

  it('"take" restores the overwritten value everywhere and the conflict goes away on both devices', async () => {
    await setPerson(a, 1, { phone: '090-1111-1111' });
    await setPerson(b, 1, { phone: '090-2222-2222' });
    await exchange();
    const [conflict] = await a.call('sync.conflicts', {});
    const r = await a.call('sync.resolveConflict', { id: conflict!.id, choice: 'take' });
    expect(r.resolution?.choice).toBe('take');
    await exchange();
    for (const d of [a, b]) {
      expect((await d.call('person.get', { id: personId })).phone).toBe(conflict!.other.value);
      expect(await d.call('sync.conflicts', {})).toEqual([]);
    }
    expect(await syncedState(a.db)).toEqual(await syncedState(b.db));
  });

  it('"keep" on one device settles the conflict on the other too', async () => {
    await setPerson(a, 1, { phone: '090-1111-1111' });
    await setPerson(b, 1, { phone: '090-2222-2222' });
    await exchange();
    const [conflict] = await b.call('sync.conflicts', {});
    await b.call('sync.resolveConflict', { id: conflict!.id, choice: 'keep' });
    await exchange();
    expect(await a.call('sync.conflicts', {})).toEqual([]);
    const all = await a.call('sync.conflicts', { includeResolved: true });
    expect(all[0]?.resolution).toMatchObject({ choice: 'keep', by: b.ctx.actor.id });
    expect((await a.call('sync.status', {})).openConflicts).toBe(0);
  });

  it('concurrent edits of different fields are both kept, without a conflict', async () => {
    await setPerson(a, 1, { phone: '090-1111-1111' });
    await setPerson(b, 1, { address: '埼玉県さいたま市' });
    await exchange();
    for (const d of [a, b]) {
      expect(await d.call('person.get', { id: personId })).toMatchObject({
        phone: '090-1111-1111',
        address: '埼玉県さいたま市',
        version: 3,
      });
      expect(await d.call('sync.conflicts', {})).toEqual([]);
    }
  });

  it('an edit made after seeing the other is no conflict; the same value written twice is none either', async () => {
    await setPerson(a, 1, { phone: '090-1111-1111' });
    await exchange();
    await setPerson(b, 2, { phone: '090-3333-3333' });
    await exchange();
    expect((await a.call('person.get', { id: personId })).phone).toBe('090-3333-3333');
    await setPerson(a, 3, { email: 'same@example.jp' });
    await setPerson(b, 3, { email: 'same@example.jp' });
    await exchange();
    expect(await a.call('sync.conflicts', {})).toEqual([]);
    expect(await b.call('sync.conflicts', {})).toEqual([]);
  });
});

describe('losingTips (the conflict rule on its own)', () => {
  const w = (hlc: string, prev: string | null, value: string) => ({ hlc, prev, value });
  it('lists only the tip of each losing branch, whatever order the writers come in', () => {
    const writers = [
      w('1', null, '"a"'),
      w('2', '1', '"b"'), // branch 1
      w('3', '2', '"c"'), // branch 1, later edit by the same side
      w('4', '1', '"d"'), // branch 2: wins
      w('5', '1', '"d"'), // branch 3: same value as the winner
    ];
    const expected = { winner: '5', losers: ['3'] };
    expect(losingTips(writers)).toEqual(expected);
    expect(losingTips([...writers].reverse())).toEqual(expected);
  });
  it('a value the winning line once held was seen: replacing it later creates no conflict', () => {
    const base = [w('0', null, '"a"'), w('4', '0', '"d"'), w('5', '0', '"d"')];
    expect(losingTips(base).losers).toEqual([]);
    expect(losingTips([...base, w('6', '5', '"e"')]).losers).toEqual([]);
    // but a value nobody on the winning line saw stays a conflict through later edits
    const lost = [w('0', null, '"a"'), w('1', '0', '"b"'), w('2', '0', '"c"'), w('3', '2', '"e"')];
    expect(losingTips(lost).losers).toEqual(['1']);
  });
});
