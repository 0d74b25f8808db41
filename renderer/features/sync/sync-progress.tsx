import { useTranslation } from 'react-i18next';
import type { SyncJob } from './use-sync-job';

const PHASES = ['start', 'collect', 'write', 'apply', 'finish', 'done'];

/** The bar for a running export or import: phase, ops done of the total. */
export function SyncProgress({ job }: { job: SyncJob | null }) {
  const { t } = useTranslation();
  if (!job) return null;
  const phase = PHASES.includes(job.phase) ? job.phase : 'start';
  const label = t('sync.progress.title', {
    kind: t(`sync.progress.${job.kind}`),
    phase: t(`sync.progress.phases.${phase}`),
  });
  return (
    <div className="sync-progress" data-testid="sync-progress">
      <span>{label}</span>
      {job.total ? (
        <progress
          aria-label={t('sync.progress.label')}
          max={job.total}
          value={Math.min(job.done, job.total)}
        />
      ) : (
        <progress aria-label={t('sync.progress.label')} />
      )}
      <span className="hint">
        {job.total
          ? t('sync.progress.count', { done: job.done, total: job.total })
          : t('sync.progress.countOnly', { done: job.done })}
      </span>
    </div>
  );
}
