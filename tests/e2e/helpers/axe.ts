// axe-core in the page: the rules of WCAG 2.2 at levels A and AA (with those 2.2 carries over
// from 2.0 and 2.1), reporting only serious and critical violations as readable lines
// ("rule: what is wrong at selector"). Every axe run in the project uses AXE_TAGS.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './studio';

/** The axe-core tags of WCAG 2.2 level AA: the A and AA criteria of 2.0, 2.1 and 2.2. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const AXE_SOURCE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe on the page and returns its serious and critical violations, one line per element. */
export async function seriousViolations(page: Page, label: string): Promise<string[]> {
  return (await axeViolations(page, label)).filter((line) => / \((serious|critical)\): /.test(line));
}

/** Runs axe with the WCAG 2.2 AA tags and returns every violation, whatever its impact, one line per element. */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations;
  }, AXE_TAGS)) as AxeViolation[];
  return violations.flatMap((v) => v.nodes.map((n) => `${label}: ${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`));
}
