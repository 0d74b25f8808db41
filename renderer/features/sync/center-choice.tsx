import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract';
import { call } from '../../api/client';

type Preview = ChannelOutput<'sync.previewCard'>;
type Peer = ChannelOutput<'sync.status'>['peers'][number];

/**
 * The prefecture: which center a device being paired delivers for. A card whose center id is
 * already known (an office PC restored from a backup) joins that center by itself; a device set
 * up on its own (an outreach laptop that delivers directly) can be filed under a paired center,
 * so the センター別集計 shows one row per center.
 */
export function CenterChoice({
  preview,
  value,
  onChange,
}: {
  preview: Preview;
  value: string;
  onChange(deviceId: string): void;
}) {
  const { t } = useTranslation();
  const [centers, setCenters] = useState<Peer[]>([]);
  useEffect(() => {
    void call('sync.status', {})
      .then((s) => {
        // one device per center: the first listed
        const seen = new Set<string>();
        setCenters(
          s.peers.filter(
            (p) => p.role === 'center' && p.active && !seen.has(p.centerId) && !!seen.add(p.centerId),
          ),
        );
      })
      .catch(() => setCenters([]));
  }, []);
  const known = preview.sameCenterPeers[0];
  if (known)
    return (
      <p className="hint" data-testid="same-center">
        {t('sync.pairing.sameCenterFound', { name: known.label ?? known.centerName })}
      </p>
    );
  if (preview.role !== 'center' || centers.length === 0) return null;
  return (
    <label className="field" htmlFor="sync-same-center">
      <span>{t('sync.pairing.countAs')}</span>
      <select id="sync-same-center" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('sync.pairing.ownCenter', { name: preview.centerName })}</option>
        {centers.map((p) => (
          <option key={p.deviceId} value={p.deviceId}>
            {t('sync.pairing.sameAs', { name: p.label ? `${p.centerName}（${p.label}）` : p.centerName })}
          </option>
        ))}
      </select>
    </label>
  );
}
