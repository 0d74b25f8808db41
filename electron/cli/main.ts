import { isAppError } from '../../shared/errors';
import { errorLine } from './cli-text';
import { runCli } from './run-cli';

// `yorisoi <command> …` — exit 0 on success, 1 with one line on stderr otherwise.
const code = await runCli(process.argv.slice(2), (line) => process.stdout.write(line + '\n')).catch(
  (e: unknown) => {
    const msg = isAppError(e)
      ? errorLine(e.code, e.message)
      : errorLine('INTERNAL', (e as Error).message ?? String(e));
    process.stderr.write(msg + '\n');
    return isAppError(e) && e.code === 'INVALID_INPUT' ? 2 : 1;
  },
);
process.exitCode = code;
