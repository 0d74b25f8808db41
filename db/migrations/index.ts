import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-consultation-core';
import * as m0003 from './0003-events';
import * as m0004 from './0004-sync';
import * as m0005 from './0005-recent-index';
import * as m0006 from './0006-referrals-letters';
import * as m0007 from './0007-audit-chain';
import * as m0008 from './0008-coordination';
import * as m0009 from './0009-referral-coordination';
import * as m0010 from './0010-center-identity';
import * as m0011 from './0011-continuity-history';
import * as m0012 from './0012-activities-designations';
import * as m0013 from './0013-search-names-serials';
import * as m0014 from './0014-short-term-search';
import * as m0015 from './0015-sync-review';
import * as m0016 from './0016-clock-skew';
import * as m0017 from './0017-op-floor';
import * as m0018 from './0018-report-lists';
import * as m0019 from './0019-save-pages';

/**
 * Every migration, in order, listed in code so a bundler keeps them. Names never change;
 * the schema version of a case file is the number of migrations it has run.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-consultation-core': m0002,
  '0003-events': m0003,
  '0004-sync': m0004,
  '0005-recent-index': m0005,
  '0006-referrals-letters': m0006,
  '0007-audit-chain': m0007,
  '0008-coordination': m0008,
  '0009-referral-coordination': m0009,
  '0010-center-identity': m0010,
  '0011-continuity-history': m0011,
  '0012-activities-designations': m0012,
  '0013-search-names-serials': m0013,
  '0014-short-term-search': m0014,
  '0015-sync-review': m0015,
  '0016-clock-skew': m0016,
  '0017-op-floor': m0017,
  '0018-report-lists': m0018,
  '0019-save-pages': m0019,
};

export const MIGRATION_NAMES = Object.keys(MIGRATIONS).sort();
export const SCHEMA_VERSION = MIGRATION_NAMES.length;
