import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { ALL_HANDLERS } from '../../electron/ipc/handlers';
import {
  CHANNEL_NAMES,
  CHANNELS,
  type ChannelInput,
  type ChannelOutput,
  type YorisoiApi,
} from '../../shared/contract';

describe('the contract', () => {
  it('every channel has a handler, and every handler a channel', () => {
    expect(Object.keys(ALL_HANDLERS).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const name of CHANNEL_NAMES) expect(typeof ALL_HANDLERS[name], name).toBe('function');
  });

  it('every channel has zod input and output schemas and an auth rule', () => {
    for (const name of CHANNEL_NAMES) {
      const def = CHANNELS[name];
      expect(def.input, name).toBeInstanceOf(z.ZodType);
      expect(def.output, name).toBeInstanceOf(z.ZodType);
      expect(['none', 'session']).toContain(def.auth);
    }
  });

  it('only first-run, login, status, lock and a restore where no case file is left work without a session', () => {
    const open = CHANNEL_NAMES.filter((n) => CHANNELS[n].auth === 'none').sort();
    expect(open).toEqual([
      'backup.restoreLost',
      'session.create',
      'session.lock',
      'session.login',
      'session.openDemo',
      'session.status',
    ]);
  });

  it('the renderer-side type follows the contract', () => {
    type Call = YorisoiApi['call'];
    expectTypeOf<Parameters<Call>[0]>().toEqualTypeOf<(typeof CHANNEL_NAMES)[number]>();
    expectTypeOf<ChannelInput<'consultation.get'>>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<ChannelOutput<'session.lock'>>().toEqualTypeOf<{ ok: true }>();
  });
});
