import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's browser build, injected as an inline script (the page's CSP allows inline scripts). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe rule broken, with the elements that break it. */
export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * The serious and critical axe violations of what is shown now (hidden parts are not checked:
 * axe skips them, so each part is checked with its tab open).
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    type AxeResult = {
      violations: {
        id: string;
        impact?: string | null;
        help: string;
        nodes: { target: unknown[] }[];
      }[];
    };
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** Marks every visible, enabled control and returns how many there are. */
async function markControls(page: Page): Promise<number> {
  return page.evaluate(() => {
    const selector =
      'button, input, select, textarea, a[href], summary, [tabindex], [contenteditable="true"], [role="button"], [role="tab"], [role="checkbox"], [role="radio"], [role="link"]';
    let index = 0;
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      element.removeAttribute('data-e2e-control');
      const disabled = (element as HTMLButtonElement).disabled === true;
      const shown = element.checkVisibility({ visibilityProperty: true, opacityProperty: false });
      // A non-control taken out of the tab order on purpose (a focus target for scripts).
      const native = /^(BUTTON|INPUT|SELECT|TEXTAREA|A|SUMMARY)$/.test(element.tagName);
      const scriptTarget = !native && element.tabIndex < 0 && element.getAttribute('role') !== 'tab';
      if (disabled || scriptTarget || !shown || element.closest('[hidden], [inert]')) continue;
      element.setAttribute('data-e2e-control', String(index++));
    }
    return index;
  });
}

/** What a marked control is, for a failure message. */
async function describeControls(page: Page, indexes: number[]): Promise<string[]> {
  return page.evaluate((wanted) => {
    return wanted.map((index) => {
      const element = document.querySelector<HTMLElement>(`[data-e2e-control="${index}"]`)!;
      const name =
        element.getAttribute('aria-label') ??
        (element as HTMLInputElement).labels?.[0]?.textContent ??
        element.textContent ??
        '';
      return `<${element.tagName.toLowerCase()}${element.getAttribute('type') ? ` type=${element.getAttribute('type')}` : ''}> ${name.trim().slice(0, 40)}`;
    });
  }, indexes);
}

/**
 * Tabs through the page from the top and returns the visible controls that never got the focus.
 * A tab list with a roving tabindex counts as reached when one of its tabs is; a radio group
 * when one of its radios is (arrow keys move within them).
 */
export async function controlsKeyboardCannotReach(page: Page): Promise<string[]> {
  const count = await markControls(page);
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.getSelection()?.removeAllRanges();
  });
  const reached = new Set<string>();
  for (let press = 0; press < count * 2 + 10; press++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      const marked = element?.closest<HTMLElement>('[data-e2e-control]');
      if (!marked) return undefined;
      // Siblings that share one tab stop: the tabs of a tab list, the radios of a group.
      const group =
        marked.getAttribute('role') === 'tab'
          ? marked.closest('[role="tablist"]')?.querySelectorAll('[role="tab"]')
          : marked instanceof HTMLInputElement && marked.type === 'radio' && marked.name
            ? document.querySelectorAll(`input[type="radio"][name="${CSS.escape(marked.name)}"]`)
            : undefined;
      return [...(group ?? [marked])]
        .map((member) => member.getAttribute('data-e2e-control'))
        .filter((index): index is string => index !== null);
    });
    for (const index of focused ?? []) reached.add(index);
    if (reached.size === count) break;
  }
  const missing = Array.from({ length: count }, (_, index) => index).filter(
    (index) => !reached.has(String(index)),
  );
  return describeControls(page, missing);
}
