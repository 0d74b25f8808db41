import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe-core run on the page as it stands (evaluated through the DevTools protocol, so the app's
 * CSP stays as it is). Returns what a screen must not have: serious and critical violations,
 * moderate ones (page-has-heading-one, heading-order, region …), and empty table headers.
 */
export async function axeProblems(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  const found = (await page.evaluate(`window.axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`)) as AxeFinding[];
  return found.filter(
    (v) =>
      v.impact === 'serious' ||
      v.impact === 'critical' ||
      v.impact === 'moderate' ||
      v.id === 'empty-table-header',
  );
}
