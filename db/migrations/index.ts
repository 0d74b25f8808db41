import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-consultation-core';

/**
 * Every migration, in order, listed in code so a bundler keeps them. Names never change;
 * the schema version of a case file is the number of migrations it has run.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-consultation-core': m0002,
};

export const MIGRATION_NAMES = Object.keys(MIGRATIONS).sort();
export const SCHEMA_VERSION = MIGRATION_NAMES.length;
