import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppRuntime } from '../../electron/app/runtime';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { ADMIN, tempDir } from '../fixtures/temp-casefile';
import { consultationInput, makeDevice, pair, sync, syncedState, type Device } from './sync-helpers';

/**
 * Several devices edit the same records while bundles between them are dropped, duplicated,
 * reordered and overlapped (every bundle carries all its recipient has not acknowledged, so
 * they overlap by nature). After one final exchange, every device holds the same data, the same
 * op log (no op lost) and the same conflict list.
 *
 * Topology: an office PC paired with two outreach laptops that never pair with each other, so
 * the laptops' ops reach each other only through the office PC.
 */
const NAMES = ['office', 'laptop1', 'laptop2'] as const;
const LINKS: [number, number][] = [
  [1, 0],
  [2, 0],
  [0, 1],
  [0, 2],
];
const FIELDS = ['phone', 'address', 'notes', 'name'] as const;
const VALUES = ['一', '二', '三'] as const;

type Cmd =
  | { t: 'edit'; dev: number; person: number; field: (typeof FIELDS)[number]; value: number }
  | { t: 'editConsultation'; dev: number; summary: number; categories: number }
  | { t: 'record'; dev: number; person: number | null }
  | { t: 'resolve'; dev: number; pick: number; choice: 'keep' | 'take' }
  | { t: 'export'; link: number }
  | { t: 'receipt'; link: number }
  | { t: 'deliver'; pick: number }
  | { t: 'drop'; pick: number };

const dev = fc.integer({ min: 0, max: 2 });
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  {
    arbitrary: fc.record({
      t: fc.constant('edit' as const),
      dev,
      person: fc.integer({ min: 0, max: 1 }),
      field: fc.constantFrom(...FIELDS),
      value: fc.integer({ min: 0, max: 2 }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('editConsultation' as const),
      dev,
      summary: fc.integer({ min: 0, max: 2 }),
      categories: fc.integer({ min: 0, max: 2 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('record' as const),
      dev,
      person: fc.option(fc.integer({ min: 0, max: 1 }), { nil: null }),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('resolve' as const),
      dev,
      pick: fc.nat(),
      choice: fc.constantFrom('keep' as const, 'take' as const),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ t: fc.constant('export' as const), link: fc.integer({ min: 0, max: 3 }) }),
    weight: 3,
  },
  {
    arbitrary: fc.record({ t: fc.constant('receipt' as const), link: fc.integer({ min: 0, max: 3 }) }),
    weight: 1,
  },
  { arbitrary: fc.record({ t: fc.constant('deliver' as const), pick: fc.nat() }), weight: 4 },
  { arbitrary: fc.record({ t: fc.constant('drop' as const), pick: fc.nat() }), weight: 1 },
);

interface Node {
  runtime: AppRuntime;
  deviceId: string;
  call<C extends ChannelName>(c: C, i: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

let template: Device[] = [];
const personIds: string[] = [];
let consultationId = '';
const workDir = tempDir();
let runs = 0;
let runsWithConflicts = 0;
let resolutions = 0;
let runsWithPruning = 0;

beforeAll(async () => {
  template = await Promise.all(NAMES.map((n) => makeDevice(n)));
  const [office, l1, l2] = template as [Device, Device, Device];
  await pair(office, l1);
  await pair(office, l2);
  for (const name of ['田中 一', '高橋 二']) {
    const c = await office.call(
      'consultation.record',
      consultationInput({ person: { mode: 'new', data: { name } } }),
    );
    personIds.push(c.person!.id);
  }
  consultationId = (await office.call('consultation.record', consultationInput({ summary: '基本' }))).id;
  for (const [from, to] of [...LINKS, ...LINKS]) await sync(template[from]!, template[to]!);
  for (const d of template) await d.fx.runtime.lock();
}, 60_000);

afterAll(async () => {
  for (const d of template) await d.close();
  workDir.cleanup();
  // the generator must produce what the property is about
  expect(runs).toBeGreaterThanOrEqual(50);
  expect(runsWithConflicts).toBeGreaterThan(0);
  expect(resolutions).toBeGreaterThan(0);
  expect(runsWithPruning).toBeGreaterThan(0);
});

/** Fresh copies of the three template devices, each with its own clock (skewed by fast-check). */
async function copies(run: number, skews: number[]): Promise<{ nodes: Node[]; tick: () => void }> {
  let t = Date.parse('2025-06-02T03:00:00Z');
  const nodes: Node[] = [];
  for (const [i, d] of template.entries()) {
    const src = d.fx.runtime.config.casefile;
    const dst = join(workDir.dir, `r${run}-${i}.yorisoi`);
    copyFileSync(src, dst);
    copyFileSync(`${src}.keys`, `${dst}.keys`);
    const runtime = new AppRuntime({ casefile: dst, now: () => new Date(t + skews[i]!) });
    const ctx = await runtime.login(ADMIN.login, ADMIN.passphrase);
    const dispatcher = createDispatcher(runtime, ALL_HANDLERS, { logInternal: (_c, e) => console.error(e) });
    nodes.push({
      runtime,
      deviceId: ctx.deviceId,
      async call(c, input) {
        const r = await dispatcher.dispatch(c, input);
        if (!r.ok) throw new AppError(r.error.code, r.error.message);
        return r.data as never;
      },
    });
  }
  return { nodes, tick: () => (t += 1000) };
}

type Settle = { dev: number; choice: 'keep' | 'take' };

async function run(cmds: Cmd[], skews: number[], settle: Settle[]): Promise<void> {
  const n = runs++;
  const { nodes, tick } = await copies(n, skews);
  const inFlight: { file: string; to: number; kind: 'bundle' | 'receipt' }[] = [];
  let files = 0;
  const fileName = () => join(workDir.dir, `r${n}-f${files++}.age`);
  const exportBundle = async (from: number, to: number) => {
    const path = fileName();
    await nodes[from]!.call('sync.exportBundle', { peer: nodes[to]!.deviceId, path });
    return path;
  };
  const deliver = async (f: (typeof inFlight)[number]) => {
    if (f.kind === 'bundle') await nodes[f.to]!.call('sync.importBundle', { path: f.file });
    else await nodes[f.to]!.call('sync.importReceipt', { path: f.file });
  };
  /** One full exchange, then the checks: same data, no op lost, same conflict list. */
  const exchangeAndCompare = async (): Promise<string[]> => {
    // the laptops first hand everything to the office, which then hands everything out
    for (const [from, to] of LINKS) {
      await nodes[to]!.call('sync.importBundle', { path: await exportBundle(from, to) });
    }
    // the op logs themselves differ: each device prunes what all its peers hold (prune.ts)
    const states = await Promise.all(
      nodes.map(async (x) => ({ ...(await syncedState(x.runtime.context().db)), opLog: null })),
    );
    expect(states[1]).toEqual(states[0]);
    expect(states[2]).toEqual(states[0]);
    // no op lost: every device holds (in its log, or pruned below its floor) every op each
    // device ever wrote, and an op still in two logs is the same op in both
    const lastSeq = async (x: (typeof nodes)[number]) =>
      (await x.call('sync.status', {})).vector[x.deviceId] ?? 0;
    for (const x of nodes) {
      const own = await lastSeq(x);
      for (const y of nodes) {
        const held = (await y.call('sync.status', {})).vector[x.deviceId];
        expect(held).toBe(own);
      }
    }
    const logs = await Promise.all(
      nodes.map(
        async (x) =>
          new Map(
            (await syncedState(x.runtime.context().db)).opLog.map((o) => {
              const r = JSON.parse(o) as { origin: string; seq: number };
              return [`${r.origin} ${r.seq}`, o] as const;
            }),
          ),
      ),
    );
    for (const a of logs)
      for (const b of logs) for (const [k, o] of a) if (b.has(k)) expect(b.get(k)).toBe(o);
    // the run pruned what every peer held somewhere (after the template's own first pruning)
    const pruned = await Promise.all(
      nodes.map((x) => x.runtime.context().db.selectFrom('op_floor').select('seq').execute()),
    );
    if (pruned.some((rows) => rows.length > 0)) runsWithPruning++;
    // the list each device shows (its order is each device's own: newest first where it noticed)
    const lists = await Promise.all(
      nodes.map(async (x) =>
        (await x.call('sync.conflicts', {})).map((c) => `${c.id} ${c.current.hlc}`).sort(),
      ),
    );
    expect(lists[1]).toEqual(lists[0]);
    expect(lists[2]).toEqual(lists[0]);
    return lists[0]!;
  };
  try {
    for (const c of cmds) {
      tick();
      switch (c.t) {
        case 'edit': {
          const node = nodes[c.dev]!;
          const id = personIds[c.person]!;
          const p = await node.call('person.get', { id });
          const changes = {
            name: p.name,
            phone: p.phone,
            address: p.address,
            notes: p.notes,
            [c.field]: `${c.field}${VALUES[c.value]}`,
          };
          await node.call('person.update', { id, expectedVersion: p.version, changes });
          break;
        }
        case 'editConsultation': {
          const node = nodes[c.dev]!;
          const cur = await node.call('consultation.get', { id: consultationId });
          const categories = [['1.1'], ['2.4'], ['3.1', '1.1']][c.categories]!;
          await node.call('consultation.update', {
            id: consultationId,
            expectedVersion: cur.version,
            changes: consultationInput({
              summary: `要約${VALUES[c.summary]}`,
              categories,
              mainCategory: categories[0],
              responders: cur.responders.map((r) => ({ staffId: r.staffId, profession: r.profession })),
            }) as never,
          });
          break;
        }
        case 'record':
          await nodes[c.dev]!.call(
            'consultation.record',
            consultationInput(
              c.person === null ? {} : { person: { mode: 'existing', personId: personIds[c.person]! } },
            ),
          );
          break;
        case 'resolve': {
          // a person settles one of the conflicts this device lists (as the screen does)
          const open = await nodes[c.dev]!.call('sync.conflicts', {});
          if (open.length) {
            const pick = open[c.pick % open.length]!;
            await nodes[c.dev]!.call('sync.resolveConflict', { id: pick.id, choice: c.choice });
            resolutions++;
          }
          break;
        }
        case 'export': {
          const [from, to] = LINKS[c.link]!;
          inFlight.push({ file: await exportBundle(from, to), to, kind: 'bundle' });
          break;
        }
        case 'receipt': {
          const [from, to] = LINKS[c.link]!;
          const path = fileName();
          await nodes[from]!.call('sync.exportReceipt', { peer: nodes[to]!.deviceId, path });
          inFlight.push({ file: path, to, kind: 'receipt' });
          break;
        }
        case 'deliver':
          // any file in flight, possibly again: reordered and duplicated
          if (inFlight.length) await deliver(inFlight[c.pick % inFlight.length]!);
          break;
        case 'drop':
          if (inFlight.length) inFlight.splice(c.pick % inFlight.length, 1);
          break;
      }
    }
    const lists = await exchangeAndCompare();
    if (lists.length) runsWithConflicts++;
    // people settle conflicts on some devices (keep or take back); after one more exchange every
    // device agrees again, and the settled conflicts are listed nowhere
    const settled: string[] = [];
    for (const st of settle) {
      const open = await nodes[st.dev]!.call('sync.conflicts', {});
      const pick = open.find((c) => !settled.includes(c.id));
      if (!pick) continue;
      await nodes[st.dev]!.call('sync.resolveConflict', { id: pick.id, choice: st.choice });
      settled.push(pick.id);
      resolutions++;
    }
    if (settled.length) {
      const after = await exchangeAndCompare();
      for (const id of settled) expect(after.some((l) => l.startsWith(`${id} `))).toBe(false);
    }
  } finally {
    for (const x of nodes) await x.runtime.lock();
  }
}

describe('convergence under lossy, duplicated, reordered exchange', () => {
  it('every device ends with identical data and conflict list (an op still in two pruned logs is the same op), also after conflicts are settled', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(cmd, { minLength: 4, maxLength: 18 }),
        fc.array(fc.integer({ min: -3_600_000, max: 3_600_000 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.record({ dev, choice: fc.constantFrom('keep' as const, 'take' as const) }), {
          maxLength: 3,
        }),
        (cmds, skews, settle) => run(cmds, skews, settle),
      ),
      { numRuns: 50 },
    );
  }, 120_000);
});
