import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConsultationDetail } from '../../../shared/contract/consultations';
import { call } from '../../api/client';
import { emptyIntake, fromConsultation, isBlankIntake, localNow, type IntakeForm } from './intake-state';

/** How often a blank form's 受付日時 catches up with the clock (it shows "now"). */
const CLOCK_MS = 20_000;

/**
 * The form's state and its life in the case file: the consultation being edited, or the draft
 * restored (only when something was typed), kept as the user types (a blank form is never kept:
 * its draft is dropped), and 受付日時 = "now" — it follows the clock while nothing is typed and
 * stops at the moment the counselor starts (the call's start), unless she sets it herself.
 */
export function useIntakeDraft(editId: string | null) {
  const [form, setForm] = useState<IntakeForm>(emptyIntake);
  const [editing, setEditing] = useState<ConsultationDetail | null>(null);
  const [draftNote, setDraftNote] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const hasDraft = useRef(false);

  useEffect(() => {
    let live = true;
    setLoaded(false);
    void (async () => {
      if (editId) {
        const c = await call('consultation.get', { id: editId });
        if (!live) return;
        setEditing(c);
        setForm(fromConsultation(c));
      } else {
        const d = await call('draft.get', { kind: 'intake' }).catch(() => null);
        if (!live) return;
        const restored = d ? { ...emptyIntake(), ...(d.data as Partial<IntakeForm>) } : null;
        if (restored && !isBlankIntake(restored)) {
          // a draft's time is its call's time, whatever version wrote it
          setForm({ ...restored, receivedAtFixed: true });
          setDraftNote(d!.updatedAt);
          hasDraft.current = true;
        } else if (d) {
          void call('draft.discard', { kind: 'intake' }).catch(() => undefined);
        }
      }
      setLoaded(true);
    })();
    return () => {
      live = false;
    };
  }, [editId]);

  // keep the draft in the case file as the user types (debounced); a blank form has none
  useEffect(() => {
    if (!loaded || editId) return;
    const blank = isBlankIntake(form);
    if (blank && !hasDraft.current) return;
    const h = window.setTimeout(() => {
      hasDraft.current = !blank;
      const done = blank
        ? call('draft.discard', { kind: 'intake' })
        : call('draft.save', { kind: 'intake', data: form as unknown as Record<string, unknown> });
      void done.catch(() => undefined);
    }, 600);
    return () => window.clearTimeout(h);
  }, [form, editId, loaded]);

  // a blank form shows the time now
  useEffect(() => {
    if (editId) return;
    const h = window.setInterval(() => {
      setForm((f) =>
        isBlankIntake(f) && f.receivedAt !== localNow() ? { ...f, receivedAt: localNow() } : f,
      );
    }, CLOCK_MS);
    return () => window.clearInterval(h);
  }, [editId]);

  const patch = useCallback((p: Partial<IntakeForm>) => {
    setForm((f) => {
      const next = { ...f, ...p };
      if ('receivedAt' in p) next.receivedAtFixed = true;
      else if (isBlankIntake(f) && !isBlankIntake(next)) next.receivedAt = localNow(); // the call starts now
      return next;
    });
  }, []);

  /** a fresh form: after a save, or "new" */
  const reset = useCallback(() => {
    setForm(emptyIntake());
    setEditing(null);
    setDraftNote(null);
  }, []);

  /** the draft is gone from the case file (saved as a record, or thrown away) */
  const forgetDraft = useCallback(() => {
    hasDraft.current = false;
    return call('draft.discard', { kind: 'intake' });
  }, []);

  return { form, patch, editing, draftNote, loaded, reset, forgetDraft };
}
