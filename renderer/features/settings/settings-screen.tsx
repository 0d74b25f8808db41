import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/i18n';
import { useSettings } from '../../stores/settings-store';
import { CenterPrefecture } from './center-prefecture';

/** Language, auto-lock minutes, font size. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const s = useSettings();
  return (
    <section aria-label={t('ui.settings.title')} className="card">
      <h1>{t('ui.settings.title')}</h1>
      <label className="field">
        <span>{t('ui.settings.language')}</span>
        <select value={s.language} onChange={(e) => s.setLanguage(e.target.value as never)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`ui.settings.languages.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('ui.settings.autoLock')}</span>
        <input
          type="number"
          min={1}
          max={120}
          value={s.autoLockMinutes}
          onChange={(e) => s.setAutoLockMinutes(Number(e.target.value))}
        />
      </label>
      <label className="field">
        <span>{t('ui.settings.fontSize')}</span>
        <select value={s.fontSize} onChange={(e) => s.setFontSize(e.target.value as never)}>
          {(['normal', 'large', 'x-large'] as const).map((f) => (
            <option key={f} value={f}>
              {t(`ui.settings.fontSizes.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <CenterPrefecture />
      <p className="hint">{t('ui.settings.attribution')}</p>
    </section>
  );
}
