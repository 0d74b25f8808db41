import { writeAudit } from '../../../db/audit';
import type { HandlerMap } from '../handler-types';

type SessionChannels =
  'session.status' | 'session.create' | 'session.login' | 'session.lock' | 'session.changePassphrase';

export const sessionHandlers: HandlerMap<SessionChannels> = {
  'session.status': (runtime) => runtime.status(),
  'session.create': async (runtime, input) => {
    const { recoveryCode } = await runtime.create(input);
    return { recoveryCode, status: await runtime.status() };
  },
  'session.login': async (runtime, input) => {
    await runtime.login(input.login, input.passphrase);
    return runtime.status();
  },
  'session.lock': async (runtime) => {
    await runtime.lock();
    return { ok: true as const };
  },
  'session.changePassphrase': async (ctx, input) => {
    await ctx.caseFile.changePassphrase(ctx.actor.login, input.oldPassphrase, input.newPassphrase);
    await writeAudit(ctx.db, {
      staffId: ctx.actor.id,
      login: ctx.actor.login,
      action: 'session.change-passphrase',
    });
    return { ok: true as const };
  },
};
