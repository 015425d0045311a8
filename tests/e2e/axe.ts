/** axe-core in the page under test: its serious and critical findings, one line each. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

/** Serious and critical violations in the whole page, or only inside the elements matching `include`. */
export async function seriousAxeFindings(page: Page, include: readonly string[] = []): Promise<string[]> {
  // Evaluated like DevTools code, not added as an inline <script>: the site's CSP (script-src 'self')
  // refuses inline scripts, and bypassing it would hide real violations from the tests.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async (selectors) => {
    interface AxeResults {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const axe = (window as unknown as { axe: { run: (c: object, o: object) => Promise<AxeResults> } }).axe;
    const context = selectors.length ? { include: selectors.map((s) => [s]) } : document;
    const r = await axe.run(context, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
      );
  }, include);
}
