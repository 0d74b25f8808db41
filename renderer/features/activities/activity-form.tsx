import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityDto } from '../../../shared/contract/activities';
import type { InstitutionDto } from '../../../shared/contract/directory';
import { ACTIVITY_KINDS } from '../../../shared/vocab/activity-kinds';
import { call } from '../../api/client';
import { CodeSelect } from '../../components/code-select';
import { DateInput } from '../../components/date-input';
import { ErrorMessage } from '../../components/error-message';
import { isComposing, onEnter } from '../../components/ime';
import { emptyActivity, fromActivity, toActivityInput, type ActivityForm } from './activity-form-state';

/**
 * Record or edit a 地域支援対策事業, 協議会, 支援者会議 or 日常生活用具の展示: kind, title or topic, date
 * (和暦 or 西暦), place, the institutions that attended (typed or from the directory), how many
 * people came, notes. Enter never saves (IME); Ctrl+S does.
 */
export function ActivityFormPanel({
  editing,
  defaultDate,
  onSaved,
  onCancel,
}: {
  editing: ActivityDto | null;
  defaultDate: string;
  onSaved(a: ActivityDto): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ActivityForm>(() =>
    editing ? fromActivity(editing) : emptyActivity(defaultDate),
  );
  const [attendee, setAttendee] = useState('');
  const [institutions, setInstitutions] = useState<InstitutionDto[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const patch = (p: Partial<ActivityForm>) => setForm((f) => ({ ...f, ...p }));

  useEffect(() => {
    call('institution.list', {}).then(setInstitutions, () => setInstitutions([]));
  }, []);

  const addAttendee = (name: string, institutionId: string | null = null) => {
    const n = name.trim();
    if (!n || form.attendees.some((a) => a.name === n)) return;
    patch({ attendees: [...form.attendees, { name: n, institutionId }] });
  };

  async function save() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const changes = toActivityInput(form);
      const saved = editing
        ? await call('activity.update', { id: editing.id, expectedVersion: editing.version, changes })
        : await call('activity.create', changes);
      onSaved(saved);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (isComposing(e)) return;
    if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'Enter')) {
      e.preventDefault();
      void save();
    } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
      e.preventDefault(); // a plain Enter in a text box never submits
    }
  }

  const heading = editing ? t('activities.editTitle') : t('activities.newTitle');
  return (
    <form
      className="event-form card"
      aria-label={heading}
      onKeyDown={onKeyDown}
      onSubmit={(e) => e.preventDefault()}
    >
      <h2>{heading}</h2>
      <div className="grid">
        <CodeSelect
          id="activity-kind"
          list="activityKind"
          codes={ACTIVITY_KINDS.map((k) => k.code)}
          value={form.kind}
          onChange={(v) => v && patch({ kind: v as ActivityForm['kind'] })}
          label={t('activities.kind')}
        />
        <label className="field">
          <span>{t('activities.titleLabel')}</span>
          <input value={form.title} onChange={(e) => patch({ title: e.target.value })} />
        </label>
        <DateInput label={t('activities.date')} value={form.date} onChange={(date) => patch({ date })} />
        <label className="field">
          <span>{t('activities.place')}</span>
          <input value={form.place} onChange={(e) => patch({ place: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('activities.participants')}</span>
          <input
            inputMode="numeric"
            value={form.participants}
            onChange={(e) => patch({ participants: e.target.value })}
          />
        </label>
      </div>
      <fieldset className="organisers">
        <legend>{t('activities.attendees')}</legend>
        <ul className="chips">
          {form.attendees.map((a) => (
            <li key={a.name}>
              {a.name}
              <button
                type="button"
                aria-label={t('activities.removeAttendee', { name: a.name })}
                onClick={() => patch({ attendees: form.attendees.filter((x) => x !== a) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <div className="organiser-add">
          <label className="field">
            <span>{t('activities.attendeeName')}</span>
            <input
              value={attendee}
              onChange={(e) => setAttendee(e.target.value)}
              onKeyDown={onEnter(() => {
                addAttendee(attendee);
                setAttendee('');
              })}
            />
          </label>
          <button
            type="button"
            onClick={() => {
              addAttendee(attendee);
              setAttendee('');
            }}
          >
            {t('activities.addAttendee')}
          </button>
          <label className="field">
            <span>{t('activities.fromDirectory')}</span>
            <select
              value=""
              onChange={(e) => {
                const inst = institutions.find((i) => i.id === e.target.value);
                if (inst) addAttendee(inst.name, inst.id);
              }}
            >
              <option value="">—</option>
              {institutions.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </fieldset>
      <label className="field wide">
        <span>{t('activities.notes')}</span>
        <textarea rows={3} value={form.notes} onChange={(e) => patch({ notes: e.target.value })} />
      </label>
      <ErrorMessage error={error} />
      <footer className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          {t('activities.save')} <kbd>Ctrl+S</kbd>
        </button>
        <button type="button" onClick={onCancel}>
          {t('activities.cancel')}
        </button>
      </footer>
    </form>
  );
}
