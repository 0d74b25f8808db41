import type { HandlerMap } from '../handler-types';
import { buildReport } from './build-report';
import { exportReport } from './export/export-report';

type ReportChannels = 'report.build' | 'report.export';

/** Statistics: 'consultation.viewAll' is required (checked in buildReport). */
export const reportHandlers: HandlerMap<ReportChannels> = {
  'report.build': (ctx, i) => buildReport(ctx, i),
  'report.export': (ctx, i) => exportReport(ctx, i),
};
