import { useCallback, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { call } from '../../api/client';

export type SyncJob = NonNullable<ChannelOutput<'sync.progress'>['job']>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs a long export or import while polling `sync.progress` for the bar. The main process
 * answers the poll from memory while the call's transaction runs. One job at a time.
 */
export function useSyncJob(intervalMs = 200) {
  const [job, setJob] = useState<SyncJob | null>(null);
  const running = useRef(false);

  const run = useCallback(
    async <T>(kind: SyncJob['kind'], work: () => Promise<T>): Promise<T> => {
      running.current = true;
      setJob({ kind, phase: 'start', done: 0, total: null, startedAt: new Date().toISOString() });
      let active = true;
      const poll = async () => {
        while (active) {
          await sleep(intervalMs);
          if (!active) return;
          try {
            const { job: now } = await call('sync.progress', {});
            if (active && now) setJob(now);
          } catch {
            // the bar is a courtesy: a failed poll changes nothing
          }
        }
      };
      void poll();
      try {
        return await work();
      } finally {
        active = false;
        running.current = false;
        setJob(null);
      }
    },
    [intervalMs],
  );
  return { job, busy: job !== null, run };
}
