import type { z } from 'zod';
import type { ChannelName, Channels } from '../../shared/contract';
import type { AppRuntime } from '../app/runtime';
import type { ServiceContext } from './context';

/** A use case behind one channel: gets validated input, returns the output's shape. */
export type SessionHandler<C extends ChannelName> = (
  ctx: ServiceContext,
  input: z.output<Channels[C]['input']>,
) => Promise<z.input<Channels[C]['output']>>;

/** Channels that work without an unlocked case file (first run, login, lock). */
export type RuntimeHandler<C extends ChannelName> = (
  runtime: AppRuntime,
  input: z.output<Channels[C]['input']>,
) => Promise<z.input<Channels[C]['output']>>;

type AuthOf<C extends ChannelName> = Channels[C]['auth'];

export type HandlerFor<C extends ChannelName> =
  AuthOf<C> extends 'none' ? RuntimeHandler<C> : SessionHandler<C>;

/** A map of handlers for some channels; the dispatcher merges them and checks all are there. */
export type HandlerMap<Cs extends ChannelName> = { [C in Cs]: HandlerFor<C> };
