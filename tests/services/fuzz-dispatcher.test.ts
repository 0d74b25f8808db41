import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import { CHANNEL_NAMES, type ChannelName } from '../../shared/contract';
import { ERROR_CODES } from '../../shared/errors';
import { SAMPLE } from '../fixtures/channel-samples';
import { dataHash, installChangeCounter, removeChangeCounter } from '../fixtures/fuzz-tools';
import { serviceFixture } from '../fixtures/service-fixture';
import { consultationInput } from '../sync/sync-helpers';

/**
 * Every contract channel's input, fuzzed through the real dispatcher and use cases: random JSON,
 * and valid inputs with leaves replaced, keys dropped or added, types changed. No case may
 * crash, answer INTERNAL or break the contract's answer shape; a refused call changes no data
 * (a row counter on every data table, and the full data hash every 250th case); the file stays
 * intact and its audit chain unbroken.
 * Left out: the session channels that end or switch the session or run the passphrase KDF
 * (login, create, demo, lock, change passphrase), and those that replace or re-key the case
 * file (restore, rotate the key); each has its own tests. Fields naming a path
 * or folder are kept inside a scratch folder, so the fuzzer never writes elsewhere on the disk.
 */
const RUNS = Number(process.env.YORISOI_FUZZ_RUNS ?? 10_000);
const SKIP = new Set<string>([
  'session.create',
  'session.login',
  'session.openDemo',
  'session.lock',
  'session.changePassphrase',
  'backup.restore',
  'backup.restoreLost',
  'casefile.rotateKey',
]);
const channels = CHANNEL_NAMES.filter((c) => !SKIP.has(c));
const CODES = new Set<string>(ERROR_CODES);

let fx: Awaited<ReturnType<typeof serviceFixture>>;
let scratch = '';
const ids: string[] = [];
const tmpBefore = process.env.TMPDIR;

beforeAll(async () => {
  process.env.TMPDIR = '/dev/shm';
  fx = await serviceFixture();
  scratch = mkdtempSync('/dev/shm/yorisoi-fuzz-paths-');
  const d = createDispatcher(fx.runtime, ALL_HANDLERS);
  // a few real rows, so mutated inputs that keep a real id reach the use case's checks
  const person = await d.dispatch('person.create', { name: '試験 花子', residence: 'in_pref' });
  const c = await d.dispatch('consultation.record', consultationInput({ summary: '試験' }));
  const f = await d.dispatch('followup.create', { title: '電話', dueDate: '2025-06-10' });
  for (const r of [person, c, f]) if (r.ok) ids.push((r.data as { id: string }).id);
  // the device's sync keys are made on first use, by whichever sync call comes first (even one
  // that is then refused): make them now, so that one-time write is not taken for a refusal's
  await d.dispatch('sync.identity', {});
  ids.push(fx.admin.actor.id);
});
afterAll(async () => {
  process.env.TMPDIR = tmpBefore;
  await fx?.close();
  rmSync(scratch, { recursive: true, force: true });
});

type Json = unknown;
type Edit = { at: number; op: 'replace' | 'drop' | 'add' | 'id'; key: string; value: Json };

const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('replace' as const, 'drop' as const, 'add' as const, 'id' as const),
  key: fc.oneof(
    fc.constantFrom('id', 'path', 'folder', 'login', '__proto__', 'constructor'),
    fc.string({ maxLength: 8 }),
  ),
  value: fc.jsonValue({ maxDepth: 2 }),
});

/** Applies edits to a copy of a JSON value, walking to the `at`-th object or array inside it. */
function mutate(value: Json, edits: Edit[]): Json {
  const root = structuredClone(value ?? {}) as Json;
  for (const edit of edits) {
    const e = { ...edit, value: structuredClone(edit.value) }; // never share a node: no cycles
    const holders: (Record<string, Json> | Json[])[] = [];
    const walk = (v: Json) => {
      if (v && typeof v === 'object') {
        holders.push(v as Record<string, Json>);
        for (const x of Object.values(v)) walk(x);
      }
    };
    walk(root);
    if (!holders.length) return e.value;
    const h = holders[e.at % holders.length]!;
    const keys = Object.keys(h);
    const key = keys.length ? keys[e.at % keys.length]! : e.key;
    if (e.op === 'drop') delete (h as Record<string, Json>)[key];
    else if (e.op === 'add')
      Object.defineProperty(h, e.key, {
        value: e.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else if (e.op === 'id') (h as Record<string, Json>)[key] = ids[e.at % ids.length];
    else (h as Record<string, Json>)[key] = e.value;
  }
  return root;
}

/** Any string under a key that names a place on disk is moved into the scratch folder. */
function confine(v: Json): Json {
  if (Array.isArray(v)) return Array.from(v, confine);
  if (v && typeof v === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v)) {
      out[k] =
        /path|folder|file|dir|to/i.test(k) && typeof x === 'string'
          ? join(scratch, x.replace(/[^\w.-]/g, '_').slice(0, 40))
          : confine(x);
    }
    return out;
  }
  return v;
}

const caseArb = fc.record({
  channel: fc.constantFrom(...channels),
  mode: fc.constantFrom('random' as const, 'mutated' as const),
  random: fc.jsonValue({ maxDepth: 3 }),
  edits: fc.array(editArb, { minLength: 1, maxLength: 3 }),
});

it(`${RUNS} random and mutated inputs across ${channels.length} channels: coded answers only, refusals change nothing`, async () => {
  const sqlite = fx.runtime.context().caseFile.sqlite;
  const changes = installChangeCounter(sqlite);
  const internal: string[] = [];
  const d = createDispatcher(fx.runtime, ALL_HANDLERS, {
    logInternal: (c, e) => internal.push(`${c}: ${String(e).slice(0, 200)}`),
  });
  const outcomes: Record<string, number> = {};
  let n = 0;
  await fc.assert(
    fc.asyncProperty(caseArb, async (k) => {
      const raw = k.mode === 'random' ? k.random : mutate(SAMPLE[k.channel as ChannelName] ?? {}, k.edits);
      // what a door delivers is plain data (JSON over HTTP, structured clone over IPC)
      const input: unknown = JSON.parse(JSON.stringify(confine(raw)) ?? 'null');
      const sampled = ++n % 250 === 0;
      const hashBefore = sampled ? dataHash(sqlite) : '';
      const before = changes();
      const r = await d.dispatch(k.channel, input);
      expect(typeof r.ok).toBe('boolean');
      const code = r.ok ? 'ok' : r.error.code;
      outcomes[code] = (outcomes[code] ?? 0) + 1;
      expect(internal, `${k.channel} ${JSON.stringify(input)}`).toEqual([]);
      if (!r.ok) {
        expect(CODES.has(r.error.code)).toBe(true);
        expect(typeof r.error.message).toBe('string');
        expect(changes(), `${k.channel} refused with ${code} but wrote`).toBe(before);
        if (sampled) expect(dataHash(sqlite)).toBe(hashBefore);
      }
      // the session survives whatever came in
      expect(fx.runtime.context().caseFile.locked).toBe(false);
    }),
    { numRuns: RUNS, seed: 8_2025, endOnFailure: true },
  );
  removeChangeCounter(sqlite);
  const ctx = fx.runtime.context();
  expect((await ctx.caseFile.integrityCheck()).ok).toBe(true);
  expect(ctx.caseFile.verifyAuditChain().ok).toBe(true);
  expect(outcomes.INVALID_INPUT).toBeGreaterThan(RUNS / 4);
  expect(outcomes.ok).toBeGreaterThan(0);
  // nothing was written outside the scratch folder by channels that take paths (they are all under it)
  expect(readdirSync(scratch).every((f) => !f.includes('/'))).toBe(true);
  console.log(JSON.stringify({ metric: 'fuzz.dispatcher.outcomes', value: outcomes }));
}, 300_000);
