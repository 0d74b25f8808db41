import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityDto } from '../../../shared/contract/activities';
import { ACTIVITY_KINDS } from '../../../shared/vocab/activity-kinds';
import { call } from '../../api/client';
import { CodeSelect } from '../../components/code-select';
import { DateInput } from '../../components/date-input';
import { InstitutionChipsField } from '../../components/institution-chips-field';
import { RecordFormFrame } from '../../components/record-form-frame';
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
  const patch = (p: Partial<ActivityForm>) => setForm((f) => ({ ...f, ...p }));

  async function save() {
    const changes = toActivityInput(form);
    const saved = editing
      ? await call('activity.update', { id: editing.id, expectedVersion: editing.version, changes })
      : await call('activity.create', changes);
    onSaved(saved);
  }

  return (
    <RecordFormFrame
      heading={editing ? t('activities.editTitle') : t('activities.newTitle')}
      save={save}
      onCancel={onCancel}
      labels={{ save: t('activities.save'), cancel: t('activities.cancel') }}
    >
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
      <InstitutionChipsField
        value={form.attendees}
        onChange={(attendees) => patch({ attendees })}
        labels={{
          legend: t('activities.attendees'),
          name: t('activities.attendeeName'),
          add: t('activities.addAttendee'),
          fromDirectory: t('activities.fromDirectory'),
          remove: (name) => t('activities.removeAttendee', { name }),
        }}
      />
      <label className="field wide">
        <span>{t('activities.notes')}</span>
        <textarea rows={3} value={form.notes} onChange={(e) => patch({ notes: e.target.value })} />
      </label>
    </RecordFormFrame>
  );
}
