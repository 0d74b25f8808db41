import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueBuckets, FollowUpDto } from '../../../shared/contract/followups';
import { call } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import { ErrorMessage } from '../../components/error-message';
import { isComposing } from '../../components/ime';
import { useSession } from '../../stores/session-store';
import { useStaffOptions } from '../intake/use-staff-options';
import { RadioToggles } from '../../components/radio-toggles';

const BUCKETS = ['overdue', 'today', 'thisWeek'] as const;
const SCOPES = ['mine', 'all'] as const;

function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d + n));
  return dt.toISOString().slice(0, 10);
}

/**
 * Due today / overdue / this week, mine or everyone's. On a focused row: C completes,
 * D and W postpone by a day or a week, A reassigns — one or two keystrokes each.
 */
export function FollowUpsScreen() {
  const { t } = useTranslation();
  const role = useSession((s) => s.status?.user?.role);
  const staff = useStaffOptions();
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const [data, setData] = useState<DueBuckets | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reassigning, setReassigning] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(() => {
    call('followup.due', { scope }).then(setData, setError);
  }, [scope]);
  useEffect(load, [load]);

  async function act(p: Promise<FollowUpDto>, message: string) {
    setError(null);
    try {
      const f = await p;
      setDone(t(message, { title: f.title }));
      load();
    } catch (e) {
      setError(e);
    }
  }
  const complete = (f: FollowUpDto) => act(call('followup.complete', { id: f.id }), 'ui.followups.completed');
  const postpone = (f: FollowUpDto, days: number) =>
    act(
      call('followup.reschedule', { id: f.id, dueDate: addDays(f.dueDate, days) }),
      'ui.followups.rescheduled',
    );
  const reassign = (f: FollowUpDto, ownerId: string) => {
    setReassigning(null);
    return act(call('followup.reassign', { id: f.id, ownerId }), 'ui.followups.reassigned');
  };

  function onRowKey(e: KeyboardEvent, f: FollowUpDto) {
    if (isComposing(e) || e.target !== e.currentTarget) return;
    const k = e.key.toLowerCase();
    if (k === 'c') void complete(f);
    else if (k === 'd') void postpone(f, 1);
    else if (k === 'w') void postpone(f, 7);
    else if (k === 'a') setReassigning(f.id);
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const rows = [...document.querySelectorAll<HTMLElement>('[data-followup-row]')];
      const i = rows.indexOf(e.currentTarget as HTMLElement);
      rows[i + (e.key === 'ArrowDown' ? 1 : -1)]?.focus();
    } else return;
    e.preventDefault();
  }

  return (
    <section className="followups" aria-label={t('ui.followups.title')}>
      <header className="screen-header">
        <h1>{t('ui.followups.title')}</h1>
        <RadioToggles
          label={t('ui.followups.scope')}
          options={SCOPES}
          value={scope}
          onChange={setScope}
          text={(s) => t(`ui.followups.scopes.${s}`)}
          disabled={(s) => s === 'all' && role === 'peer_supporter'}
        />
        <p className="hint">{t('ui.followups.keys')}</p>
      </header>
      {done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
      <ErrorMessage error={error} />
      {data &&
        BUCKETS.map((b) => (
          <div key={b} className={`bucket ${b}`}>
            <h2>
              {t(`ui.followups.buckets.${b}`)} ({data[b].length})
            </h2>
            {data[b].length === 0 && <p className="hint">{t('ui.followups.none')}</p>}
            <ul>
              {data[b].map((f) => (
                <li
                  key={f.id}
                  tabIndex={0}
                  data-followup-row
                  data-title={f.title}
                  onKeyDown={(e) => onRowKey(e, f)}
                  className="followup-row"
                >
                  <span className="when">
                    <DateBoth value={f.dueDate} />
                  </span>
                  <span className="title">{f.title}</span>
                  <span className="who">{f.personName ?? ''}</span>
                  <span className="owner">{f.ownerName}</span>
                  <button type="button" onClick={() => void complete(f)}>
                    {t('ui.followups.complete')} <kbd>C</kbd>
                  </button>
                  <button type="button" onClick={() => void postpone(f, 7)}>
                    {t('ui.followups.postponeWeek')} <kbd>W</kbd>
                  </button>
                  {reassigning === f.id ? (
                    <select
                      autoFocus
                      aria-label={t('ui.followups.reassignTo')}
                      defaultValue=""
                      onChange={(e) => e.target.value && void reassign(f, e.target.value)}
                      onBlur={() => setReassigning(null)}
                    >
                      <option value="">—</option>
                      {staff.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.displayName}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <button type="button" onClick={() => setReassigning(f.id)}>
                      {t('ui.followups.reassign')} <kbd>A</kbd>
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))}
    </section>
  );
}
