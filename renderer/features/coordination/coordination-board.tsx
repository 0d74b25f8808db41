import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardRow } from '../../../shared/contract/coordination';
import { call } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import { ErrorMessage } from '../../components/error-message';
import { useNav } from '../../stores/nav-store';
import { NeedsChips } from './needs-chips';
import './coordination.css';
import { RadioToggles } from '../../components/radio-toggles';

const STATES = ['open', 'ended', 'all'] as const;

/**
 * The board of admission and respite requests: open ones most urgent first, then by the
 * earliest wanted date (the order comes from the service). One row per request, with how many
 * hospitals were asked and refused, and the next call-back.
 */
export function CoordinationBoard() {
  const { t } = useTranslation();
  const open = useNav((s) => s.openCoordination);
  const [state, setState] = useState<(typeof STATES)[number]>('open');
  const [rows, setRows] = useState<BoardRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    call('coordination.list', { state }).then(setRows, setError);
  }, [state]);

  return (
    <section className="coordination" aria-label={t('coordination.board.title')}>
      <header className="screen-header">
        <h1>{t('coordination.board.title')}</h1>
        <RadioToggles
          label={t('coordination.board.stateLabel')}
          options={STATES}
          value={state}
          onChange={setState}
          text={(s) => t(`coordination.board.states.${s}`)}
        />
      </header>
      <ErrorMessage error={error} />
      {rows && rows.length === 0 && <p className="hint">{t('coordination.board.empty')}</p>}
      {rows && rows.length > 0 && (
        <table className="table board" data-testid="coordination-board">
          <thead>
            <tr>
              <th>{t('coordination.board.urgency')}</th>
              <th>{t('coordination.board.person')}</th>
              <th>{t('coordination.board.kind')}</th>
              <th>{t('coordination.board.wanted')}</th>
              <th>{t('coordination.board.needs')}</th>
              <th>{t('coordination.board.progress')}</th>
              <th>
                {state === 'open' ? t('coordination.board.nextCallBack') : t('coordination.board.outcome')}
              </th>
              <th>{t('coordination.board.owner')}</th>
              <th>
                <span className="sr-only">{t('ui.common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-request={r.id} className={`urgency-${r.urgency}`}>
                <td>
                  <span className={`urgency ${r.urgency}`}>
                    {t(`vocab.coordinationUrgency.${r.urgency}`)}
                  </span>
                </td>
                <td className="who">
                  <button type="button" className="link" onClick={() => open(r.id)}>
                    {r.personName}
                  </button>
                  {!r.mayContact && r.state === 'open' && (
                    <span className="badge">{t('coordination.board.noConsent')}</span>
                  )}
                </td>
                <td>{t(`vocab.coordinationKind.${r.kind}`)}</td>
                <td className="dates">
                  <DateBoth value={r.wantedFrom} />
                  {r.wantedTo && (
                    <>
                      <br />〜 <DateBoth value={r.wantedTo} />
                    </>
                  )}
                </td>
                <td>
                  <NeedsChips needs={r.needs} />
                </td>
                <td className="nowrap">
                  {t('coordination.board.progressValue', { asked: r.asked, refused: r.refused })}
                </td>
                <td>
                  {r.state === 'open' ? (
                    <DateBoth value={r.nextCallBackAt} />
                  ) : (
                    <>
                      {t(`vocab.coordinationState.${r.state}`)}
                      {r.acceptedInstitutionName && ` · ${r.acceptedInstitutionName}`}
                    </>
                  )}
                </td>
                <td className="nowrap">{r.ownerName}</td>
                <td>
                  <button type="button" onClick={() => open(r.id)}>
                    {t('coordination.board.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
