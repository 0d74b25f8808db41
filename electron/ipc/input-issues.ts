import type { z } from 'zod';
import type { InputIssue, IssueKind } from '../../shared/errors';

/**
 * A zod issue as the contract carries it: the path, and a kind (with its limit) the renderer
 * turns into a sentence with the field's own label. zod's English message stays for the CLI.
 */
export function inputIssue(i: z.core.$ZodIssue): InputIssue {
  const base = { path: i.path.map(String).join('.'), message: i.message };
  const { kind, limit } = kindOf(i);
  return limit === undefined ? { ...base, kind } : { ...base, kind, limit };
}

function kindOf(i: z.core.$ZodIssue): { kind: IssueKind; limit?: number } {
  switch (i.code) {
    case 'invalid_type':
      return { kind: 'required' };
    case 'too_small':
      if (i.origin === 'string' && Number(i.minimum) <= 1) return { kind: 'required' };
      if (i.origin === 'array' && Number(i.minimum) <= 1) return { kind: 'required' };
      return { kind: 'range', limit: Number(i.minimum) };
    case 'too_big':
      if (i.origin === 'string') return { kind: 'tooLong', limit: Number(i.maximum) };
      if (i.origin === 'array' || i.origin === 'set') return { kind: 'tooMany', limit: Number(i.maximum) };
      return { kind: 'range', limit: Number(i.maximum) };
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_key':
      return { kind: 'choice' };
    case 'invalid_format':
      return { kind: 'format' };
    case 'not_multiple_of':
      return { kind: 'range' };
    default:
      return { kind: 'invalid' };
  }
}
