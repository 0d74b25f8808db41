import type { BoardRow } from '../../../shared/contract/coordination';
import { cliText, fill } from '../cli-text';
import { COORDINATION_KINDS, COORDINATION_URGENCIES } from '../../../shared/vocab/coordination-kinds';
import { vocabLabel } from '../../../shared/vocab/vocab';
import type { Out } from './casefile-commands';
import { openCliSession } from './session-door';

/**
 * `coordination list`: the board of admission and respite requests (open by default: most
 * urgent first, then the earliest wanted date), as JSON or one tab-separated line each.
 */
export async function coordinationList(argv: string[], out: Out): Promise<void> {
  const s = await openCliSession(argv, { state: 'string' });
  try {
    const v = s.values;
    const rows = await s.call<BoardRow[]>('coordination.list', {
      ...(typeof v.state === 'string' ? { state: v.state } : {}),
    });
    if (v.json) out(JSON.stringify(rows, null, 2));
    else {
      for (const r of rows)
        out(
          [
            vocabLabel(COORDINATION_URGENCIES, r.urgency, 'ja') ?? r.urgency,
            r.wantedFrom,
            vocabLabel(COORDINATION_KINDS, r.kind, 'ja') ?? r.kind,
            r.personName ?? '',
            `${r.asked}院に照会・${r.refused}院不可`,
            r.nextCallBackAt ? `折り返し ${r.nextCallBackAt}` : '',
            r.id,
          ].join('\t'),
        );
      out(fill(cliText().count, { count: rows.length }));
    }
  } finally {
    await s.close();
  }
}
