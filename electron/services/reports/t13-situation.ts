/**
 * Table 13: what is recorded about the patient's situation, counted — 受給者証, 身体障害者手帳,
 * 介護保険, 診断の状況, 転帰, and the medical devices (人工呼吸器 …).
 * - One-value items: 延件数 by the value recorded with each consultation; 実人数 by each person's
 *   last consultation in scope (as table 6), so the rows add up; empty → 未記入.
 * - Devices (several per consultation): per device, the consultations that recorded it and the
 *   persons with it; then consultations with any device, with none, and all.
 */
import type { ReportTable, ReportTableId } from '../../../shared/contract/reports';
import {
  DIAGNOSIS_STATUSES,
  DISABILITY_CERTIFICATE_STATUSES,
  LONG_TERM_CARE_LEVELS,
  MEDICAL_DEVICES,
  OUTCOMES,
  RECIPIENT_CERTIFICATE_STATUSES,
} from '../../../shared/vocab';
import type { VocabEntry } from '../../../shared/vocab/vocab';
import type { ServiceContext } from '../context';
import { countAll, countValues, get } from './count-groups';
import { cellOf, countLatest, sum } from './count-latest';
import { selectionOf, type ColumnName } from './report-selection';
import type { ReportScope } from './report-scope';
import { reportText, type ReportText } from './report-text';
import { columnsOf, item, labelOf, makeTable, NOT_RECORDED, orderedKeys, total } from './report-table';

function oneValue(
  id: ReportTableId,
  column: ColumnName,
  list: readonly VocabEntry[],
  heading: keyof ReportText['columns'],
) {
  return async (ctx: ServiceContext, s: ReportScope): Promise<ReportTable> => {
    const t = reportText(s.lang);
    const col = columnsOf(t);
    const m = await countLatest(ctx, s, [column], (v) => v ?? NOT_RECORDED);
    const keys = orderedKeys([...list.map((x) => x.code), NOT_RECORDED], m.keys());
    const all = sum(m, () => true);
    return makeTable(
      id,
      s,
      [col.text(heading), col.num('visits'), col.num('persons')],
      [
        ...keys.map((k) => item(k, [labelOf(list, k, s), cellOf(m, k).visits, cellOf(m, k).persons])),
        total([t.rows.total, all.visits, all.persons]),
      ],
      't13',
    );
  };
}

export const t13RecipientCert = oneValue(
  't13-recipient-cert',
  'recipientCert',
  RECIPIENT_CERTIFICATE_STATUSES,
  'recipientCert',
);
export const t13DisabilityCert = oneValue(
  't13-disability-cert',
  'disabilityCert',
  DISABILITY_CERTIFICATE_STATUSES,
  'disabilityCert',
);
export const t13Ltc = oneValue('t13-ltc', 'ltcLevel', LONG_TERM_CARE_LEVELS, 'ltcLevel');
export const t13Diagnosis = oneValue('t13-diagnosis', 'diagnosisStatus', DIAGNOSIS_STATUSES, 'diagnosis');
export const t13Outcome = oneValue('t13-outcome', 'outcome', OUTCOMES, 'outcome');

export async function t13Devices(ctx: ServiceContext, s: ReportScope): Promise<ReportTable> {
  const t = reportText(s.lang);
  const col = columnsOf(t);
  const sel = await selectionOf(ctx, s);
  const by = countValues(sel, sel.devices);
  const keys = orderedKeys(
    MEDICAL_DEVICES.map((d) => d.code),
    by.keys(),
  );
  const d = sel.devices;
  const withAny = countAll(sel, (i) => d.start[i + 1]! > d.start[i]!);
  const none = countAll(sel, (i) => d.start[i + 1]! === d.start[i]!);
  const all = countAll(sel);
  return makeTable(
    't13-devices',
    s,
    [col.text('device'), col.num('visits'), col.num('persons')],
    [
      ...keys.map((k) => item(k, [labelOf(MEDICAL_DEVICES, k, s), get(by, k).visits, get(by, k).persons])),
      item('with_any', [t.rows.withAnyDevice, withAny.visits, withAny.persons]),
      item('no_device', [t.rows.noDevice, none.visits, none.persons]),
      total([t.rows.total, all.visits, all.persons]),
    ],
    't13',
  );
}
