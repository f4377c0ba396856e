import type { Page } from 'playwright-core';

/**
 * What `expression` (evaluated in the page) says of the focused element, read again every 100 ms
 * until `settled` holds or five seconds pass: the console moves focus after it renders. Read by
 * polling, since the console's Content-Security-Policy forbids `waitForFunction`'s evaluated strings.
 */
export async function focusOnceSettled(page: Page, expression: string, settled: (said: string) => boolean): Promise<string> {
  let said = String(await page.evaluate(expression));
  for (let tries = 0; tries < 50 && !settled(said); tries += 1) {
    await page.waitForTimeout(100);
    said = String(await page.evaluate(expression));
  }
  return said;
}
