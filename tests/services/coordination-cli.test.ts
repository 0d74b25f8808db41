import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run-cli';
import type { BoardRow } from '../../shared/contract/coordination';
import { ADMIN } from '../fixtures/temp-casefile';
import {
  coordinationFixture,
  respiteInput,
  SHIKI,
  VERBAL_CONSENT,
  type CoordinationFx,
} from '../fixtures/coordination-fixture';

let fx: CoordinationFx;
let casefile = '';
const ids: Record<string, string> = {};

async function cli(...argv: string[]): Promise<string[]> {
  const lines: string[] = [];
  await runCli(argv, (l) => lines.push(l));
  return lines;
}
const door = () => ['--casefile', casefile, '--login', 'admin'];

beforeAll(async () => {
  fx = await coordinationFixture();
  const h = await fx.hospital('甲病院', 'こうびょういん', 'core_cooperating_hospital', SHIKI);
  const a = await fx.patientConsultation('架空 一郎');
  const b = await fx.patientConsultation('架空 二郎');
  ids.planned = (
    await fx.call(
      'coordination.open',
      respiteInput(a.consultationId, { urgency: 'planned', consent: VERBAL_CONSENT }),
    )
  ).id;
  ids.urgent = (
    await fx.call(
      'coordination.open',
      respiteInput(b.consultationId, { urgency: 'urgent', consent: VERBAL_CONSENT }),
    )
  ).id;
  await fx.call('coordination.logContact', {
    requestId: ids.urgent,
    institutionId: h.id,
    contactedAt: '2025-06-02T09:00',
    answer: 'pending',
    callBackAt: '2025-06-02T16:00',
  });
  casefile = join(fx.dir, 'case.yorisoi');
  await fx.runtime.lock(); // the CLI opens the file itself
  process.env.YORISOI_PASSPHRASE = ADMIN.passphrase;
}, 60_000);
afterAll(async () => {
  delete process.env.YORISOI_PASSPHRASE;
  await fx.close();
});

describe('yorisoi coordination list', () => {
  it('--json prints the board, most urgent first', async () => {
    const rows = JSON.parse(
      (await cli('coordination', 'list', ...door(), '--json')).join('\n'),
    ) as BoardRow[];
    expect(rows.map((r) => [r.id, r.urgency, r.personName, r.asked, r.nextCallBackAt])).toEqual([
      [ids.urgent, 'urgent', '架空 二郎', 1, '2025-06-02T16:00'],
      [ids.planned, 'planned', '架空 一郎', 0, null],
    ]);
  });

  it('prints one line per request without --json; --state ended lists none yet', async () => {
    const lines = await cli('coordination', 'list', ...door());
    expect(lines).toEqual([
      `至急\t2025-06-20\tレスパイト（一時入院）\t架空 二郎\t1院に照会・0院不可\t折り返し 2025-06-02T16:00\t${ids.urgent}`,
      `予定\t2025-06-20\tレスパイト（一時入院）\t架空 一郎\t0院に照会・0院不可\t\t${ids.planned}`,
      '2 rows',
    ]);
    expect(await cli('coordination', 'list', ...door(), '--state', 'ended', '--json')).toEqual(['[]']);
  });

  it('is in yorisoi help; a bad --state is INVALID_INPUT', async () => {
    expect((await cli('help')).join('\n')).toContain('coordination list --casefile F --login L');
    const code = await cli('coordination', 'list', ...door(), '--state', 'closed').then(
      () => 'ok',
      (e: { code?: string }) => e.code,
    );
    expect(code).toBe('INVALID_INPUT');
  });
});
