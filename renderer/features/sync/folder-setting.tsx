import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { hasNativeDialogs, pickNative } from '../../api/file-dialogs';
import type { Act } from './sync-act';

/** The exchange folder (administrators): a USB stick or a shared folder every device uses. */
export function FolderSetting({ folder, busy, act }: { folder: string | null; busy: boolean; act: Act }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(folder ?? '');
  const save = (next: string | null) =>
    act(async () => {
      await call('sync.setFolder', { folder: next });
      return next ? t('sync.folder.saved') : t('sync.folder.cleared');
    });

  return (
    <section className="card" aria-labelledby="sync-folder-h">
      <h2 id="sync-folder-h">{t('sync.folder.heading')}</h2>
      <p className="hint">{t('sync.folder.help')}</p>
      <form
        className="folder-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) void save(value.trim());
        }}
      >
        <label className="field grow" htmlFor="sync-folder">
          <span>{t('sync.folder.path')}</span>
          <input
            id="sync-folder"
            value={value}
            placeholder={t('sync.folder.placeholder')}
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
        {hasNativeDialogs() && (
          <button
            type="button"
            disabled={busy}
            onClick={async () => {
              const chosen = await pickNative({
                kind: 'chooseFolder',
                ...(folder ? { defaultFolder: folder } : {}),
              });
              if (chosen) {
                setValue(chosen);
                void save(chosen);
              }
            }}
          >
            {t('sync.folder.choose')}
          </button>
        )}
        <button type="submit" className="primary" disabled={busy || !value.trim() || value.trim() === folder}>
          {t('sync.folder.set')}
        </button>
        {folder && (
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setValue('');
              void save(null);
            }}
          >
            {t('sync.folder.clear')}
          </button>
        )}
      </form>
      <p>
        {t('sync.folder.current')}
        <strong data-testid="sync-folder">{folder ?? t('sync.folder.none')}</strong>
      </p>
    </section>
  );
}
