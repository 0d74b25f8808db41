import type { Kysely } from 'kysely';
import { execAll } from './sql-helper';

/**
 * FROZEN. A referral may come from an admission or respite coordination (0008): once a hospital
 * has accepted (受入決定), the T3 letter to that hospital is a referral linked to the request, so
 * the letter is filled from it and the request can find its letter again.
 *
 * Nullable (most referrals have no request, and a `statistics` op leaves the link out), with a
 * foreign key to the request. No uniqueness: two devices may each link a referral to the same
 * request before they sync, and an import must not fail on that; the use case refuses a second
 * live one on its own device.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await execAll(db, [
    `ALTER TABLE referrals ADD COLUMN coordination_request_id TEXT REFERENCES coordination_requests(id)`,
    `CREATE INDEX referrals_coordination ON referrals(coordination_request_id)
       WHERE coordination_request_id IS NOT NULL`,
  ]);
}
