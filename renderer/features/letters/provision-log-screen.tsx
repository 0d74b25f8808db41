import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProvisionRow } from '../../../shared/contract/letters';
import { call } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import { ErrorMessage } from '../../components/error-message';
import { useNav } from '../../stores/nav-store';
import { saveFile } from './save-file';
import { useCan } from '../../hooks/use-can';
import './letters.css';

/** 提供記録: every letter issued about one person and every copy that left, printable. */
export function ProvisionLogScreen() {
  const { t } = useTranslation();
  const personId = useNav((s) => s.personId);
  const openPerson = useNav((s) => s.openPerson);
  const mayPrint = useCan('letter.export');
  const [data, setData] = useState<{ personName: string | null; rows: ProvisionRow[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    if (personId) call('letter.provisionLog', { personId }).then(setData, setError);
  }, [personId]);
  useEffect(load, [load]);
  async function print() {
    if (!personId) return;
    setError(null);
    try {
      saveFile(await call('letter.provisionLogPdf', { personId }));
      load();
    } catch (e) {
      setError(e);
    }
  }
  if (!data) return <ErrorMessage error={error} />;
  return (
    <section className="provision-log" aria-label={t('letters.provision.heading')}>
      <header className="screen-header">
        <h1>
          {t('letters.provision.heading')}：{data.personName ?? '—'}
        </h1>
        {personId && (
          <button type="button" onClick={() => openPerson(personId)}>
            {t('letters.back')}
          </button>
        )}
        {mayPrint && (
          <button type="button" className="primary" onClick={() => void print()}>
            {t('letters.provision.print')}
          </button>
        )}
      </header>
      <p className="hint">{t('letters.provision.intro')}</p>
      <ErrorMessage error={error} />
      {data.rows.length === 0 ? (
        <p className="hint">{t('letters.provision.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('letters.provision.at')}</th>
              <th>{t('letters.provision.kind')}</th>
              <th>{t('letters.provision.number')}</th>
              <th>{t('letters.provision.recipient')}</th>
              <th>{t('letters.provision.items')}</th>
              <th>{t('letters.provision.ground')}</th>
              <th>{t('letters.provision.by')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r, i) => (
              <tr key={i} data-kind={r.kind}>
                <td>
                  <DateBoth value={r.at} />
                </td>
                <td>{t(`letters.provision.kinds.${r.kind}`)}</td>
                <td>{r.documentNumber ?? '—'}</td>
                <td>{r.recipient ?? '—'}</td>
                <td>
                  <small>{r.dataItems.map((c) => t(`vocab.consentItem.${c}`)).join(' / ')}</small>
                </td>
                <td>
                  {r.override ? (
                    <span className="tag warn">{r.consentLine}</span>
                  ) : (
                    <small>{r.consentLine ?? r.fileName}</small>
                  )}
                </td>
                <td>{r.by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
