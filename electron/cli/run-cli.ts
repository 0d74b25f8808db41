import { AppError } from '../../shared/errors';
import {
  initCommand,
  passphraseCommand,
  recoverCommand,
  rotateKeyCommand,
  verifyCommand,
  type Out,
} from './commands/casefile-commands';
import { followupsDue, intakeAdd, intakeExample, intakeList, intakeSchema } from './commands/intake-commands';

const USAGE = `yorisoi <command> [flags]
  init        --casefile F --center NAME --login L --name DISPLAY
  verify      --casefile F --login L
  passphrase  --casefile F --login L
  recover     --casefile F --login L
  rotate-key  --casefile F --login L
  intake add     --casefile F --login L --json FILE|-     (prints the new ids)
  intake list    --casefile F --login L [--query TEXT] [--from DATE --to DATE] [--json]
  intake schema  (JSON Schema of the intake add input)
  intake example (one valid intake add input)
  followups due  --casefile F --login L [--scope mine|all] [--json]
Secrets come from YORISOI_PASSPHRASE, YORISOI_NEW_PASSPHRASE, YORISOI_RECOVERY_CODE,
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
  return (await command(rest, out)) ?? 0;
}
