import type { TFunction } from 'i18next';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** ids and machine values a reviewer cannot read (the record itself is named in "target") */
const HIDDEN = new Set(['deviceId', 'previousDeviceId', 'conflict', 'receiptId', 'firstBroken', 'sha256']);

const key = (code: string) => code.replace(/\./g, '_');

/** An audit action in words: "相談記録の作成", never "consultation.record". */
export function actionLabel(t: TFunction, action: string): string {
  return t(`auditView.actions.${key(action)}`, { defaultValue: '' }) || t('auditView.otherAction');
}

export function entityLabel(t: TFunction, entity: string | null): string {
  return entity ? t(`auditView.entities.${entity}`, { defaultValue: '' }) : '';
}

/** A state or role code in words where the app has a vocabulary for it. */
function valueWords(t: TFunction, action: string, k: string, v: string): string {
  const lists =
    k === 'role'
      ? ['role']
      : ['from', 'to', 'state'].includes(k)
        ? action.startsWith('referral.')
          ? ['referralState']
          : action.startsWith('coordination.')
            ? ['coordinationState']
            : []
        : k === 'answer'
          ? ['contactAnswer']
          : k === 'template'
            ? ['letterTemplate']
            : k === 'method'
              ? ['consentMethod']
              : k === 'kind'
                ? action.startsWith('event.')
                  ? ['eventKind']
                  : ['coordinationKind']
                : [];
  for (const list of lists) {
    const w = t(`vocab.${list}.${v}`, { defaultValue: '' });
    if (w) return w;
  }
  return v;
}

/**
 * An entry's detail as "label：value" pairs in the user's language — field names translated,
 * yes/no for flags, record ids left out — instead of its JSON.
 */
export function detailParts(
  t: TFunction,
  action: string,
  detail: unknown,
): { label: string; value: string }[] {
  if (detail === null || detail === undefined) return [];
  if (typeof detail !== 'object' || Array.isArray(detail)) return [{ label: '', value: String(detail) }];
  const parts: { label: string; value: string }[] = [];
  for (const [k, v] of Object.entries(detail as Record<string, unknown>)) {
    if (HIDDEN.has(k) || /Id$/.test(k) || v === null || v === undefined) continue;
    if (typeof v === 'string' && UUID.test(v)) continue;
    const name = action.startsWith('backup.') && k === 'to' ? 'to_path' : k;
    const label =
      t(`auditView.detail.${name}`, { defaultValue: '' }) || t(`auditView.fields.${k}`, { defaultValue: k });
    let value: string;
    if (typeof v === 'boolean') value = v ? t('auditView.yes') : t('auditView.no');
    else if (Array.isArray(v))
      value = v
        .map((x) =>
          k === 'fields'
            ? t(`auditView.fields.${String(x)}`, { defaultValue: String(x) })
            : k === 'dataItems'
              ? t(`vocab.consentItem.${String(x)}`, { defaultValue: String(x) })
              : String(x),
        )
        .join('、');
    else if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (!('from' in o) && !('to' in o)) continue;
      value = `${valueWords(t, action, k, String(o.from ?? '—'))} → ${valueWords(t, action, k, String(o.to ?? '—'))}`;
    } else value = valueWords(t, action, k, String(v));
    if (value !== '') parts.push({ label, value });
  }
  return parts;
}
