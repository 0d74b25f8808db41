import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session-store';

/**
 * The recovery code, shown once, on a sheet made to be printed and locked away. The app goes
 * on only after the user confirms it is stored.
 */
export function RecoverySheet({ code }: { code: string }) {
  const { t } = useTranslation();
  const confirm = useSession((s) => s.confirmRecoveryStored);
  const centerName = useSession((s) => s.status?.centerName ?? '');
  const [stored, setStored] = useState(false);
  return (
    <main className="centered-card recovery-sheet">
      <h1>{t('ui.recovery.title')}</h1>
      <p className="print-only">{centerName}</p>
      <p>{t('ui.recovery.explain')}</p>
      <p className="recovery-code" data-testid="recovery-code">
        {code}
      </p>
      <p className="print-only">
        {t('ui.recovery.printedOn', { date: new Date().toLocaleDateString('ja-JP') })}
      </p>
      <div className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t('ui.recovery.print')}
        </button>
        <label className="check">
          <input type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />
          {t('ui.recovery.confirm')}
        </label>
        <button type="button" className="primary" disabled={!stored} onClick={confirm}>
          {t('ui.recovery.continue')}
        </button>
      </div>
    </main>
  );
}
