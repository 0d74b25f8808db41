import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FolderListingDto } from '../../../shared/contract/sync';
import { call } from '../../api/client';
import { DateBoth } from '../../components/date-both';
import { ErrorMessage } from '../../components/error-message';
import { formatBytes, localDateTime } from './format';
import { useSyncPlaces } from './sync-places-store';

export type FileKind = FolderListingDto['files'][number]['kind'];
/** Where a file was chosen: a file to read, or a folder to write a new file into. */
export type Target = { path: string } | { folder: string };

interface Props {
  mode: 'open' | 'save';
  /** the kinds of file listed (open mode) */
  accept: readonly FileKind[];
  /** the configured exchange folder, offered as a shortcut */
  configuredFolder: string | null;
  onChoose(target: Target): void;
  onCancel(): void;
}

/**
 * Browser mode has no file dialog: a folder field (remembered on this machine), the files of
 * the right kind found there, newest first, and a shortcut to the exchange folder. Opening picks
 * a file by its name; saving picks the folder (the file gets its conventional name).
 */
export function FolderBrowser({ mode, accept, configuredFolder, onChoose, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const lastFolder = useSyncPlaces((s) => s.lastFolder);
  const remember = useSyncPlaces((s) => s.remember);
  const [folder, setFolder] = useState(lastFolder ?? configuredFolder ?? '');
  const [listing, setListing] = useState<FolderListingDto | null>(null);
  const [error, setError] = useState<unknown>(null);

  const show = useCallback(async (dir: string) => {
    setError(null);
    setListing(null);
    if (!dir.trim()) return;
    try {
      setListing(await call('sync.listFiles', { folder: dir.trim() }));
    } catch (e) {
      setError(e);
    }
  }, []);
  // list the remembered folder once, when the chooser opens
  const [initial] = useState(folder);
  useEffect(() => {
    if (mode === 'open') void show(initial);
  }, [mode, initial, show]);

  const files = listing?.files.filter((f) => accept.includes(f.kind)) ?? [];
  const choose = (target: Target, dir: string) => {
    remember(dir);
    onChoose(target);
  };

  return (
    <div className="folder-browser" role="group" aria-label={t('sync.chooser.folder')}>
      <form
        className="folder-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (mode === 'save') {
            if (folder.trim()) choose({ folder: folder.trim() }, folder.trim());
          } else void show(folder);
        }}
      >
        <label className="field grow" htmlFor={`${id}-folder`}>
          <span>{t('sync.chooser.folder')}</span>
          <input
            id={`${id}-folder`}
            value={folder}
            placeholder={t('sync.folder.placeholder')}
            onChange={(e) => setFolder(e.target.value)}
          />
        </label>
        {configuredFolder && configuredFolder !== folder && (
          <button
            type="button"
            onClick={() => {
              setFolder(configuredFolder);
              if (mode === 'open') void show(configuredFolder);
            }}
          >
            {t('sync.chooser.useConfigured')}
          </button>
        )}
        {mode === 'open' ? (
          <button type="submit">{t('sync.chooser.show')}</button>
        ) : (
          <button type="submit" className="primary" disabled={!folder.trim()}>
            {t('sync.chooser.saveHere')}
          </button>
        )}
        <button type="button" onClick={onCancel}>
          {t('sync.chooser.cancel')}
        </button>
      </form>
      <ErrorMessage error={error} />
      {mode === 'open' && listing && (
        <>
          {files.length === 0 ? (
            <p className="hint">{t('sync.chooser.noFiles')}</p>
          ) : (
            <>
              <p className="hint">{t('sync.chooser.pickHint')}</p>
              <table className="table compact">
                <thead>
                  <tr>
                    <th>{t('sync.chooser.name')}</th>
                    <th>{t('sync.chooser.kind')}</th>
                    <th>{t('sync.chooser.size')}</th>
                    <th>{t('sync.chooser.modified')}</th>
                  </tr>
                </thead>
                <tbody>
                  {files.map((f) => (
                    <tr key={f.path}>
                      <td>
                        <button
                          type="button"
                          className="link"
                          onClick={() => choose({ path: f.path }, listing.folder)}
                        >
                          {f.name}
                        </button>
                        {f.card && (
                          <small className="card-owner">
                            {t('sync.chooser.cardOwner', {
                              center: f.card.centerName,
                              role: t(`sync.pairing.roles.${f.card.role}`),
                            })}
                            {f.card.isThisDevice && <span className="tag">{t('sync.chooser.ownCard')}</span>}
                          </small>
                        )}
                      </td>
                      <td className="nowrap">
                        {t(`sync.chooser.kinds.${f.kind}`)}{' '}
                        {f.forThisDevice !== null && (
                          <span className={f.forThisDevice ? 'tag mine' : 'tag'}>
                            {f.forThisDevice ? t('sync.chooser.forThisDevice') : t('sync.chooser.forOther')}
                          </span>
                        )}{' '}
                        {f.imported && <span className="tag">{t('sync.chooser.imported')}</span>}
                      </td>
                      <td className="nowrap">{formatBytes(f.bytes)}</td>
                      <td>
                        <DateBoth value={localDateTime(f.modifiedAt)} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </div>
  );
}
