import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';

export interface SyncJob {
  kind: 'export' | 'import';
  phase: string;
  done: number;
  total: number | null;
  startedAt: string;
}

/**
 * The export or import under way, per unlocked case file, for `sync.progress`. The long call
 * awaits between pages of ops, so a second call can read this while the first runs (it reads
 * memory only: the database is busy with the first call's transaction).
 */
const jobs = new WeakMap<object, SyncJob>();

export interface ProgressSink {
  update(phase: string, done: number, total?: number | null): void;
  end(): void;
}

export function startJob(
  ctx: ServiceContext,
  kind: SyncJob['kind'],
  onProgress?: (job: SyncJob) => void,
): ProgressSink {
  // one at a time: a second one would wait for the first's transaction and hide its progress
  if (jobs.has(ctx.caseFile)) {
    throw new AppError('SYNC_BUSY', `A sync ${jobs.get(ctx.caseFile)!.kind} is under way.`);
  }
  const job: SyncJob = { kind, phase: 'start', done: 0, total: null, startedAt: ctx.now().toISOString() };
  jobs.set(ctx.caseFile, job);
  return {
    update(phase, done, total) {
      job.phase = phase;
      job.done = done;
      if (total !== undefined) job.total = total;
      onProgress?.({ ...job });
    },
    end() {
      if (jobs.get(ctx.caseFile) === job) jobs.delete(ctx.caseFile);
    },
  };
}

export function currentJob(ctx: ServiceContext): SyncJob | null {
  const j = jobs.get(ctx.caseFile);
  return j ? { ...j } : null;
}
