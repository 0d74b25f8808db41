/** A message that belongs to one field: an error (blocks saving) or a warning (does not). */
export interface FieldNotice {
  text: string;
  severity: 'error' | 'warning';
}

export const noticeIdOf = (fieldId: string) => `${fieldId}-notice`;

/** aria-invalid for an error, and aria-describedby pointing at the message (and any hint). */
export function noticeAria(fieldId: string, notice: FieldNotice | undefined, hintId?: string) {
  const described = [notice ? noticeIdOf(fieldId) : null, hintId ?? null].filter(Boolean).join(' ');
  return {
    'aria-invalid': notice?.severity === 'error' ? true : undefined,
    'aria-describedby': described || undefined,
  };
}

/** The message itself, right under its field. */
export function FieldMessage({ fieldId, notice }: { fieldId: string; notice: FieldNotice | undefined }) {
  if (!notice) return null;
  return (
    <small id={noticeIdOf(fieldId)} className={notice.severity === 'error' ? 'field-error' : 'field-warning'}>
      {notice.text}
    </small>
  );
}
