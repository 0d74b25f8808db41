import { REPORT_FORMATS, type ReportFile, type ReportFilter } from '../../../shared/contract/reports';
import { AppError } from '../../../shared/errors';
import { reserveExport } from '../../services/files/write-export';
import { str } from '../args';
import type { Out } from './casefile-commands';
import { openCliSession } from './session-door';

/** --event ID, or --site all|center|outreach (default all). */
function siteOf(site: unknown, event: unknown): ReportFilter['site'] {
  if (typeof event === 'string') return { kind: 'event', eventId: event };
  if (site === undefined || site === 'all') return { kind: 'all' };
  if (site === 'center' || site === 'outreach') return { kind: site };
  throw new AppError('INVALID_INPUT', '--site must be all, center or outreach');
}

/**
 * `report --fiscal-year YYYY [--from YYYY-MM --to YYYY-MM] [--site center|outreach | --event ID]
 *  --format json|csv|xlsx --out FILE`: the statistics of DOMAIN §6 as one file. It goes
 * through 'report.export', so the file is logged like any other export.
 */
export async function reportCommand(argv: string[], out: Out): Promise<void> {
  const s = await openCliSession(argv, {
    'fiscal-year': 'string',
    from: 'string',
    to: 'string',
    site: 'string',
    event: 'string',
    format: 'string',
    out: 'string',
    lang: 'string',
  });
  try {
    const v = s.values;
    const need = (name: string): string => {
      const x = v[name];
      if (typeof x !== 'string') throw new AppError('INVALID_INPUT', `--${name} is required`);
      return x;
    };
    const fiscalYear = Number(need('fiscal-year'));
    if (!/^\d{4}$/.test(need('fiscal-year')))
      throw new AppError('INVALID_INPUT', '--fiscal-year needs a year such as 2025');
    const format = need('format');
    if (!(REPORT_FORMATS as readonly string[]).includes(format))
      throw new AppError('INVALID_INPUT', `--format must be one of ${REPORT_FORMATS.join(', ')}`);
    const path = need('out');
    const site = siteOf(v.site, v.event);
    // the target is checked and its place taken before the export is made (and logged)
    const place = reserveExport(path, [str(v, 'casefile')]);
    let file: ReportFile;
    try {
      file = await s.call<ReportFile>('report.export', {
        fiscalYear,
        ...(typeof v.from === 'string' ? { fromMonth: v.from } : {}),
        ...(typeof v.to === 'string' ? { toMonth: v.to } : {}),
        site,
        format,
        ...(v.lang === 'en' ? { lang: 'en' } : {}),
      });
    } catch (e) {
      place.abort();
      throw e;
    }
    place.commit(Buffer.from(file.base64, 'base64'));
    out(`${path}\t${file.bytes} bytes\t(${file.filename})`);
  } finally {
    await s.close();
  }
}
