import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint config is the layering of DESIGN.md; this proves it bites.
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports');
}

describe('layering lint', () => {
  it('the renderer may not import db/, electron/ or Node', async () => {
    expect(
      await restricted('renderer/x.ts', `import { CaseFile } from '../db/case-file';\nexport { CaseFile };`),
    ).toBe(true);
    expect(
      await restricted('renderer/x.ts', `import { a } from '../electron/ipc/dispatcher';\nexport { a };`),
    ).toBe(true);
    expect(
      await restricted('renderer/x.ts', `import { readFileSync } from 'node:fs';\nexport { readFileSync };`),
    ).toBe(true);
    expect(
      await restricted('renderer/x.ts', `import { AppError } from '../shared/errors';\nexport { AppError };`),
    ).toBe(false);
  });

  it('only electron/shell and electron/main.ts import electron', async () => {
    const code = `import { app } from 'electron';\nexport { app };`;
    expect(await restricted('electron/services/x.ts', code)).toBe(true);
    expect(await restricted('db/x.ts', code)).toBe(true);
    expect(await restricted('electron/shell/window.ts', code)).toBe(false);
    expect(await restricted('electron/main.ts', code)).toBe(false);
  });

  it('shared/ imports none of our other folders', async () => {
    expect(
      await restricted('shared/x.ts', `import { CaseFile } from '../db/case-file';\nexport { CaseFile };`),
    ).toBe(true);
  });
});
