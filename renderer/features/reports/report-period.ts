import { fiscalYearOf, formatFiscalYear } from '../../../shared/dates/fiscal-year';

/** Today's local date (ISO): the fiscal year the screen opens on. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function currentFiscalYear(now = new Date()): number {
  return fiscalYearOf(todayIso(now));
}

/** The fiscal years offered: this one and the nine before it, newest first. */
export function fiscalYearChoices(current: number, count = 10): number[] {
  return Array.from({ length: count }, (_, i) => current - i);
}

/** The twelve months of a fiscal year, in order: 2025-04 … 2026-03. */
export function monthsOfFiscalYear(fy: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const m = ((i + 3) % 12) + 1;
    const y = m >= 4 ? fy : fy + 1;
    return `${y}-${String(m).padStart(2, '0')}`;
  });
}

/** 令和7年度 as the label's era part (ja), or the same for the English "(Reiwa 7)" style. */
export function warekiFiscalYear(fy: number): string {
  return formatFiscalYear(fy, 'ja');
}
