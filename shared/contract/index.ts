import type { z } from 'zod';
import { activityChannels } from './activities';
import { backupChannels } from './backup';
import { casefileChannels } from './casefile';
import { centerChannels } from './center';
import type { ApiResult, ChannelDef } from './channel';
import { consultationChannels } from './consultations';
import { coordinationChannels } from './coordination';
import { demoChannels } from './demo';
import { directoryChannels } from './directory';
import { draftChannels } from './drafts';
import { eventChannels } from './events';
import { followUpChannels } from './followups';
import { letterChannels } from './letters';
import { masterChannels } from './masters';
import { personChannels } from './persons';
import { reportChannels } from './reports';
import { securityChannels } from './security';
import { sessionChannels } from './session';
import { staffChannels } from './staff';
import { syncChannels } from './sync';

/** Every channel of the contract: the one list the three doors (IPC, web host, CLI) share. */
export const CHANNELS = {
  ...sessionChannels,
  ...consultationChannels,
  ...personChannels,
  ...followUpChannels,
  ...directoryChannels,
  ...staffChannels,
  ...syncChannels,
  ...masterChannels,
  ...eventChannels,
  ...activityChannels,
  ...centerChannels,
  ...reportChannels,
  ...draftChannels,
  ...backupChannels,
  ...coordinationChannels,
  ...letterChannels,
  ...securityChannels,
  ...casefileChannels,
  ...demoChannels,
} satisfies Record<string, ChannelDef>;

export type Channels = typeof CHANNELS;
export type ChannelName = keyof Channels;
/** What a caller passes (defaults may be omitted). */
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
/** What a handler receives after validation. */
export type ParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export const CHANNEL_NAMES = Object.keys(CHANNELS) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(CHANNELS, name);
}

/** The renderer's view of the backend (window.api in Electron, fetch in browser mode). */
export interface YorisoiApi {
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ApiResult<ChannelOutput<C>>>;
  /** Electron only: the shell locked the case file (sleep, screen lock) */
  onLocked?(listener: () => void): void;
}

export type { ApiResult, ChannelDef } from './channel';
