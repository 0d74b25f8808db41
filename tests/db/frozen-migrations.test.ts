import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATION_NAMES } from '../../db/migrations';

/**
 * A migration that has shipped is frozen: case files out there have run it, and they never run
 * it again, so an edit only makes new files differ from old ones (0007 was edited after it
 * shipped). Change the schema with a new migration instead. Line endings are normalized so a
 * Windows checkout hashes the same. The helper the migrations call is frozen with them.
 * 0014–0019 ship with this round (search by 1–2 characters, sync review, clock skew, the op
 * log's floor, the report's copy of the lists, fewer indexes written per save).
 */
const FROZEN: Record<string, string> = {
  'sql-helper.ts': 'f0bf3355145e2e767fd30ae2845f844d96699dfcaa1c499e03a597be6d40c6c5',
  '0001-foundation.ts': 'b89bebed66028247a3e7b5d3c6760d88f6354bd013553dc611a195777005ffba',
  '0002-consultation-core.ts': '0cdfc0cf8c4c34207178bc4e2d70844c2771c7a9bffe4447261bc52ddb4c2098',
  '0003-events.ts': 'ef45904d9fe433f9593fdef413ff28f83f33a8ee6951a713cae5f6c06c796a69',
  '0004-sync.ts': '62ad2e2b524dab6a09a7d731c78473078a0d81af0fc95ea5afe933684a077d59',
  '0005-recent-index.ts': '39ffd56171ab9154f6ec0c641355730d0dfbeca502c13f10aa171f7584f6598b',
  '0006-referrals-letters.ts': 'f1bb4b403f209cd78c8d85d9ca642cc7deebc165b85038ea0da5a834ee98a329',
  '0007-audit-chain.ts': '94731e3bbf548a616d14dea985640d19e2134fa6805eef9bbdd26ec0a6baba32',
  '0008-coordination.ts': 'a86951745bb1f86913a113974fb16d044d9f7bf931b93cc0919716c69af41eda',
  '0009-referral-coordination.ts': 'fd718687528e32b1f1560af451da0d805e8e7500cf5ca13e69fc7de4bf0a4da7',
  '0010-center-identity.ts': 'b3cfcb04067b233b40eee6280e53f0a3e0fc98519d81224adafe6f7660012257',
  '0011-continuity-history.ts': '82cacc82f0a4b7ec3c0234a8125a368dbd193c7d3b9981d97bb4bd54bd4f769c',
  '0012-activities-designations.ts': '5f73176d249a6207595efb35bfb3bea220b81f18275cadf583f44b8254a35106',
  '0013-search-names-serials.ts': '7beb2c8e0d646b7914ee58e583555bb24d9d996634515a5001ec5187c98ef5f8',
  '0014-short-term-search.ts': '7694b1f9e6026eb4572cf624495dc92aefb2f2c4587caf2255de0d2f63765847',
  '0015-sync-review.ts': '08d9233f8d27cb364b328a4249c738b70300da100adb52349eb0745a2257a925',
  '0016-clock-skew.ts': 'e1c7ff451a800392610201bdf9c7f25867ad9af9b470ca68fbae93d5a44b14c5',
  '0017-op-floor.ts': 'd22a9b810ed5b5bd42c26b437d3857f7b7256e76e4e4088fa5a434edbbdd0dcb',
  '0018-report-lists.ts': '0853a78b2b8a0ae03c64b5e84eb6ff8f5a64de3dd4c4f2e884d2bb39afe9d06a',
  '0019-save-pages.ts': 'cf050c5cb2e85f1595ef86e3a0d00653ff9bf8a08ebb2a31b7d60a6be643763a',
};

function migrationHash(file: string): string {
  const text = readFileSync(join(__dirname, '../../db/migrations', file), 'utf8').replace(/\r\n/g, '\n');
  return createHash('sha256').update(text).digest('hex');
}

describe('frozen migrations', () => {
  it.each(Object.keys(FROZEN))('%s is unchanged since it shipped', (file) => {
    expect(migrationHash(file), `${file} is frozen: add a new migration instead of editing it`).toBe(
      FROZEN[file],
    );
  });

  it('the frozen migrations are still the first migrations, in order (a new one is appended, never inserted)', () => {
    const frozen = Object.keys(FROZEN)
      .filter((f) => /^\d{4}-/.test(f))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(MIGRATION_NAMES.slice(0, frozen.length)).toEqual(frozen);
  });
});
