import { join } from 'node:path';
import { setBenchKdfLog2N } from '../../db/crypto/kdf';
import { AppRuntime } from '../../electron/app/runtime';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import { INSTITUTION_CAPABILITIES } from '../../shared/vocab/institution-capabilities';
import { percentile, report, round, timeMsAsync } from './measure';

const HOSPITALS = 400;
const REQUESTS = 300;
const CALLS_PER_REQUEST = 6;
const TARGET_MS = 200;
const MUNICIPALITIES = ['112283', '112275', '112291', '112305', '112011', '112038', '111031', '112020'];
const TYPES = [
  'hub_hospital',
  'core_cooperating_hospital',
  'general_cooperating_institution',
  'nanbyo_cooperating_institution',
  'other_medical',
] as const;

/**
 * Admission coordination at the size of a busy prefecture: 400 hospitals in the directory
 * (about the size of a prefecture's whole network), 300 open requests with 6 calls each. Times
 * the candidate list of one request, the board of all open requests, and logging one call
 * (p50 / p95 of 30 runs each, through the dispatcher, in the encrypted case file). Target: the
 * p95 of each under 200 ms, so the screen answers at once while a counselor is on the phone.
 */
export async function benchCoordination(dir: string): Promise<void> {
  setBenchKdfLog2N(10);
  try {
    await run(dir);
  } finally {
    setBenchKdfLog2N(null);
  }
}

async function run(dir: string): Promise<void> {
  let clock = new Date('2026-04-10T11:00:00');
  const runtime = new AppRuntime({ casefile: join(dir, 'coordination-bench.yorisoi'), now: () => clock });
  await runtime.create({
    centerName: 'ベンチ難病相談支援センター',
    displayName: '管理者',
    login: 'admin',
    passphrase: 'ベンチマーク用のパスフレーズ',
  });
  const dispatcher = createDispatcher(runtime, ALL_HANDLERS);
  const call = async (channel: string, input: unknown) => {
    const r = await dispatcher.dispatch(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.data as { id: string };
  };
  await call('institution.create', {
    type: 'health_center',
    name: '朝霞保健所',
    coveredMunicipalities: MUNICIPALITIES.slice(0, 4),
  });
  const hospitals: string[] = [];
  for (let i = 0; i < HOSPITALS; i++) {
    const caps = INSTITUTION_CAPABILITIES.filter((_, k) => (i * 7 + k * 3) % 5 < 3).map((c) => c.code);
    const h = await call('institution.create', {
      type: TYPES[i % TYPES.length],
      name: `架空病院${i}`,
      nameKana: `かくうびょういん${i}`,
      municipalityCode: MUNICIPALITIES[i % MUNICIPALITIES.length],
      capabilities: caps,
    });
    hospitals.push(h.id);
  }
  const requests: string[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const c = await call('consultation.record', {
      receivedAt: '2026-04-10T09:00',
      method: 'phone',
      consulter: 'spouse',
      person: { mode: 'new', data: { name: `架空 ${i}`, municipalityCode: MUNICIPALITIES[i % 4] } },
      categories: ['2.2'],
    });
    const r = await call('coordination.open', {
      consultationId: c.id,
      kind: i % 2 ? 'respite' : 'admission',
      reason: 'caregiver_rest',
      wantedFrom: '2026-04-20',
      urgency: ['urgent', 'soon', 'planned'][i % 3],
      needs: {
        ventilator: i % 3 ? 'tppv' : 'nppv',
        suction: 'frequent',
        gastrostomy: true,
        careLevel: 'high',
      },
      consent: { method: 'verbal', date: '2026-04-10' },
    });
    requests.push(r.id);
    for (let k = 0; k < CALLS_PER_REQUEST; k++) {
      await call('coordination.logContact', {
        requestId: r.id,
        institutionId: hospitals[(i * 13 + k * 17) % HOSPITALS],
        contactedAt: '2026-04-10T09:30',
        answer: 'refused',
        refusalReason: 'no_beds',
      });
    }
  }
  const sample = async (name: string, fn: (i: number) => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) times.push(await timeMsAsync(() => fn(i)));
    const p95 = percentile(times, 95);
    report({ metric: `${name}_p50`, value: round(percentile(times, 50), 1), unit: 'ms' });
    report({
      metric: `${name}_p95`,
      value: round(p95, 1),
      unit: 'ms',
      target: `< ${TARGET_MS}`,
      ok: p95 < TARGET_MS,
    });
  };
  await sample('coordination_candidates_400', (i) => call('coordination.candidates', { id: requests[i]! }));
  await sample('coordination_board_300', () => call('coordination.list', {}));
  clock = new Date('2026-04-10T11:30:00');
  await sample('coordination_log_contact', (i) =>
    call('coordination.logContact', {
      requestId: requests[i]!,
      institutionId: hospitals[(i * 31) % HOSPITALS],
      contactedAt: '2026-04-10T11:00',
      answer: 'pending',
      callBackAt: '2026-04-10T15:00',
    }),
  );
  await runtime.lock();
}
