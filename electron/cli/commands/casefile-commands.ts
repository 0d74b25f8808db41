import { CaseFile } from '../../../db/case-file';
import { flags, str } from '../args';
import { withSecondFactor } from '../second-factor';
import { secretFrom } from '../secrets';
import type { IntegrityReportDto } from '../../../shared/contract/casefile';
import { openCliSession } from './session-door';

export type Out = (line: string) => void;

export async function initCommand(argv: string[], out: Out): Promise<void> {
  const { values } = flags(argv, { casefile: 'string', center: 'string', login: 'string', name: 'string' }, [
    'casefile',
    'center',
    'login',
    'name',
  ]);
  const passphrase = await secretFrom('YORISOI_PASSPHRASE', 'パスフレーズ / Passphrase: ', true);
  const { caseFile, recoveryCode } = await CaseFile.create({
    casefile: str(values, 'casefile'),
    centerName: str(values, 'center'),
    login: str(values, 'login'),
    displayName: str(values, 'name'),
    passphrase,
  });
  await caseFile.lock();
  out(`created ${caseFile.path}`);
  out('回復コード / Recovery code (shown once — print it and keep it locked away):');
  out(recoveryCode);
}

export async function unlockFromFlags(
  argv: string[],
  extra: Record<string, 'string' | 'boolean'> = {},
  required: string[] = [],
) {
  const parsed = flags(argv, { casefile: 'string', login: 'string', ...extra }, [
    'casefile',
    'login',
    ...required,
  ]);
  const passphrase = await secretFrom('YORISOI_PASSPHRASE', 'パスフレーズ / Passphrase: ');
  const cf = await withSecondFactor((secondFactor) =>
    CaseFile.unlock({
      casefile: str(parsed.values, 'casefile'),
      login: str(parsed.values, 'login'),
      passphrase,
      secondFactor,
    }),
  );
  return { cf, passphrase, ...parsed };
}

/** `verify`: the integrity check, through the dispatcher (administrators and counselors). */
export async function verifyCommand(argv: string[], out: Out): Promise<number> {
  const s = await openCliSession(argv);
  try {
    const r = await s.call<IntegrityReportDto>('casefile.verify', {});
    out(`integrity: ${r.ok ? 'ok' : 'FAILED'}`);
    for (const p of r.problems) out(`  ${p}`);
    out(`schema version: ${r.schemaVersion}`);
    return r.ok ? 0 : 1;
  } finally {
    await s.close();
  }
}

export async function passphraseCommand(argv: string[], out: Out): Promise<void> {
  const { cf, passphrase } = await unlockFromFlags(argv);
  try {
    const next = await secretFrom('YORISOI_NEW_PASSPHRASE', '新しいパスフレーズ / New passphrase: ', true);
    await cf.changePassphrase(cf.staff.login, passphrase, next);
    out(`passphrase changed for ${cf.staff.login}`);
  } finally {
    await cf.lock();
  }
}

export async function recoverCommand(argv: string[], out: Out): Promise<void> {
  const { values } = flags(argv, { casefile: 'string', login: 'string' }, ['casefile', 'login']);
  const recoveryCode = await secretFrom('YORISOI_RECOVERY_CODE', '回復コード / Recovery code: ');
  const newPassphrase = await secretFrom(
    'YORISOI_NEW_PASSPHRASE',
    '新しいパスフレーズ / New passphrase: ',
    true,
  );
  await CaseFile.recover({
    casefile: str(values, 'casefile'),
    login: str(values, 'login'),
    recoveryCode,
    newPassphrase,
  });
  out(`new passphrase set for ${str(values, 'login')}`);
}

/** `rotate-key`: through the dispatcher (administrators only). */
export async function rotateKeyCommand(argv: string[], out: Out): Promise<void> {
  const s = await openCliSession(argv);
  try {
    const { recoveryCode } = await s.call<{ recoveryCode: string }>('casefile.rotateKey', {});
    out('data key rotated; the old recovery code no longer works.');
    out('新しい回復コード / New recovery code (shown once):');
    out(recoveryCode);
  } finally {
    await s.close();
  }
}
