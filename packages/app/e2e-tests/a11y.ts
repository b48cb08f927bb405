import AxeBuilder from '@axe-core/playwright';
import { expect, Page } from '@playwright/test';

/** The WCAG levels the portal is held to: 2.0 and 2.1, A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * A known violation that is left out of the check: one rule on the elements one selector finds,
 * and why (which violation, and who fixes it). Nothing else of that rule, and nothing else on
 * those elements, is left out.
 */
export interface KnownViolation {
  rule: string;
  /** A CSS selector; a violation's element is left out when its target matches or lies inside it. */
  target: string;
  why: string;
}

/**
 * Runs axe on the current page and fails, listing each violation, when any serious or critical
 * one is found: its rule, impact, help, how many elements and the first elements' selectors.
 * It also checks the headings: one `<h1>`, and none empty. The checks are soft: the test goes
 * on to its next page, and fails at its end.
 */
export async function expectNoA11yViolations(
  page: Page,
  options: {
    known?: KnownViolation[];
    /** Why the page may have more than one `<h1>` for now (a known, reported issue). */
    knownExtraH1?: string;
  } = {},
) {
  // The settled page, not its loading state: indeterminate progress bars have gone (or 30 s).
  await page
    .waitForFunction(
      () =>
        !document.querySelector('[role="progressbar"]:not([aria-valuenow])'),
      undefined,
      { timeout: 30_000 },
    )
    .catch(() => undefined);
  const headings = await page.evaluate(() => ({
    h1: [...document.querySelectorAll('h1')].map(h => h.textContent ?? ''),
    empty: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
      .filter(h => !h.textContent?.trim())
      .map(h => h.outerHTML.slice(0, 120)),
  }));
  if (!options.knownExtraH1) {
    expect.soft(headings.h1, `one <h1> on ${page.url()}`).toHaveLength(1);
  }
  expect.soft(headings.empty, `empty headings on ${page.url()}`).toEqual([]);

  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const known = options.known ?? [];
  const violations = [];
  for (const violation of results.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') {
      continue;
    }
    const nodes = [];
    for (const node of violation.nodes) {
      const selector = node.target.map(String).join(' ');
      const isKnown = await Promise.all(
        known
          .filter(k => k.rule === violation.id)
          .map(k =>
            page
              .locator(node.target.map(String).join(' >> '))
              .first()
              .evaluate(
                (element, target) => !!element.closest(target),
                k.target,
              )
              .catch(() => false),
          ),
      );
      if (!isKnown.includes(true)) nodes.push(selector);
    }
    if (nodes.length > 0) violations.push({ ...violation, targets: nodes });
  }
  const report = violations.map(
    v =>
      `${v.id} (${v.impact}): ${v.help} [${v.targets.length} element${
        v.targets.length === 1 ? '' : 's'
      }] ${v.helpUrl}\n    ${v.targets.slice(0, 5).join('\n    ')}`,
  );
  expect
    .soft(report, `axe found serious or critical violations on ${page.url()}`)
    .toEqual([]);
}
