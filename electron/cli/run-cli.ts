import { AppError } from '../../shared/errors';
import {
  initCommand,
  passphraseCommand,
  recoverCommand,
  rotateKeyCommand,
  verifyCommand,
  type Out,
} from './commands/casefile-commands';

const USAGE = `yorisoi <command> [flags]
  init        --casefile F --center NAME --login L --name DISPLAY
  verify      --casefile F --login L
  passphrase  --casefile F --login L
  recover     --casefile F --login L
  rotate-key  --casefile F --login L
Secrets come from YORISOI_PASSPHRASE, YORISOI_NEW_PASSPHRASE, YORISOI_RECOVERY_CODE,
or are asked for without echo in a terminal.`;

type Command = (argv: string[], out: Out) => Promise<number | void>;

const COMMANDS: Record<string, Command> = {
  init: initCommand,
  verify: verifyCommand,
  passphrase: passphraseCommand,
  recover: recoverCommand,
  'rotate-key': rotateKeyCommand,
};

export async function runCli(argv: string[], out: Out): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    out(USAGE);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new AppError('INVALID_INPUT', `Unknown command "${name}". Try: yorisoi help`);
  return (await command(rest, out)) ?? 0;
}
