import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinationRequestDto } from '../../../shared/contract/coordination';
import type { ReferralDto } from '../../../shared/contract/letters';
import { call } from '../../api/client';
import { useCan } from '../../hooks/use-can';
import { useNav } from '../../stores/nav-store';

/**
 * On an accepted request: make the T3 letter to the accepting hospital (a referral linked to
 * the request, filled from it) and open it on the letters screen; once it exists, open it.
 */
export function T3LetterButton({
  request,
  onError,
}: {
  request: CoordinationRequestDto;
  onError(e: unknown): void;
}) {
  const { t } = useTranslation();
  const openReferral = useNav((s) => s.openReferral);
  const mayRefer = useCan('referral.manage');
  const mayRead = useCan('letter.view');
  const [linked, setLinked] = useState<ReferralDto | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call('referral.list', { coordinationRequestId: request.id }).then(
      (rs) => setLinked(rs.find((r) => r.state !== 'cancelled') ?? null),
      onError,
    );
  }, [request.id, onError]);

  async function make() {
    setBusy(true);
    try {
      const r = await call('referral.create', { coordinationRequestId: request.id });
      openReferral(r.id);
    } catch (e) {
      setBusy(false);
      onError(e);
    }
  }

  if (linked === undefined) return null;
  if (linked)
    return (
      <p className="t3-letter">
        <span className="hint">
          {t('coordination.end.letterMade', {
            state: t(`vocab.referralState.${linked.state}`),
            count: linked.letterCount,
          })}
        </span>{' '}
        {mayRead && (
          <button type="button" className="primary" onClick={() => openReferral(linked.id)}>
            {t('coordination.end.openLetter')}
          </button>
        )}
      </p>
    );
  return (
    <>
      <p className="hint">{t('coordination.end.letterHint')}</p>
      {mayRefer && (
        <p className="t3-letter">
          <button type="button" className="primary" disabled={busy} onClick={() => void make()}>
            {t('coordination.end.makeLetter')}
          </button>
        </p>
      )}
    </>
  );
}
