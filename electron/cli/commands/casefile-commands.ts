import { writeAudit } from '../../../db/audit';
import { CaseFile } from '../../../db/case-file';
import { writeMeta } from '../../../db/sync/identity';
import { PREFECTURE_CODES } from '../../../shared/codes/prefectures';
import { AppError } from '../../../shared/errors';
import { flags, str } from '../args';
import { cliText, fill } from '../cli-text';
import { secretFrom } from '../secrets';
import type { IntegrityReportDto } from '../../../shared/contract/casefile';
import { openCliSession } from './session-door';

export type Out = (line: string) => void;

export async function initCommand(argv: string[], out: Out): Promise<void> {
  const { values } = flags(
    argv,
    { casefile: 'string', center: 'string', login: 'string', name: 'string', prefecture: 'string' },
    ['casefile', 'center', 'login', 'name'],
  );
  const prefecture = typeof values.prefecture === 'string' ? values.prefecture : null;
  if (prefecture !== null && !PREFECTURE_CODES.includes(prefecture as never))
    throw new AppError(
      'INVALID_INPUT',
      `--prefecture: a 2-digit prefecture code (11 = 埼玉県), not "${prefecture}".`,
    );
  const passphrase = await secretFrom('YORISOI_PASSPHRASE', cliText().ask.passphrase, true);
  const { caseFile, recoveryCode } = await CaseFile.create({
    casefile: str(values, 'casefile'),
    centerName: str(values, 'center'),
    login: str(values, 'login'),
    displayName: str(values, 'name'),
    passphrase,
  });
  // the center's own prefecture: codes of others count as 県外 in statistics
  if (prefecture) {
    await writeMeta(caseFile.db, 'center_prefecture', prefecture);
    await writeAudit(caseFile.db, {
      staffId: caseFile.staff.id,
      login: caseFile.staff.login,
      action: 'center.prefecture',
      detail: { before: null, after: prefecture },
    });
  }
  await caseFile.lock();
  out(fill(cliText().casefile.created, { path: caseFile.path }));
  out(cliText().casefile.recoveryCodeOnce);
  out(recoveryCode);
}

/** `verify`: the integrity check, through the dispatcher (administrators and counselors). */
export async function verifyCommand(argv: string[], out: Out): Promise<number> {
  const s = await openCliSession(argv);
  try {
    const r = await s.call<IntegrityReportDto>('casefile.verify', {});
    const t = cliText().casefile;
    out(fill(t.integrity, { result: r.ok ? t.integrityOk : t.integrityFailed }));
    for (const p of r.problems) out(`  ${p}`);
    out(fill(t.schemaVersion, { version: r.schemaVersion }));
    return r.ok ? 0 : 1;
  } finally {
    await s.close();
  }
}

/** `passphrase`: one's own, through the dispatcher (the channel's audit entry with it). */
export async function passphraseCommand(argv: string[], out: Out): Promise<void> {
  const s = await openCliSession(argv);
  try {
    const next = await secretFrom('YORISOI_NEW_PASSPHRASE', cliText().ask.newPassphrase, true);
    await s.call('session.changePassphrase', { oldPassphrase: s.passphrase, newPassphrase: next });
    out(fill(cliText().casefile.passphraseChanged, { login: s.runtime.context().actor.login }));
  } finally {
    await s.close();
  }
}

export async function recoverCommand(argv: string[], out: Out): Promise<void> {
  const { values } = flags(argv, { casefile: 'string', login: 'string' }, ['casefile', 'login']);
  const recoveryCode = await secretFrom('YORISOI_RECOVERY_CODE', cliText().ask.recoveryCode);
  const newPassphrase = await secretFrom('YORISOI_NEW_PASSPHRASE', cliText().ask.newPassphrase, true);
  await CaseFile.recover({
    casefile: str(values, 'casefile'),
    login: str(values, 'login'),
    recoveryCode,
    newPassphrase,
  });
  out(fill(cliText().casefile.passphraseSet, { login: str(values, 'login') }));
}

/** `rotate-key`: through the dispatcher (administrators only). */
export async function rotateKeyCommand(argv: string[], out: Out): Promise<void> {
  const s = await openCliSession(argv);
  try {
    const { recoveryCode } = await s.call<{ recoveryCode: string }>('casefile.rotateKey', {});
    out(cliText().casefile.keyRotated);
    out(cliText().casefile.newRecoveryCode);
    out(recoveryCode);
  } finally {
    await s.close();
  }
}
