import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstitutionDto } from '../../../shared/contract/directory';
import { EVENT_KINDS, type EventDto } from '../../../shared/contract/events';
import { call } from '../../api/client';
import { CodeSelect } from '../../components/code-select';
import { DateInput } from '../../components/date-input';
import { ErrorMessage } from '../../components/error-message';
import { isComposing, onEnter } from '../../components/ime';
import { emptyEvent, fromEvent, toEventInput, type EventForm } from './event-form-state';

/**
 * Create or edit an event: kind, title, date (和暦 or 西暦), place, organisers (typed or from
 * the directory), participants (often added afterwards) and notes. Enter never saves (IME).
 */
export function EventFormPanel({
  editing,
  defaultDate,
  onSaved,
  onCancel,
}: {
  editing: EventDto | null;
  defaultDate: string;
  onSaved(e: EventDto): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<EventForm>(() => (editing ? fromEvent(editing) : emptyEvent(defaultDate)));
  const [organiser, setOrganiser] = useState('');
  const [institutions, setInstitutions] = useState<InstitutionDto[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const patch = (p: Partial<EventForm>) => setForm((f) => ({ ...f, ...p }));

  useEffect(() => {
    call('institution.list', {}).then(setInstitutions, () => setInstitutions([]));
  }, []);

  const addOrganiser = (name: string, institutionId: string | null = null) => {
    const n = name.trim();
    if (!n || form.organisers.some((o) => o.name === n)) return;
    patch({ organisers: [...form.organisers, { name: n, institutionId }] });
  };

  async function save() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const changes = toEventInput(form);
      const saved = editing
        ? await call('event.update', { id: editing.id, expectedVersion: editing.version, changes })
        : await call('event.create', changes);
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

  return (
    <form
      className="event-form card"
      aria-label={editing ? t('events.editTitle') : t('events.newTitle')}
      onKeyDown={onKeyDown}
      onSubmit={(e) => e.preventDefault()}
    >
      <h2>{editing ? t('events.editTitle') : t('events.newTitle')}</h2>
      <div className="grid">
        <CodeSelect
          id="event-kind"
          list="eventKind"
          codes={EVENT_KINDS.map((k) => k.code)}
          value={form.kind}
          onChange={(v) => v && patch({ kind: v as EventForm['kind'] })}
          label={t('events.kind')}
        />
        <label className="field">
          <span>{t('events.name')}</span>
          <input value={form.title} onChange={(e) => patch({ title: e.target.value })} />
        </label>
        <DateInput label={t('events.date')} value={form.date} onChange={(date) => patch({ date })} />
        <label className="field">
          <span>{t('events.place')}</span>
          <input value={form.place} onChange={(e) => patch({ place: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('events.participants')}</span>
          <input
            inputMode="numeric"
            value={form.participants}
            onChange={(e) => patch({ participants: e.target.value })}
          />
        </label>
      </div>
      <fieldset className="organisers">
        <legend>{t('events.organisers')}</legend>
        <ul className="chips">
          {form.organisers.map((o) => (
            <li key={o.name}>
              {o.name}
              <button
                type="button"
                aria-label={t('events.removeOrganiser', { name: o.name })}
                onClick={() => patch({ organisers: form.organisers.filter((x) => x !== o) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <div className="organiser-add">
          <label className="field">
            <span>{t('events.organiserName')}</span>
            <input
              value={organiser}
              onChange={(e) => setOrganiser(e.target.value)}
              onKeyDown={onEnter(() => {
                addOrganiser(organiser);
                setOrganiser('');
              })}
            />
          </label>
          <button
            type="button"
            onClick={() => {
              addOrganiser(organiser);
              setOrganiser('');
            }}
          >
            {t('events.addOrganiser')}
          </button>
          <label className="field">
            <span>{t('events.fromDirectory')}</span>
            <select
              value=""
              onChange={(e) => {
                const inst = institutions.find((i) => i.id === e.target.value);
                if (inst) addOrganiser(inst.name, inst.id);
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
        <span>{t('events.notes')}</span>
        <textarea rows={3} value={form.notes} onChange={(e) => patch({ notes: e.target.value })} />
      </label>
      <ErrorMessage error={error} />
      <footer className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          {t('events.save')} <kbd>Ctrl+S</kbd>
        </button>
        <button type="button" onClick={onCancel}>
          {t('events.cancel')}
        </button>
      </footer>
    </form>
  );
}
