import { todayLocal, type ServiceContext } from '../context';

/** Now as a local date-time to the minute (YYYY-MM-DDTHH:MM), as calls are written down. */
export function nowLocalMinute(ctx: ServiceContext): string {
  const d = ctx.now();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${todayLocal(ctx)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A local date-time given with or without seconds, to the minute. */
export const toMinute = (s: string) => s.slice(0, 16);
