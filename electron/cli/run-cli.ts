import { AppError, isAppError } from '../../shared/errors';
import { storageError } from '../ipc/storage-errors';
import { cliLanguage, cliText, fill, setCliLanguage } from './cli-text';
import {
  initCommand,
  passphraseCommand,
  recoverCommand,
  rotateKeyCommand,
  verifyCommand,
  type Out,
} from './commands/casefile-commands';
import { followupsDue, intakeAdd, intakeExample, intakeList, intakeSchema } from './commands/intake-commands';
import {
  bundleExport,
  bundleImport,
  identityExport,
  peerAdd,
  peerList,
  receiptExport,
  receiptImport,
  syncModeCommand,
  syncSummary,
} from './commands/sync-commands';
import { reportCommand } from './commands/report-command';
import { backupCommand, restoreCommand } from './commands/backup-commands';
import { demoCommand } from './commands/demo-command';
import { coordinationList } from './commands/coordination-command';
import { letterDraft, letterIssue, letterRegister } from './commands/letter-commands';
import { auditExportCommand, auditVerifyCommand } from './commands/audit-commands';

type Command = (argv: string[], out: Out) => Promise<number | void>;

const COMMANDS: Record<string, Command> = {
  init: initCommand,
  verify: verifyCommand,
  passphrase: passphraseCommand,
  recover: recoverCommand,
  'rotate-key': rotateKeyCommand,
  'intake add': intakeAdd,
  'intake list': intakeList,
  'intake schema': intakeSchema,
  'intake example': intakeExample,
  'followups due': followupsDue,
  'coordination list': coordinationList,
  'identity export': identityExport,
  'peer add': peerAdd,
  'peer list': peerList,
  'bundle export': bundleExport,
  'bundle import': bundleImport,
  'receipt export': receiptExport,
  'receipt import': receiptImport,
  'sync mode': syncModeCommand,
  'sync summary': syncSummary,
  report: reportCommand,
  backup: backupCommand,
  restore: restoreCommand,
  demo: demoCommand,
  'letter draft': letterDraft,
  'letter issue': letterIssue,
  'letter register': letterRegister,
  'audit verify': auditVerifyCommand,
  'audit export': auditExportCommand,
};

/** Takes `--lang ja|en` out of the arguments (it may stand anywhere) and sets the language. */
function takeLanguage(argv: string[]): string[] {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const flag = at < 0 ? undefined : argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  if (at >= 0 && flag !== 'ja' && flag !== 'en')
    throw new AppError('INVALID_INPUT', `--lang: ja or en, not "${flag ?? ''}"`);
  setCliLanguage(cliLanguage(process.env, flag));
  return at < 0 ? argv : argv.filter((_, i) => i !== at && (argv[at]!.includes('=') || i !== at + 1));
}

export async function runCli(args: string[], out: Out): Promise<number> {
  const argv = takeLanguage(args);
  const [first, second, ...more] = argv;
  if (!first || first === 'help' || first === '--help') {
    out(cliText().usage);
    return 0;
  }
  // two-word commands ("intake add") before one-word ones
  const two = `${first} ${second ?? ''}`;
  const name = COMMANDS[two] ? two : first;
  const rest = COMMANDS[two] ? more : argv.slice(1);
  const command = COMMANDS[name];
  if (!command) throw new AppError('INVALID_INPUT', fill(cliText().unknownCommand, { name }));
  try {
    return (await command(rest, out)) ?? 0;
  } catch (e) {
    // what the disk said, as the same codes the app shows (not INTERNAL)
    throw isAppError(e) ? e : (storageError(e) ?? e);
  }
}
