import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { MUNICIPALITIES_CSV } from '../../shared/masters/embedded/municipalities-csv';
import { NANBYO_CSV } from '../../shared/masters/embedded/nanbyo-csv';

it('the embedded masters are byte-identical to the CSVs (run scripts/gen-masters.mjs)', () => {
  expect(NANBYO_CSV).toBe(readFileSync('shared/masters/data/shitei-nanbyo.csv', 'utf8'));
  expect(MUNICIPALITIES_CSV).toBe(readFileSync('shared/masters/data/municipalities.csv', 'utf8'));
});
