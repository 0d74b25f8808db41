import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterEntry } from '../../../shared/contract/letters';
import { call } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import { ErrorMessage } from '../../components/error-message';
import { saveFile } from './save-file';
import { useCan } from '../../hooks/use-can';

/**
 * The register: who issued what to whom and when, which information, under which consent (or
 * the emergency exception). A reprint hands over the stored PDF byte for byte; saving a PDF is an
 * export. Both are logged before the file is handed over.
 */
export function RegisterTable({
  referralId,
  personId,
  refresh,
}: {
  referralId?: string;
  personId?: string;
  refresh?: number;
}) {
  const { t } = useTranslation();
  const mayCopy = useCan('letter.export');
  const [rows, setRows] = useState<LetterEntry[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    call('letter.register', {
      ...(referralId ? { referralId } : {}),
      ...(personId ? { personId } : {}),
    }).then((r) => setRows(r.rows), setError);
  }, [referralId, personId]);
  useEffect(load, [load, refresh]);

  async function copy(id: string, kind: 'letter.reprint' | 'letter.export') {
    setError(null);
    try {
      const file = await call(kind, { id });
      saveFile(file);
      setNote(t('letters.register.saved', { file: file.filename }));
      load();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className="register" aria-label={t('letters.register.heading')}>
      <h2>{t('letters.register.heading')}</h2>
      {rows.length === 0 ? (
        <p className="hint">{t('letters.register.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('letters.register.number')}</th>
              <th>{t('letters.register.issuedOn')}</th>
              <th>{t('letters.register.to')}</th>
              <th>{t('letters.register.person')}</th>
              <th>{t('letters.register.items')}</th>
              <th>{t('letters.register.ground')}</th>
              <th>{t('letters.register.by')}</th>
              <th>{t('letters.register.copies')}</th>
              <th>
                <span className="sr-only">{t('ui.common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((l) => (
              <tr key={l.id} data-letter={l.id}>
                <td>
                  {l.documentNumber}
                  <br />
                  <small>{t(`vocab.letterTemplate.${l.template}`)}</small>
                </td>
                <td>
                  <DateBoth value={l.issuedOn} />
                </td>
                <td>{l.addressee}</td>
                <td>{l.personName}</td>
                <td>
                  <small>{l.dataItems.map((i) => t(`vocab.consentItem.${i}`)).join(' / ')}</small>
                </td>
                <td>
                  {l.overrideReason ? (
                    <span className="tag warn" title={l.overrideReason}>
                      {t('letters.register.emergency')}：{l.overrideReason}
                    </span>
                  ) : (
                    <small>{l.consentLine}</small>
                  )}
                </td>
                <td>{l.issuedBy}</td>
                <td>{l.copies}</td>
                <td className="actions">
                  {mayCopy && (
                    <>
                      <button type="button" onClick={() => void copy(l.id, 'letter.reprint')}>
                        {t('letters.register.reprint')}
                      </button>
                      <button type="button" onClick={() => void copy(l.id, 'letter.export')}>
                        {t('letters.register.export')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {note && (
        <p className="ok" role="status">
          {note}
        </p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
