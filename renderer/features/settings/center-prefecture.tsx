import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrefectureCode } from '../../../shared/codes/prefectures';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { PrefectureSelect } from '../../components/prefecture-select';
import { useCan } from '../../hooks/use-can';

/**
 * The center's prefecture, chosen at setup: administrators may change it here (a case file made
 * before the setting existed is asked for it). Others see nothing: it is not theirs to set.
 */
export function CenterPrefecture() {
  const { t } = useTranslation();
  const mayEdit = useCan('staff.manage');
  const [code, setCode] = useState<PrefectureCode | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!mayEdit) return;
    call('center.settings', {}).then((s) => {
      setCode(s.prefectureCode);
      setLoaded(true);
    }, setError);
  }, [mayEdit]);
  if (!mayEdit) return null;
  return (
    <div className="center-prefecture">
      {loaded && code === null && <p className="warning">{t('prefectureSetting.missing')}</p>}
      <PrefectureSelect
        id="center-prefecture"
        value={code}
        onChange={(next) => {
          if (!next) return;
          setCode(next);
          setError(null);
          call('center.setPrefecture', { prefectureCode: next }).then(
            () => setNote(t('prefectureSetting.saved')),
            setError,
          );
        }}
      />
      {note && (
        <p role="status" className="ok">
          {note}
        </p>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
