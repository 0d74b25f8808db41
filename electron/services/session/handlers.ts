import { existsSync } from 'node:fs';
import { seedDemo } from '../../demo/seed-demo';
import { setupLetterhead } from '../letters/letterhead';
import type { PrefectureCode } from '../../../shared/codes/prefectures';
import { DEMO_PREF_CODE } from '../../demo/demo-masters';
import type { HandlerMap } from '../handler-types';

type SessionChannels =
  | 'session.status'
  | 'session.create'
  | 'session.login'
  | 'session.openDemo'
  | 'session.lock'
  | 'session.changePassphrase';

export const DEMO_LOGIN = 'demo';

export const sessionHandlers: HandlerMap<SessionChannels> = {
  'session.status': (runtime) => runtime.status(),
  'session.create': async (runtime, { letterhead, ...input }, run) => {
    const { recoveryCode } = await runtime.create(input);
    if (letterhead) await setupLetterhead(runtime.context(), letterhead);
    // through the dispatcher, as the settings screen would: permission, transaction, audit entry
    if (input.prefectureCode) await run('center.setPrefecture', { prefectureCode: input.prefectureCode });
    return { recoveryCode, status: await runtime.status() };
  },
  'session.login': async (runtime, input) => {
    await runtime.login(input.login, input.passphrase, input.secondFactor);
    return runtime.status();
  },
  'session.openDemo': async (runtime, input, run) => {
    await runtime.useDemoFile();
    if (existsSync(runtime.casefile)) {
      await runtime.login(DEMO_LOGIN, input.passphrase);
    } else {
      await runtime.create({
        centerName: 'デモセンター（架空データ）',
        login: DEMO_LOGIN,
        displayName: 'デモ 利用者',
        passphrase: input.passphrase,
        profession: 'nanbyo_counselor',
      });
      // the demo's fictitious center is in the prefecture its people live in
      await run('center.setPrefecture', { prefectureCode: DEMO_PREF_CODE as PrefectureCode });
      await seedDemo(runtime.context(), { seed: 2025, consultations: input.consultations });
    }
    return runtime.status();
  },
  'session.lock': async (runtime) => {
    await runtime.lock();
    return { ok: true as const };
  },
  // the slot file first; the channel's entry commits afterwards (the dispatcher writes it)
  'session.changePassphrase': async (uow, input) => {
    await uow.caseFile.changePassphrase(uow.actor.login, input.oldPassphrase, input.newPassphrase);
    return { ok: true as const };
  },
};
