import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consultationInput, makeDevice, pair, sync, syncedState, type Device } from './sync-helpers';

/**
 * Two devices settling the same conflict differently while apart (issue 17): the decisions
 * conflict in turn, and a person sees that — an explicit decision is never overridden silently.
 * Settling the decision conflict leaves the field with the value the chosen decision left.
 */
let a: Device;
let b: Device;
let personId: string;

beforeEach(async () => {
  [a, b] = await Promise.all([makeDevice('office'), makeDevice('laptop')]);
  await pair(a, b);
  const c = await a.call(
    'consultation.record',
    consultationInput({ person: { mode: 'new', data: { name: '鈴木 三郎', phone: '03-0000-0000' } } }),
  );
  personId = c.person!.id;
  await exchange();
  await setPhone(a, '090-1111-1111');
  await setPhone(b, '090-2222-2222');
  await exchange();
});
afterEach(async () => {
  await a.close();
  await b.close();
});

async function exchange() {
  await sync(a, b);
  await sync(b, a);
  await sync(a, b);
}

async function setPhone(d: Device, phone: string) {
  const p = await d.call('person.get', { id: personId });
  await d.call('person.update', {
    id: personId,
    expectedVersion: p.version,
    changes: { name: p.name, phone },
  });
}

const phoneOf = async (d: Device) => (await d.call('person.get', { id: personId })).phone;

describe('decisions on a conflict', () => {
  it('"keep" here and "take" there while apart: both devices list a conflict about the decision', async () => {
    const [conflict] = await a.call('sync.conflicts', {});
    expect(conflict).toBeDefined();
    await a.call('sync.resolveConflict', { id: conflict!.id, choice: 'keep' });
    await b.call('sync.resolveConflict', { id: conflict!.id, choice: 'take' });
    await exchange();
    for (const d of [a, b]) {
      const open = await d.call('sync.conflicts', {});
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({
        entity: 'sync_conflict',
        entityId: conflict!.id,
        field: 'resolution',
        about: { entity: 'person', entityId: personId, record: '鈴木 三郎', field: 'phone' },
      });
      expect(new Set([open[0]!.current.value, open[0]!.other.value])).toEqual(new Set(['keep', 'take']));
    }
    expect(await syncedState(a.db)).toEqual(await syncedState(b.db));
  });

  it("settling the decision conflict puts the chosen decision's value back, on every device", async () => {
    const [conflict] = await a.call('sync.conflicts', {});
    const kept = conflict!.current.value;
    const taken = conflict!.other.value;
    await a.call('sync.resolveConflict', { id: conflict!.id, choice: 'keep' });
    await b.call('sync.resolveConflict', { id: conflict!.id, choice: 'take' });
    await exchange();
    const [about] = await a.call('sync.conflicts', {});
    // choose the decision "keep" (whichever side it is on): the value that was kept comes back
    const keepSide = about!.current.value === 'keep' ? 'keep' : 'take';
    await a.call('sync.resolveConflict', { id: about!.id, choice: keepSide });
    await exchange();
    for (const d of [a, b]) {
      expect(await phoneOf(d)).toBe(kept);
      expect(await d.call('sync.conflicts', {})).toEqual([]);
    }
    expect(kept).not.toBe(taken);
    // the decision that stands is "keep", on both devices
    for (const d of [a, b]) {
      const r = await d.db
        .selectFrom('sync_conflict_resolutions')
        .select('resolution')
        .where('id', '=', conflict!.id)
        .executeTakeFirstOrThrow();
      expect(r.resolution).toBe('keep');
    }
    expect(await syncedState(a.db)).toEqual(await syncedState(b.db));
  });

  it('the same decision on both devices is no conflict', async () => {
    const [conflict] = await a.call('sync.conflicts', {});
    await a.call('sync.resolveConflict', { id: conflict!.id, choice: 'take' });
    await b.call('sync.resolveConflict', { id: conflict!.id, choice: 'take' });
    await exchange();
    for (const d of [a, b]) {
      expect(await d.call('sync.conflicts', {})).toEqual([]);
      expect(await phoneOf(d)).toBe(conflict!.other.value);
    }
    expect(await syncedState(a.db)).toEqual(await syncedState(b.db));
  });
});
