import type { ReactNode } from 'react';

/**
 * Runs one action of the sync screen: clears the last message, shows what `work` returns as
 * the new message (or its error, translated), then reloads the queue. True when it worked.
 */
export type Act = (work: () => Promise<ReactNode | void>) => Promise<boolean>;
