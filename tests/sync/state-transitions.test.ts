import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDevice, pair, sync, syncedState, type Device } from './sync-helpers';

/**
 * A state and its who/when stamps merge as one (issue 17): two devices that reach the same state
 * while apart agree (no conflict for the stamps), two that reach different states give one
 * conflict about the state, and the merged row never contradicts itself.
 */
let a: Device;
let b: Device;

beforeEach(async () => {
  [a, b] = await Promise.all([makeDevice('office'), makeDevice('laptop')]);
  await pair(a, b);
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

async function followUpEverywhere(): Promise<string> {
  const f = await a.call('followup.create', { title: '受給者証の更新を確認', dueDate: '2025-06-10' });
  await exchange();
  return f.id;
}

const row = async (d: Device, id: string) =>
  (
    await sql<
      Record<string, unknown>
    >`SELECT state, completed_at, completed_by FROM follow_ups WHERE id = ${id}`.execute(d.db)
  ).rows[0]!;

describe('state transitions merge as one unit', () => {
  it('two devices completing the same follow-up while apart: both done, no conflict, stamps of one writer', async () => {
    const id = await followUpEverywhere();
    await a.call('followup.complete', { id });
    await b.call('followup.complete', { id });
    await exchange();
    for (const d of [a, b]) expect(await d.call('sync.conflicts', {})).toEqual([]);
    const ra = await row(a, id);
    expect(ra.state).toBe('done');
    expect(await row(b, id)).toEqual(ra);
    // the stamps belong together: the completion time and the person of the same writer
    const writer = ra.completed_by === a.ctx.actor.id ? a : b;
    expect(ra.completed_by).toBe(writer.ctx.actor.id);
    expect(await syncedState(a.db)).toEqual(await syncedState(b.db));
  });

  it('one completes, the other cancels: one conflict about the state, and the row never says cancelled with a completion time', async () => {
    const id = await followUpEverywhere();
    await a.call('followup.complete', { id, note: '更新済みを確認' });
    await b.call('followup.cancel', { id });
    await exchange();
    for (const d of [a, b]) {
      const r = await row(d, id);
      if (r.state === 'cancelled') expect([r.completed_at, r.completed_by]).toEqual([null, null]);
      else expect(r.completed_at).not.toBeNull();
    }
    const ca = await a.call('sync.conflicts', {});
    expect(ca).toHaveLength(1);
    expect(ca[0]).toMatchObject({
      entity: 'follow_up',
      entityId: id,
      field: 'state',
      record: '受給者証の更新を確認',
    });
    expect(new Set([ca[0]!.current.value, ca[0]!.other.value])).toEqual(new Set(['done', 'cancelled']));
    expect((await b.call('sync.conflicts', {})).map((c) => c.id)).toEqual(ca.map((c) => c.id));
    expect(await syncedState(a.db)).toEqual(await syncedState(b.db));
  });

  it('"take" on a state conflict brings the whole transition back: the state with its own stamps', async () => {
    const id = await followUpEverywhere();
    await a.call('followup.complete', { id });
    await b.call('followup.cancel', { id });
    await exchange();
    const [c] = await a.call('sync.conflicts', {});
    await a.call('sync.resolveConflict', { id: c!.id, choice: 'take' });
    await exchange();
    for (const d of [a, b]) {
      const r = await row(d, id);
      expect(r.state).toBe(c!.other.value);
      if (r.state === 'cancelled') expect([r.completed_at, r.completed_by]).toEqual([null, null]);
      else expect(r.completed_by).toBe(a.ctx.actor.id);
      expect(await d.call('sync.conflicts', {})).toEqual([]);
    }
    expect(await syncedState(a.db)).toEqual(await syncedState(b.db));
  });

  it('closing the same case: the same outcome is no conflict; different outcomes are one conflict naming both', async () => {
    const c1 = await a.call('case.open', { title: '就労の相談' });
    const c2 = await a.call('case.open', { title: '療養の相談' });
    await exchange();
    await a.call('case.close', { id: c1.id, outcome: 'closed' });
    await b.call('case.close', { id: c1.id, outcome: 'closed' });
    await a.call('case.close', { id: c2.id, outcome: 'closed' });
    await b.call('case.close', { id: c2.id, outcome: 'handed_over' });
    await exchange();
    const list = await a.call('sync.conflicts', {});
    expect(list.map((c) => [c.entityId, c.field])).toEqual([[c2.id, 'state']]);
    const [c] = list;
    expect(new Set([c!.current.group?.outcome, c!.other.group?.outcome])).toEqual(
      new Set(['closed', 'handed_over']),
    );
    expect(await syncedState(a.db)).toEqual(await syncedState(b.db));
  });
});
