import type { z } from 'zod';
import type { ChannelPolicies } from '../../shared/channel-access';
import type { ChannelInput, ChannelName, ChannelOutput, Channels } from '../../shared/contract';
import type { AppRuntime } from '../app/runtime';
import type { UnitOfWork, WriteUnit } from './unit-of-work';

type In<C extends ChannelName> = z.output<Channels[C]['input']>;
type Out<C extends ChannelName> = Promise<z.input<Channels[C]['output']>>;
type TxOf<C extends ChannelName> = ChannelPolicies[C]['tx'];

/** A use case behind one channel: a unit of work (never the raw connection) and validated input. */
export type SessionHandler<C extends ChannelName> = (uow: UnitOfWork, input: In<C>) => Out<C>;

/** A `write` channel's use case: it runs inside its transaction, with the record writers. */
export type WriteHandler<C extends ChannelName> = (uow: WriteUnit, input: In<C>) => Out<C>;

/**
 * Calls another channel through the dispatcher (input checked, permission, transaction,
 * audit): how a first-run or demo step continues once a session exists.
 */
export type ChannelRunner = <C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
) => Promise<ChannelOutput<C>>;

/** Channels that work without an unlocked case file (first run, login, lock). */
export type RuntimeHandler<C extends ChannelName> = (
  runtime: AppRuntime,
  input: In<C>,
  run: ChannelRunner,
) => Out<C>;

export type HandlerFor<C extends ChannelName> =
  TxOf<C> extends 'none' ? RuntimeHandler<C> : TxOf<C> extends 'write' ? WriteHandler<C> : SessionHandler<C>;

/** A map of handlers for some channels; the dispatcher merges them and checks all are there. */
export type HandlerMap<Cs extends ChannelName> = { [C in Cs]: HandlerFor<C> };
