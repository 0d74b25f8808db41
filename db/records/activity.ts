import { plainRecord } from './write-record';

/** 地域支援対策事業 and meetings (0012): counts for the report, the rest stays home. */
export const activityRecord = plainRecord('activity');
