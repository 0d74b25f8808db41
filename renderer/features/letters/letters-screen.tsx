import { useTranslation } from 'react-i18next';
import { useNav } from '../../stores/nav-store';
import { LetterheadForm } from './letterhead-form';
import { ReferralWorkspace } from './referral-workspace';
import { RegisterTable } from './register-table';
import { useCan } from '../../hooks/use-can';
import './letters.css';

/** 紹介・文書: one referral's workspace, or the register of every letter issued. */
export function LettersScreen() {
  const { t } = useTranslation();
  const referralId = useNav((s) => s.referralId);
  const mayConfigure = useCan('letter.settings');
  if (referralId) return <ReferralWorkspace key={referralId} id={referralId} />;
  return (
    <section aria-label={t('letters.title')}>
      <header className="screen-header">
        <h1>{t('letters.title')}</h1>
      </header>
      <RegisterTable />
      {mayConfigure && <LetterheadForm />}
    </section>
  );
}
