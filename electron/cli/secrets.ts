import { AppError } from '../../shared/errors';
import { cliText } from './cli-text';
import { promptHidden } from './prompt';

/** A secret from an environment variable, or asked for without echo when interactive. */
export async function secretFrom(envName: string, question: string, confirm = false): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new AppError('INVALID_INPUT', `Set ${envName} or run in a terminal to be asked.`);
  }
  const value = await promptHidden(question);
  if (confirm && (await promptHidden(cliText().ask.again)) !== value) {
    throw new AppError('INVALID_INPUT', cliText().ask.notTheSame);
  }
  return value;
}
