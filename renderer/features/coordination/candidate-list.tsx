import { useTranslation } from 'react-i18next';
import type { CandidateDto } from '../../../shared/contract/coordination';
import { vocabKey } from '../../../shared/i18n/vocab-resources';
import { RadioToggles } from '../../components/radio-toggles';

export const WITHIN = ['all', 'prefecture', 'health_center', 'municipality'] as const;
export type Within = (typeof WITHIN)[number];

/** Hospitals to ask, best first (the order is the service's: candidate-order.ts). */
export function CandidateList({
  candidates,
  within,
  onWithin,
  onPick,
  mayLog,
}: {
  candidates: CandidateDto[];
  within: Within;
  onWithin(w: Within): void;
  onPick(c: CandidateDto): void;
  mayLog: boolean;
}) {
  const { t } = useTranslation();
  const cap = (code: string) => t(`vocab.institutionCapability.${vocabKey(code)}`);
  return (
    <fieldset>
      <legend>{t('coordination.candidates.title')}</legend>
      <div className="screen-header">
        <RadioToggles
          label={t('coordination.candidates.within')}
          options={WITHIN}
          value={within}
          onChange={onWithin}
          text={(w) => t(`coordination.candidates.withinOptions.${w}`)}
        />
        <span className="hint">{t('coordination.candidates.order')}</span>
      </div>
      {candidates.length === 0 ? (
        <p className="hint">{t('coordination.candidates.none')}</p>
      ) : (
        <table className="table" data-testid="candidates">
          <thead>
            <tr>
              <th>{t('coordination.candidates.name')}</th>
              <th>{t('coordination.candidates.designation')}</th>
              <th>{t('coordination.candidates.nearness')}</th>
              <th>{t('coordination.candidates.covers')}</th>
              <th>{t('coordination.candidates.last')}</th>
              <th>
                <span className="sr-only">{t('ui.common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((c) => (
              <tr
                key={c.institutionId}
                data-candidate={c.name}
                className={c.lastAnswer === 'refused' ? 'refused-row' : undefined}
              >
                <td className="who">
                  {c.name}
                  <br />
                  <small className="hint">{c.phone}</small>
                </td>
                <td>{t(`vocab.institutionType.${c.type}`)}</td>
                <td>{t(`coordination.candidates.nearnessValues.${c.nearness}`)}</td>
                <td>
                  <span className="needs">
                    {c.covered.map((x) => (
                      <span key={x} className="tag">
                        {cap(x)}
                      </span>
                    ))}
                    {c.missing.map((x) => (
                      <span key={x} className="tag missing" title={t('coordination.candidates.missing')}>
                        ✕ {cap(x)}
                      </span>
                    ))}
                  </span>
                </td>
                <td>
                  {c.lastAnswer && (
                    <span className={`answer ${c.lastAnswer}`}>
                      {t(`vocab.contactAnswer.${c.lastAnswer}`)}
                    </span>
                  )}
                </td>
                <td>
                  {mayLog && (
                    <button type="button" onClick={() => onPick(c)}>
                      {t('coordination.candidates.pick')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </fieldset>
  );
}
