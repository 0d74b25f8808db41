/** A stored UTC time as the local date and time people read. */
export function localIso(utc: string): string {
  const d = new Date(utc);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
