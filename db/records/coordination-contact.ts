import { plainRecord } from './write-record';

/** One call to one hospital for a coordination request, and its answer (append-only). */
export const coordinationContactRecord = plainRecord('coordination_contact');
