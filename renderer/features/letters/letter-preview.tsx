import { useTranslation } from 'react-i18next';

/**
 * The letter exactly as the main process renders it for printing, in a sandboxed frame: no
 * scripts, its own opaque origin, and its own CSP (no requests) inside the document.
 */
export function LetterPreview({ html, busy }: { html: string; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="letter-preview">
      <div className="letter-preview-head">
        {t('letters.editor.preview')}
        {busy && <span className="hint"> {t('letters.editor.updating')}</span>}
      </div>
      <iframe title={t('letters.editor.preview')} sandbox="" srcDoc={html} />
    </div>
  );
}
