import type { z } from 'zod';
import type { ErrorDetail } from '../errors';

/**
 * One contract channel: zod schemas for input and output, and whether it needs an unlocked
 * session. The dispatcher validates both sides; the renderer gets the types.
 */
export type ChannelAuth = 'none' | 'session';

export interface ChannelDef<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  A extends ChannelAuth = ChannelAuth,
> {
  input: I;
  output: O;
  /** 'none': works while locked (first run, login); 'session': needs an unlocked case file */
  auth: A;
}

export function channel<I extends z.ZodType, O extends z.ZodType, A extends ChannelAuth>(
  def: ChannelDef<I, O, A>,
): ChannelDef<I, O, A> {
  return def;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ErrorDetail };
