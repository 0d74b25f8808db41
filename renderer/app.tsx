import { useTranslation } from 'react-i18next';

/** App shell. The screens arrive with the counselor's-screens issue. */
export function App() {
  const { t } = useTranslation();
  return (
    <main>
      <h1>{t('app.title')}</h1>
      <p>{t('app.tagline')}</p>
    </main>
  );
}
