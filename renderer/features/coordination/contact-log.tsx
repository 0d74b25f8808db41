import { useTranslation } from 'react-i18next';
import type { ContactDto } from '../../../shared/contract/coordination';
import { DateBoth } from '../../components/date-both';
import { atBoth } from './local-now';

/** Every call of the request, in the order they were made. */
export function ContactLog({ contacts }: { contacts: ContactDto[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  return (
    <fieldset>
      <legend>{t('coordination.contact.title')}</legend>
      {contacts.length === 0 ? (
        <p className="hint">{t('coordination.contact.none')}</p>
      ) : (
        <table className="table" data-testid="contact-log">
          <thead>
            <tr>
              <th>{t('coordination.contact.when')}</th>
              <th>{t('coordination.contact.hospital')}</th>
              <th>{t('coordination.contact.answer')}</th>
              <th>{t('coordination.contact.note')}</th>
              <th>{t('coordination.contact.by')}</th>
            </tr>
          </thead>
          <tbody>
            {contacts.map((k) => (
              <tr key={k.id} data-contact={k.institutionName}>
                <td>
                  <DateBoth value={k.contactedAt} />
                </td>
                <td>{k.institutionName}</td>
                <td>
                  <span className={`answer ${k.answer}`}>{t(`vocab.contactAnswer.${k.answer}`)}</span>
                  {k.refusalReason && ` · ${t(`vocab.refusalReason.${k.refusalReason}`)}`}
                  {k.callBackAt && (
                    <>
                      <br />
                      <small>
                        {t('coordination.contact.callBack', {
                          at: atBoth(k.callBackAt, lang),
                          state: k.followUpState ? t(`vocab.followUpState.${k.followUpState}`) : '—',
                        })}
                      </small>
                    </>
                  )}
                </td>
                <td>{[k.refusalNote, k.note].filter(Boolean).join(' / ')}</td>
                <td>{k.contactedByName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </fieldset>
  );
}
