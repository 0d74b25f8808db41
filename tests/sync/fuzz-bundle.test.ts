import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decrypter, Encrypter } from 'age-encryption';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syncFileError } from '../../db/sync/envelope-reader';
import { ensureIdentity, type DeviceIdentity } from '../../db/sync/identity';
import { opLine } from '../../db/sync/op-line';
import { signText } from '../../db/sync/signing';
import { openVerified } from '../../electron/services/sync/open-verified';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import {
  byteMutation,
  dataHash,
  installChangeCounter,
  mutateBytes,
  removeChangeCounter,
} from '../fixtures/fuzz-tools';
import { consultationInput, exportTo, makeDevice, pair, type Device } from './sync-helpers';

/**
 * Fuzzing the bundle reader: a valid bundle with its bytes flipped, cut, inserted and
 * overwritten; random bytes; its plaintext mutated and encrypted again to the receiver (anyone
 * can encrypt to a public key); and its ops mutated and re-signed with the sender's key (a
 * paired device gone bad). Each case goes through the reader the import uses (decrypt, manifest,
 * recipient, sender, signature, every line, every op's shape); a case the reader accepts goes on
 * through the real import (sync.importBundle on the real dispatcher), and every 50th case goes
 * through the import whatever the reader said, so both answer alike. No case may crash or answer
 * INTERNAL; a refused bundle changes no data; the file stays intact.
 */
const RUNS = Number(process.env.YORISOI_FUZZ_RUNS ?? 10_000);
const REFUSALS = new Set([
  'BUNDLE_CORRUPT',
  'BUNDLE_WRONG_RECIPIENT',
  'BUNDLE_UNKNOWN_SENDER',
  'BUNDLE_BAD_SIGNATURE',
  'BUNDLE_TOO_NEW',
  'BUNDLE_WRONG_KIND',
  'BUNDLE_NOT_APPLICABLE',
]);

let a: Device;
let b: Device;
let good: Buffer;
let plain: string;
let scratch: string;
let recipient: string;
let senderKey: string;
let identity: DeviceIdentity;
const tmpBefore = process.env.TMPDIR;

beforeAll(async () => {
  process.env.TMPDIR = '/dev/shm'; // the case files live in memory: a fuzz case costs no fsync
  [a, b] = [await makeDevice('センターA'), await makeDevice('センターB')];
  await pair(a, b);
  for (let i = 0; i < 3; i++)
    await a.call('consultation.record', consultationInput({ summary: `要約 ${i}` }));
  const file = await exportTo(a, b);
  good = readFileSync(file);
  const dec = new Decrypter();
  dec.addIdentity((await ensureIdentity(b.db)).ageIdentity);
  plain = await dec.decrypt(good, 'text');
  scratch = mkdtempSync('/dev/shm/yorisoi-fuzz-');
  identity = await ensureIdentity(b.db);
  recipient = identity.ageRecipient;
  senderKey = (await ensureIdentity(a.db)).signPrivate;
});
afterAll(async () => {
  process.env.TMPDIR = tmpBefore;
  rmSync(scratch, { recursive: true, force: true });
  await a?.close();
  await b?.close();
});

type Case =
  | { kind: 'cipher'; mutations: Parameters<typeof mutateBytes>[1] }
  | { kind: 'random'; bytes: Uint8Array }
  | { kind: 'plain'; mutations: Parameters<typeof mutateBytes>[1] }
  | { kind: 'resigned'; line: number; field: string; value: unknown; raw: string | null };

const caseArb: fc.Arbitrary<Case> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('cipher' as const),
      mutations: fc.array(byteMutation, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 600 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('plain' as const),
      mutations: fc.array(byteMutation, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('resigned' as const),
      line: fc.nat(10),
      field: fc.constantFrom(
        'fields',
        'prev',
        'entity',
        'entityId',
        'seq',
        'hlc',
        'origin',
        'staffId',
        'extra',
      ),
      value: fc.jsonValue({ maxDepth: 3 }),
      raw: fc.option(fc.string({ maxLength: 80 }), { freq: 4 }),
    }),
  },
);

async function encryptToB(text: string | Uint8Array): Promise<Uint8Array> {
  const e = new Encrypter();
  e.addRecipient(recipient);
  return e.encrypt(text);
}

/** Ops changed, the manifest made to match them and signed again with a's real key. */
async function resigned(c: Extract<Case, { kind: 'resigned' }>): Promise<Uint8Array> {
  const [manifestLine, , ...rest] = plain.split('\n');
  const ops = rest.filter(Boolean);
  const at = c.line % ops.length;
  if (c.raw !== null) ops[at] = c.raw;
  else {
    const op = JSON.parse(ops[at]!) as Record<string, unknown>;
    op[c.field] = c.value;
    ops[at] = JSON.stringify(op);
  }
  const body = ops.map((l) => `${l}\n`).join('');
  const manifest = JSON.parse(manifestLine!) as Record<string, unknown>;
  manifest.body = { sha256: createHash('sha256').update(body).digest('hex'), bytes: Buffer.byteLength(body) };
  manifest.counts = { ...(manifest.counts as object), ops: ops.length };
  const line = JSON.stringify(manifest);
  const sig = JSON.stringify({ alg: 'ed25519', signature: signText(senderKey, line) });
  return encryptToB(`${line}\n${sig}\n${body}`);
}

/** The reader alone, as the import runs it before applying anything: 'ok' or the code. */
async function read(path: string): Promise<string> {
  let v: Awaited<ReturnType<typeof openVerified<'bundle'>>>;
  try {
    v = await openVerified(b.ctx, identity, path, 'bundle');
  } catch (e) {
    return syncFileError(e).code;
  }
  try {
    for (let line = await v.file.nextLine(); line; line = await v.file.nextLine()) {
      let raw: unknown;
      try {
        raw = JSON.parse(line.text);
      } catch {
        return 'BUNDLE_CORRUPT';
      }
      if (!opLine.safeParse(raw).success) return 'BUNDLE_CORRUPT';
    }
    return 'ok';
  } catch (e) {
    return syncFileError(e).code;
  } finally {
    await v.file.close();
  }
}

async function bytesFor(c: Case): Promise<Uint8Array> {
  if (c.kind === 'cipher') return mutateBytes(good, c.mutations);
  if (c.kind === 'random') return c.bytes;
  if (c.kind === 'plain') return encryptToB(mutateBytes(Buffer.from(plain), c.mutations));
  return resigned(c);
}

it(`${RUNS} random and mutated bundles: none crashes, a refused one changes nothing, the file stays intact`, async () => {
  const sqlite = b.ctx.caseFile.sqlite;
  const changes = installChangeCounter(sqlite);
  const dispatcher = createDispatcher(b.fx.runtime, ALL_HANDLERS, {
    logInternal: (c, e) => {
      throw new Error(`INTERNAL in ${c}: ${String(e)}`);
    },
  });
  const hashBefore = dataHash(sqlite);
  const seen: Record<string, number> = {};
  let accepted = 0;
  const timing: Record<string, [number, number, number]> = {};
  let n = 0;
  await fc.assert(
    fc.asyncProperty(caseArb, async (c) => {
      const path = join(scratch, `case-${n++}.age`);
      const t0 = performance.now();
      writeFileSync(path, await bytesFor(c));
      const t1 = performance.now();
      const before = changes();
      const byReader = await read(path);
      const t2 = performance.now();
      const full = byReader === 'ok' || n % 50 === 0;
      const r = full ? await dispatcher.dispatch('sync.importBundle', { path }) : null;
      const t3 = performance.now();
      rmSync(path, { force: true });
      timing[c.kind] = [
        (timing[c.kind]?.[0] ?? 0) + t1 - t0,
        (timing[c.kind]?.[1] ?? 0) + t2 - t1,
        (timing[c.kind]?.[2] ?? 0) + t3 - t2,
      ];
      const code = r ? (r.ok ? 'ok' : r.error.code) : byReader;
      seen[`${c.kind}:${code}`] = (seen[`${c.kind}:${code}`] ?? 0) + 1;
      if (r && byReader !== 'ok') expect(code, 'the import refuses what the reader refuses').toBe(byReader);
      if (code === 'ok') {
        accepted++;
        expect(r, 'only the full import says ok').not.toBeNull();
      } else {
        expect(REFUSALS.has(code), `${c.kind} answered ${code}`).toBe(true);
        expect(changes(), 'a refused bundle wrote to the case file').toBe(before);
      }
    }),
    { numRuns: RUNS, seed: 20251201 },
  );
  removeChangeCounter(sqlite);
  expect(Object.values(seen).reduce((x, y) => x + y, 0)).toBe(RUNS);
  // every kind of case reached the reader, and most were refused at their own step
  expect(Object.keys(seen).some((k) => k.startsWith('cipher:BUNDLE_CORRUPT'))).toBe(true);
  expect(Object.keys(seen).some((k) => k.startsWith('plain:BUNDLE_BAD_SIGNATURE'))).toBe(true);
  expect(Object.keys(seen).some((k) => k.startsWith('resigned:'))).toBe(true);
  const ctx = b.ctx;
  expect((await ctx.caseFile.integrityCheck()).ok).toBe(true);
  expect(ctx.caseFile.verifyAuditChain().ok).toBe(true);
  if (accepted === 0) expect(dataHash(sqlite)).toBe(hashBefore);
  console.log(JSON.stringify({ metric: 'fuzz.bundle.outcomes', value: seen }));
  console.log(JSON.stringify({ metric: 'fuzz.bundle.ms', value: timing }));
}, 300_000);
