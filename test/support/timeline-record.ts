import type { Locator, Page } from 'playwright-core';

/**
 * A record of a proposal's timeline, by the words it is shown in ("Objection raised — Russian
 * Federation"): its heading reads exactly so, not a correction that quotes it.
 */
export function timelineRecord(page: Page, words: string): Locator {
  const exactly = new RegExp(`^${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page
    .getByRole('region', { name: 'Timeline' })
    .getByRole('listitem')
    .filter({ has: page.locator('strong', { hasText: exactly }) });
}

/** The words of each record of the timeline, in its order. */
export async function timelineWords(page: Page): Promise<string[]> {
  const headings = page.getByRole('region', { name: 'Timeline' }).locator('ol.timeline > li > strong');
  await headings.first().waitFor();
  return headings.allTextContents();
}
