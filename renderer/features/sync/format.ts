import type { TFunction } from 'i18next';
import type { PeerDto } from '../../../shared/contract/sync';

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant (ISO, UTC) as this machine's local `YYYY-MM-DDTHH:mm`, for DateBoth. */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The last part of a path (either separator: the file may be on a Windows stick). */
export const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** Devices of one center share its name: the label, then the name, tell them apart. */
export const peerName = (p: Pick<PeerDto, 'label' | 'centerName'>, t: TFunction) =>
  p.label ? t('sync.queue.peerName', { label: p.label, center: p.centerName }) : p.centerName;

export const shortId = (deviceId: string) => deviceId.slice(0, 8);
