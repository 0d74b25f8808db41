import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { renderPermissionsDoc } from '../../scripts/permissions-doc';

it('docs/permissions.md is the table the code enforces (run `npm run docs:permissions` after a change)', () => {
  const written = readFileSync(join(__dirname, '../../docs/permissions.md'), 'utf8');
  expect(written).toBe(renderPermissionsDoc());
  // the questions are answered in it
  for (const p of [
    'consultation.viewAll',
    'consultation.edit',
    'report.export',
    'staff.manage',
    'audit.read',
  ]) {
    expect(written).toContain(`\`${p}\``);
  }
});
