import { join } from 'node:path';
import { AppRuntime } from '../../electron/app/runtime';
import { seedDemo } from '../../electron/demo/seed-demo';

/** A case file with `n` fictitious consultations for the browser list bench. */
export async function buildListCaseFile(dir: string, n = 100_000) {
  const casefile = join(dir, 'list.yorisoi');
  const passphrase = 'list bench passphrase';
  const runtime = new AppRuntime({ casefile });
  await runtime.create({ centerName: 'bench', login: 'admin', displayName: 'admin', passphrase });
  await seedDemo(runtime.context(), { seed: 7, consultations: n });
  await runtime.lock();
  return { casefile, login: 'admin', passphrase, consultations: n };
}
