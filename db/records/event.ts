import { plainRecord } from './write-record';

/** Events: outreach days, 交流会, 講演会・研修会, peer trainings (statistics table 10). */
export const eventRecord = plainRecord('event');
