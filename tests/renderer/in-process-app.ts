import { join } from 'node:path';
import { cleanup } from '@testing-library/react';
import { composeApp } from '../../electron/app/compose';
import { setTransport } from '../../renderer/api/client';
import '../../renderer/i18n/setup';
import { useNav } from '../../renderer/stores/nav-store';
import { useSession } from '../../renderer/stores/session-store';
import type { ChannelInput, ChannelName } from '../../shared/contract';
import { ADMIN, tempDir } from '../fixtures/temp-casefile';

/**
 * The real backend in the test process: the renderer's calls go straight to the dispatcher,
 * over a real encrypted case file (no mock of the part that runs here).
 */
export async function inProcessApp(opts: { login?: boolean; now?: () => Date } = { login: true }) {
  const t = tempDir();
  const app = composeApp({ casefile: join(t.dir, 'r.yorisoi'), ...(opts.now ? { now: opts.now } : {}) });
  setTransport({ call: (c, i) => app.dispatcher.dispatch(c, i) as never });
  useSession.setState({ status: null, recoveryCode: null });
  useNav.setState({ screen: 'intake', personId: null, editConsultationId: null });
  if (opts.login !== false) {
    await app.runtime.create({ centerName: 'テストセンター', ...ADMIN, profession: 'nanbyo_counselor' });
    await useSession.getState().refresh();
  }
  /** Calls a channel directly (to arrange data or to check what the screen wrote). */
  async function api<C extends ChannelName>(channel: C, input: ChannelInput<C>) {
    const r = await app.dispatcher.dispatch(channel, input);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.data as never;
  }
  return {
    ...app,
    api,
    async close() {
      cleanup();
      await app.runtime.lock();
      t.cleanup();
    },
  };
}
