import { plainRecord } from './write-record';

/** A person's consent to give listed information to listed recipients; withdrawn, never deleted. */
export const consentRecord = plainRecord('consent');
