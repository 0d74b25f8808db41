import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS, type EventDto } from '../../../shared/contract/events';
import { call } from '../../api/client';
import { CodeSelect } from '../../components/code-select';
import { DateInput } from '../../components/date-input';
import { InstitutionChipsField } from '../../components/institution-chips-field';
import { RecordFormFrame } from '../../components/record-form-frame';
import { emptyEvent, fromEvent, toEventInput, type EventForm } from './event-form-state';

/**
 * Create or edit an event: kind, title, date (和暦 or 西暦), place, organisers (typed or from
 * the directory), participants (often added afterwards) and notes. Enter never saves (IME);
 * Ctrl+S does.
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
  const patch = (p: Partial<EventForm>) => setForm((f) => ({ ...f, ...p }));

  async function save() {
    const changes = toEventInput(form);
    const saved = editing
      ? await call('event.update', { id: editing.id, expectedVersion: editing.version, changes })
      : await call('event.create', changes);
    onSaved(saved);
  }

  return (
    <RecordFormFrame
      heading={editing ? t('events.editTitle') : t('events.newTitle')}
      save={save}
      onCancel={onCancel}
      labels={{ save: t('events.save'), cancel: t('events.cancel') }}
    >
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
      <InstitutionChipsField
        value={form.organisers}
        onChange={(organisers) => patch({ organisers })}
        labels={{
          legend: t('events.organisers'),
          name: t('events.organiserName'),
          add: t('events.addOrganiser'),
          fromDirectory: t('events.fromDirectory'),
          remove: (name) => t('events.removeOrganiser', { name }),
        }}
      />
      <label className="field wide">
        <span>{t('events.notes')}</span>
        <textarea rows={3} value={form.notes} onChange={(e) => patch({ notes: e.target.value })} />
      </label>
    </RecordFormFrame>
  );
}
