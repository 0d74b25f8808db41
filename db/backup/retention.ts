/**
 * Which snapshots to keep: the newest of each of the last 7 days, the last 4 ISO weeks and the
 * last 12 months (grandfather–father–son). Everything else may be deleted. Pure, so the
 * policy is tested apart from the files.
 */
export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12 };

function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((t.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${week}`;
}

/** Returns the timestamps (ISO) to keep, given all snapshot timestamps. */
export function snapshotsToKeep(
  timestamps: string[],
  policy: RetentionPolicy = DEFAULT_RETENTION,
): Set<string> {
  const newestFirst = [...timestamps].sort().reverse();
  const keep = new Set<string>();
  const pick = (bucketOf: (d: Date) => string, limit: number) => {
    const seen = new Set<string>();
    for (const ts of newestFirst) {
      const bucket = bucketOf(new Date(ts));
      if (seen.has(bucket)) continue;
      if (seen.size >= limit) break;
      seen.add(bucket);
      keep.add(ts);
    }
  };
  pick((d) => d.toISOString().slice(0, 10), policy.daily);
  pick(isoWeek, policy.weekly);
  pick((d) => d.toISOString().slice(0, 7), policy.monthly);
  return keep;
}
