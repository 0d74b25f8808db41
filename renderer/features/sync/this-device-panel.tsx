import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract';
import { cardFileName } from '../../../shared/sync/file-names';
import { call } from '../../api/client';
import { baseName } from './format';
import { FolderBrowser, type Target } from './folder-browser';
import type { Act } from './sync-act';
import { useSyncMode } from './sync-mode-store';
import { useChooser } from './use-chooser';

interface Props {
  identity: ChannelOutput<'sync.identity'>;
  folder: string | null;
  isAdmin: boolean;
  busy: boolean;
  act: Act;
}

/**
 * This installation: its confirmation code (read aloud before pairing), its identity card to
 * hand over, and (administrators) its mode.
 */
export function ThisDevicePanel({ identity, folder, isAdmin, busy, act }: Props) {
  const { t } = useTranslation();
  const chooser = useChooser(folder);
  const setModeStore = useSyncMode((s) => s.set);
  const [mode, setMode] = useState(identity.mode);

  const saveCard = (target: Target) =>
    act(async () => {
      const r = await call('sync.exportCard', target);
      return t('sync.thisDevice.cardSaved', { file: baseName(r.file) });
    });

  return (
    <section className="card sync-device" aria-labelledby="sync-device-h">
      <h2 id="sync-device-h">{t('sync.thisDevice.heading')}</h2>
      <dl className="sync-facts">
        <dt>{t('sync.thisDevice.center')}</dt>
        <dd>{identity.centerName}</dd>
        <dt>{t('sync.thisDevice.deviceId')}</dt>
        <dd className="mono">{identity.deviceId}</dd>
        <dt>{t('sync.thisDevice.fingerprint')}</dt>
        <dd>
          <span className="fingerprint" data-testid="own-fingerprint">
            {identity.fingerprint}
          </span>
        </dd>
      </dl>
      <p className="hint">{t('sync.thisDevice.fingerprintHelp')}</p>
      {isAdmin && (
        <>
          <div className="button-row">
            <strong>{t('sync.thisDevice.exportCard')}</strong>
            {folder && (
              <button type="button" disabled={busy} onClick={() => void saveCard({ folder })}>
                {t('sync.thisDevice.exportCardToFolder')}
              </button>
            )}
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void chooser.start(
                  'card',
                  'saveCard',
                  (target) => void saveCard(target),
                  cardFileName(identity.deviceId),
                )
              }
            >
              {t('sync.thisDevice.exportCardElsewhere')}
            </button>
          </div>
          {chooser.browsing === 'card' && (
            <FolderBrowser
              mode="save"
              accept={[]}
              configuredFolder={folder}
              onCancel={chooser.stop}
              onChoose={(target) => {
                chooser.stop();
                void saveCard(target);
              }}
            />
          )}
          <p className="hint">{t('sync.thisDevice.cardHelp')}</p>
          <form
            className="button-row"
            onSubmit={(e) => {
              e.preventDefault();
              void act(async () => {
                await call('sync.setMode', { mode });
                setModeStore(mode);
                return t('sync.thisDevice.modeSaved', { mode: t(`sync.thisDevice.modes.${mode}`) });
              });
            }}
          >
            <label className="field" htmlFor="sync-mode">
              <span>{t('sync.thisDevice.mode')}</span>
              <select id="sync-mode" value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
                {(['center', 'prefecture'] as const).map((m) => (
                  <option key={m} value={m}>
                    {t(`sync.thisDevice.modes.${m}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" disabled={busy || mode === identity.mode}>
              {t('ui.common.save')}
            </button>
          </form>
          <p className="hint">{t('sync.thisDevice.modeHelp')}</p>
        </>
      )}
    </section>
  );
}
