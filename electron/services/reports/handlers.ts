import type { HandlerMap } from '../handler-types';
import { buildReport } from './build-report';
import { exportReport } from './export/export-report';

type ReportChannels = 'report.build' | 'report.export';

/** Statistics: 'consultation.viewAll' (the channel's, checked by the dispatcher; buildReport checks it too). */
export const reportHandlers: HandlerMap<ReportChannels> = {
  'report.build': (ctx, i) => buildReport(ctx, i),
  'report.export': (ctx, i) => exportReport(ctx, i),
};
