import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';

export type Flags = Record<string, string | boolean | undefined>;

/** Parses `--name value` flags; `required` names must be present. */
export function flags(argv: string[], spec: Record<string, 'string' | 'boolean'>, required: string[] = []) {
  const options = Object.fromEntries(Object.entries(spec).map(([k, type]) => [k, { type }]));
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new AppError('INVALID_INPUT', (e as Error).message);
  }
  const missing = required.filter((r) => parsed.values[r] === undefined);
  if (missing.length)
    throw new AppError('INVALID_INPUT', `Missing: ${missing.map((m) => `--${m}`).join(', ')}`);
  return { values: parsed.values as Flags, positionals: parsed.positionals };
}

export function str(v: Flags, name: string): string {
  const x = v[name];
  if (typeof x !== 'string') throw new AppError('INVALID_INPUT', `--${name} needs a value`);
  return x;
}
