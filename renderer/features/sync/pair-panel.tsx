import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { CenterChoice } from './center-choice';
import { FolderBrowser } from './folder-browser';
import { peerName } from './format';
import { useSyncMode } from './sync-mode-store';
import type { Act } from './sync-act';
import { useChooser } from './use-chooser';

type Preview = ChannelOutput<'sync.previewCard'>;
type Profile = Preview['suggestedProfile'];

/**
 * Pairing (administrators): load the other side's card, show its confirmation code and ask
 * that it be compared with the code read out over the phone; choose the sharing profile (a
 * prefecture gets statistics unless it runs the center itself). Pairing passes the code shown,
 * so a card swapped after the preview is refused.
 */
export function PairPanel({ folder, busy, act }: { folder: string | null; busy: boolean; act: Act }) {
  const { t } = useTranslation();
  const chooser = useChooser(folder);
  const [card, setCard] = useState<{ path: string; preview: Preview } | null>(null);
  const [profile, setProfile] = useState<Profile>('full');
  const [label, setLabel] = useState('');
  const [sameCenterAs, setSameCenterAs] = useState('');
  const prefecture = useSyncMode((s) => s.mode) === 'prefecture';
  const [error, setError] = useState<unknown>(null);

  async function load(path: string) {
    setError(null);
    setCard(null);
    try {
      const preview = await call('sync.previewCard', { path });
      setCard({ path, preview });
      setProfile(preview.suggestedProfile);
      setLabel('');
      setSameCenterAs('');
    } catch (e) {
      setError(e);
    }
  }

  const pair = (c: NonNullable<typeof card>) =>
    act(async () => {
      const p = await call('sync.addPeer', {
        path: c.path,
        profile,
        expectedFingerprint: c.preview.fingerprint,
        ...(label.trim() ? { label: label.trim() } : {}),
        ...(sameCenterAs ? { sameCenterAs } : {}),
      });
      setCard(null);
      return t('sync.pairing.paired', { name: peerName(p, t) });
    });

  return (
    <section className="card" aria-labelledby="sync-pair-h">
      <h2 id="sync-pair-h">{t('sync.pairing.heading')}</h2>
      <p className="hint">{t('sync.pairing.help')}</p>
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          void chooser.start('card', 'openCard', (target) => 'path' in target && void load(target.path))
        }
      >
        {t('sync.pairing.addPeer')}
      </button>
      {chooser.browsing === 'card' && (
        <FolderBrowser
          mode="open"
          accept={['card']}
          configuredFolder={folder}
          onCancel={chooser.stop}
          onChoose={(target) => {
            chooser.stop();
            if ('path' in target) void load(target.path);
          }}
        />
      )}
      <ErrorMessage error={error} />
      {card && (
        <div className="pair-confirm" role="group" aria-label={t('sync.pairing.compareCode')}>
          <dl className="sync-facts">
            <dt>{t('sync.pairing.center')}</dt>
            <dd>{card.preview.centerName}</dd>
            <dt>{t('sync.pairing.role')}</dt>
            <dd>{t(`sync.pairing.roles.${card.preview.role}`)}</dd>
            <dt>{t('sync.pairing.deviceId')}</dt>
            <dd className="mono">{card.preview.deviceId}</dd>
            <dt>{t('sync.pairing.fingerprint')}</dt>
            <dd>
              <span className="fingerprint" data-testid="card-fingerprint">
                {card.preview.fingerprint}
              </span>
            </dd>
          </dl>
          {card.preview.isThisDevice ? (
            <p className="error">{t('sync.pairing.thisIsOwnCard')}</p>
          ) : (
            <>
              {card.preview.alreadyPaired && <p className="hint">{t('sync.pairing.alreadyPaired')}</p>}
              <fieldset>
                <legend>{t('sync.pairing.profile')}</legend>
                {(['full', 'statistics'] as const).map((p) => (
                  <label key={p} className="check">
                    <input
                      type="radio"
                      name="sync-profile"
                      value={p}
                      checked={profile === p}
                      onChange={() => setProfile(p)}
                    />
                    {t(`sync.pairing.profiles.${p}`)}
                  </label>
                ))}
                {card.preview.role === 'prefecture' && (
                  <p className="hint">{t('sync.pairing.profileHelpPrefecture')}</p>
                )}
              </fieldset>
              <label className="field" htmlFor="sync-peer-label">
                <span>{t('sync.pairing.label')}</span>
                <input
                  id="sync-peer-label"
                  value={label}
                  maxLength={100}
                  placeholder={t('sync.pairing.labelPlaceholder')}
                  onChange={(e) => setLabel(e.target.value)}
                />
              </label>
              {prefecture && (
                <CenterChoice preview={card.preview} value={sameCenterAs} onChange={setSameCenterAs} />
              )}
              <p className="question">{t('sync.pairing.compareCode')}</p>
            </>
          )}
          <div className="button-row">
            {!card.preview.isThisDevice && (
              <button type="button" className="primary" disabled={busy} onClick={() => void pair(card)}>
                {t('sync.pairing.codeMatches')}
              </button>
            )}
            <button
              type="button"
              onClick={() => {
                setCard(null);
                void act(async () => t('sync.pairing.cancelled'));
              }}
            >
              {t('sync.pairing.codeDiffers')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
