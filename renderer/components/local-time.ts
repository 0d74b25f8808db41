const ZONED = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A moment as the user's clock shows it, `YYYY-MM-DDTHH:MM`. The case file stores instants in
 * UTC (`…Z`: drafts, audit entries, cases opened, letters issued); what people typed as local
 * (a consultation's 受付日時, a date) carries no zone and is returned as it is.
 */
export function toLocalDateTime(value: string): string {
  if (!ZONED.test(value)) return value;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
