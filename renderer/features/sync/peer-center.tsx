import { useTranslation } from 'react-i18next';
import type { PeerDto } from '../../../shared/contract/sync';

/**
 * The prefecture: which center a paired device's consultations count for. Another center's
 * device (a laptop set up on its own, paired before it was filed) can be moved under it; what it
 * delivered meanwhile and was kept apart is then applied (sync.updatePeer sameCenterAs).
 */
export function PeerCenter({
  peer,
  peers,
  busy,
  onChange,
}: {
  peer: PeerDto;
  peers: PeerDto[];
  busy: boolean;
  onChange(sameCenterAs: string): void;
}) {
  const { t } = useTranslation();
  // one device per center, the others' centers only
  const seen = new Set<string>([peer.centerId]);
  const others = peers.filter(
    (p) => p.role === 'center' && p.active && !seen.has(p.centerId) && !!seen.add(p.centerId),
  );
  if (peer.role !== 'center' || others.length === 0) return null;
  const id = `peer-center-${peer.deviceId}`;
  return (
    <label className="field" htmlFor={id}>
      <span>{t('sync.pairing.countAs')}</span>
      <select id={id} value="" disabled={busy} onChange={(e) => e.target.value && onChange(e.target.value)}>
        <option value="">{t('sync.pairing.ownCenter', { name: peer.centerName })}</option>
        {others.map((p) => (
          <option key={p.deviceId} value={p.deviceId}>
            {t('sync.pairing.sameAs', { name: p.label ? `${p.centerName}（${p.label}）` : p.centerName })}
          </option>
        ))}
      </select>
    </label>
  );
}
