import { AppError, isAppError } from '../../shared/errors';
import { storageError } from '../ipc/storage-errors';
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

const USAGE = `yorisoi <command> [flags]
  init        --casefile F --center NAME --login L --name DISPLAY [--prefecture 11]
  verify      --casefile F --login L
  passphrase  --casefile F --login L
  recover     --casefile F --login L
  rotate-key  --casefile F --login L
  intake add     --casefile F --login L --json FILE|-     (prints the new ids)
  intake list    --casefile F --login L [--query TEXT] [--from DATE --to DATE] [--json]
  intake schema  (JSON Schema of the intake add input)
  intake example (one valid intake add input)
  followups due  --casefile F --login L [--scope mine|all] [--json]
  coordination list --casefile F --login L [--state open|ended|all] [--json]  (admission/respite board)
  backup         --casefile F --login L [--to DIR]       (encrypted snapshot; daily×7 weekly×4 monthly×12)
  restore        --from SNAPSHOT --casefile F --login L  (new device id)
  demo           --casefile F --login L --consultations N [--seed S]  (FICTITIOUS data / 架空データ)
  audit verify   --casefile F --login L [--json]        (the audit log's hash chain; exit 1 if broken)
  audit export   --casefile F --login L --out FILE [--from DATE --to DATE --user L --action A]  (CSV)
  identity export --casefile F --login L [--out FILE]   (identity card + fingerprint)
  peer add       --casefile F --login L --card FILE [--profile full|statistics] [--label NAME] [--fingerprint CODE]
  peer list      --casefile F --login L [--json]        (the sync queue per peer)
  bundle export  --casefile F --login L --to PEER (--out FILE | --folder)
  bundle import  --casefile F --login L FILE
  receipt export --casefile F --login L --to PEER (--out FILE | --folder)
  receipt import --casefile F --login L FILE
  sync mode      --casefile F --login L center|prefecture
  sync summary   --casefile F --login L [--fiscal-year YYYY] [--json]   (consultations per center)
  letter draft    --casefile F --login L --referral ID [--template t1|t2|t3|t4|t5]   (JSON to edit)
  letter issue    --casefile F --login L --referral ID --out FILE.pdf [--draft FILE.json] [--consent ID]
                  [--emergency-reason TEXT]   (without consent: 生命・身体の保護, logged; saving the PDF is logged)
  letter register --casefile F --login L [--person ID] [--json]
  report      --casefile F --login L --fiscal-year YYYY [--from YYYY-MM --to YYYY-MM] [--site center|outreach | --event ID] --format json|csv|xlsx --out FILE
Secrets come from YORISOI_PASSPHRASE, YORISOI_NEW_PASSPHRASE, YORISOI_RECOVERY_CODE, YORISOI_TOTP,
or are asked for without echo in a terminal.`;

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

export async function runCli(argv: string[], out: Out): Promise<number> {
  const [first, second, ...more] = argv;
  if (!first || first === 'help' || first === '--help') {
    out(USAGE);
    return 0;
  }
  // two-word commands ("intake add") before one-word ones
  const two = `${first} ${second ?? ''}`;
  const name = COMMANDS[two] ? two : first;
  const rest = COMMANDS[two] ? more : argv.slice(1);
  const command = COMMANDS[name];
  if (!command) throw new AppError('INVALID_INPUT', `Unknown command "${name}". Try: yorisoi help`);
  try {
    return (await command(rest, out)) ?? 0;
  } catch (e) {
    // what the disk said, as the same codes the app shows (not INTERNAL)
    throw isAppError(e) ? e : (storageError(e) ?? e);
  }
}
