import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { formatVerifierKey, rawEd25519PublicKey } from '../libs/verifier/src/keys';
import type { Browser, BrowserContext, Locator, Page, Route } from 'playwright-core';
import { conveneMeeting, recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { read, record } from './support/ledger-client';
import { focusOnceSettled } from './support/page-focus';
import { timelineRecord, timelineWords } from './support/timeline-record';
import { LedgerHarness, TEST_KEYS } from './support/ledger-harness';
import { newStorage, removeStorage } from './support/ledger-storage';
import { concord } from './support/concord-cli';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The web console when things go wrong for a clerk: a key revoked while a tab is open, a record
 * made by someone else while a form is being filled in, an answer lost on the way back, a long
 * name, a garbled verifier key. Each case is one the console once got wrong.
 */
const CHROMIUM = process.env.CONCORD_TEST_CHROMIUM ?? '/usr/bin/chromium';
const describeInBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) {
  console.warn(`SKIPPED: the web console's browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CONCORD_TEST_CHROMIUM)`);
}

jest.setTimeout(90_000);

/** Evaluated in the page: whether nothing sticks out sideways. */
const FITS_THE_WIDTH = 'document.documentElement.scrollWidth <= document.documentElement.clientWidth';
/** Evaluated in the page: the navigation links laid out on more than one line. */
const NAV_LINKS_BROKEN = "[...document.querySelectorAll('nav a')].filter((link) => link.getClientRects().length > 1).map((link) => link.textContent)";

describeInBrowser(`The web console when things go wrong (${CHROMIUM})`, () => {
  let ledger: LedgerHarness;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    ledger = await LedgerHarness.start();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await ledger?.stop();
  });

  /** A new tab, signed in with `key`, at `hash`. */
  async function signedIn(key: string, hash = '', viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${ledger.baseUrl}/`);
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Bodies' }).waitFor();
    if (hash) await page.goto(`${ledger.baseUrl}/#${hash}`);
    return page;
  }

  it('signs a tab out once its key is revoked, instead of sending the refused key again and again', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const issued = (await ledger.post('/v1/keys', { name: 'Clerk To Revoke', role: 'secretariat' }, { role: 'admin' })).body as { key: string; keyId: string };
    const page = await signedIn(issued.key, `/bodies/${kp.bodyId}`);
    await page.getByRole('heading', { name: 'Kimberley Process' }).waitFor();
    const refusedRequests: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 401) refusedRequests.push(response.url());
    });

    expect((await ledger.request('DELETE', `/v1/keys/${issued.keyId}`, undefined, { role: 'admin' })).status).toBe(200);
    // Revoking closes the key's open event stream; the tab's next request is refused and it signs out.
    await page.getByText('The ledger no longer accepts the key this tab signed in with').waitFor({ timeout: 10_000 });
    await page.getByLabel('API key').waitFor();
    await page.waitForTimeout(3000);
    expect(refusedRequests.length).toBeGreaterThan(0);
    expect(refusedRequests.length).toBeLessThanOrEqual(2);
    expect(await page.evaluate('sessionStorage.length')).toBe(0);

    // The address is not taken for a key guesser: another clerk there signs in, back where the tab was.
    await page.getByLabel('API key').fill(TEST_KEYS.secretariat);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Kimberley Process' }).waitFor();
  });

  it('offers no form to a key that may only read, says why where the forms would be, and offers them to the secretariat key signed in next', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const meetingId = kp.intersessional;
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId });
    const readsOnly = 'it reads the ledger but may not record. Sign in with a secretariat key to record.';
    const page = await signedIn(TEST_KEYS.auditor, `/meetings/${meetingId}`);
    await page.getByText(`You are signed in with an auditor key: ${readsOnly}`).waitFor();
    await page
      .getByRole('navigation', { name: 'main' })
      .getByText(/, auditor$/)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Record' }).count()).toBe(0);
    await page.goto(`${ledger.baseUrl}/#/proposals/${proposalId}`);
    await page.getByText(`You are signed in with an auditor key: ${readsOnly}`).waitFor();
    expect(await page.getByRole('form', { name: 'Revise the text' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Correct this record' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').fill(TEST_KEYS.secretariat);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('form', { name: 'Revise the text' }).waitFor();
    expect(await page.getByText(readsOnly, { exact: false }).count()).toBe(0);
    await page.goto(`${ledger.baseUrl}/#/meetings/${meetingId}`);
    await page.getByRole('form', { name: 'Record a statement' }).waitFor();
    expect(await page.getByText(readsOnly, { exact: false }).count()).toBe(0);
  });

  it('asks again what its key may do when the ledger did not answer, and offers the forms once it does', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    // Refused until the page has said so, however long the page takes to show it; then answered.
    let refusing = true;
    let refused = 0;
    await page.route('**/v1/me', (route) => {
      if (!refusing) return route.continue();
      refused += 1;
      return route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ code: 'store-unavailable', detail: 'briefly' }) });
    });
    await page.goto(`${ledger.baseUrl}/`);
    await page.getByLabel('API key').fill(TEST_KEYS.secretariat);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.goto(`${ledger.baseUrl}/#/meetings/${kp.intersessional}`);
    await page.getByText('The ledger did not say what this key may do').waitFor();
    refusing = false;
    await page.getByRole('form', { name: 'Record a statement' }).waitFor({ timeout: 40_000 });
    expect(refused).toBeGreaterThanOrEqual(1);
    expect(await page.getByText('The ledger did not say what this key may do').count()).toBe(0);
  });

  it('says the ledger is not answering once it has stopped, and reads the page again once it is back', async () => {
    const lost = await LedgerHarness.start();
    const restarted: LedgerHarness[] = [];
    try {
      const kp = await recordKimberleyProcess(lost);
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${lost.baseUrl}/`);
      await page.getByLabel('API key').fill(TEST_KEYS.auditor);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.goto(`${lost.baseUrl}/#/bodies/${kp.bodyId}`);
      await page.getByRole('heading', { name: 'Observers' }).waitFor();
      const notice = page.getByText('The ledger is not answering.', { exact: false });
      expect(await notice.count()).toBe(0);

      await lost.kill();
      await notice.waitFor({ timeout: 20_000 });

      // The same ledger started again (on another port, which the browser is sent to as if it were the first).
      const again = await LedgerHarness.start({}, lost.storage);
      restarted.push(again);
      await page.route(`${lost.baseUrl}/**`, (route) => route.continue({ url: route.request().url().replace(lost.baseUrl, again.baseUrl) }));
      await record(again, `/v1/bodies/${kp.bodyId}/observers`, {
        observerId: 'back-again',
        name: 'Recorded while the page was cut off',
        occurredAt: '2022-12-01',
      });
      await notice.waitFor({ state: 'detached', timeout: 40_000 });
      await page.getByText('Recorded while the page was cut off').first().waitFor({ timeout: 10_000 });
    } finally {
      for (const harness of restarted) await harness.stop({ checkEvents: false });
      await lost.stop({ checkEvents: false });
    }
  });

  it('reads the page again at once from a ledger restored from an older copy, instead of waiting for it to pass the position it had reached', async () => {
    const first = await LedgerHarness.start();
    const harnesses: LedgerHarness[] = [first];
    const restoredStorage = newStorage('sqlite');
    try {
      const kp = await recordKimberleyProcess(first);
      const backup = join(restoredStorage.dataDir, 'backup.sqlite');
      expect(concord(first.storage, ['backup', backup]).status).toBe(0);
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${first.baseUrl}/`);
      await page.getByLabel('API key').fill(TEST_KEYS.auditor);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.goto(`${first.baseUrl}/#/bodies/${kp.bodyId}`);
      await page.getByRole('heading', { name: 'Observers' }).waitFor();
      for (const made of [1, 2, 3]) {
        await record(first, `/v1/bodies/${kp.bodyId}/observers`, {
          observerId: `lost-${made}`,
          name: `Admitted after the backup ${made}`,
          occurredAt: '2022-12-01',
        });
      }
      await page.getByText('Admitted after the backup 3').first().waitFor({ timeout: 10_000 });
      await first.kill();

      copyFileSync(backup, join(restoredStorage.dataDir, 'ledger.sqlite'));
      copyFileSync(join(first.storage.dataDir, 'checkpoint-signing-key.pem'), join(restoredStorage.dataDir, 'checkpoint-signing-key.pem'));
      const restored = await LedgerHarness.start({}, restoredStorage);
      harnesses.push(restored);
      // The restored ledger on another port, which the browser is sent to as if it were the first.
      await page.route(`${first.baseUrl}/**`, (route) => route.continue({ url: route.request().url().replace(first.baseUrl, restored.baseUrl) }));
      // Still short of the position the page had followed to: the page must not wait for the ledger to pass it.
      await record(restored, `/v1/bodies/${kp.bodyId}/observers`, {
        observerId: 'admitted-anew',
        name: 'Admitted after the restore',
        occurredAt: '2022-12-02',
      });
      await page.getByText('Admitted after the restore').first().waitFor({ timeout: 20_000 });
      expect(await page.getByText('Admitted after the backup', { exact: false }).count()).toBe(0);
    } finally {
      for (const harness of harnesses) await harness.stop({ checkEvents: false });
      await removeStorage(restoredStorage);
    }
  });

  it('refuses a revision begun on a text that has since changed, keeps what was typed, and records it once read again', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { text: 'The first text.' });
    const page = await signedIn(TEST_KEYS.secretariat, `/proposals/${proposalId}`);
    const revise = page.getByRole('form', { name: 'Revise the text' });
    // Dated today, as the desk's forms are, not left empty.
    expect(await revise.getByLabel('When (date or date-time)').inputValue()).toBe(new Date().toISOString().slice(0, 10));
    await revise.getByLabel('New text, in full').fill('The clerk’s text, written against the first.');
    await revise.getByLabel('When (date or date-time)').fill('2022-06-23');

    await record(ledger, `/v1/proposals/${proposalId}/revisions`, { text: 'Another clerk’s text.', occurredAt: '2022-06-22' });
    await page.getByRole('region', { name: 'Text' }).getByText('Another clerk’s text.').waitFor({ timeout: 10_000 });
    await revise.getByRole('button', { name: 'Record' }).click();
    await revise.getByText('Someone recorded something here since you began this form, so it was not recorded.').waitFor();
    expect(await read<{ text: string }>(ledger, `/v1/proposals/${proposalId}`)).toMatchObject({ text: 'Another clerk’s text.' });
    expect(await revise.getByLabel('New text, in full').inputValue()).toBe('The clerk’s text, written against the first.');

    await revise.getByRole('button', { name: 'Read again' }).click();
    await revise.getByText('Read again: check what changed, then record again.').waitFor();
    expect(await revise.getByLabel('New text, in full').inputValue()).toBe('The clerk’s text, written against the first.');
    await revise.getByRole('button', { name: 'Record' }).click();
    await revise.getByText('Recorded.').waitFor();
    expect(await read<{ text: string }>(ledger, `/v1/proposals/${proposalId}`)).toMatchObject({ text: 'The clerk’s text, written against the first.' });
  });

  it('declares an outcome on the revision the clerk began the form on, not on one that arrived meanwhile', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { title: 'Fund the secretariat', text: '100,000 USD.', meetingId: kp.intersessional });
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    const decision = page.getByRole('form', { name: 'Declare the outcome' });
    await decision.getByLabel('Proposal').selectOption(proposalId);
    await decision.getByLabel('Outcome').selectOption('consensus');
    await decision.getByLabel('When (date or date-time)').fill('2022-06-24');

    const revisionsSeen = page.waitForResponse((response) => response.url().includes('/proposals?') && response.status() === 200);
    await record(ledger, `/v1/proposals/${proposalId}/revisions`, { text: '900,000 USD.', occurredAt: '2022-06-23' });
    await revisionsSeen;
    await decision.getByRole('button', { name: 'Record' }).click();
    await decision.getByText('Someone recorded something here since you began this form, so it was not recorded.').waitFor();
    expect(await read<{ status: string }>(ledger, `/v1/proposals/${proposalId}`)).toMatchObject({ status: 'open' });
  });

  it('declares an outcome on the revision shown when a proposal tabled after the form was begun was chosen, not on a later one', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    const decision = page.getByRole('form', { name: 'Declare the outcome' });
    await decision.getByLabel('Outcome').selectOption('consensus');
    await decision.getByLabel('When (date or date-time)').fill('2022-06-24');
    // Chosen by hand: a form begun before the body's offices are read is not filled in with the Chair.
    await decision.locator('select >> option[value="bw"]').waitFor({ state: 'attached' });
    await decision.getByLabel('Declared by (Chair or acting Vice-Chair)').selectOption('bw');

    // Tabled by another clerk once the form was begun: the page shows it live, and the clerk chooses it.
    const { proposalId } = await tableProposal(ledger, kp.bodyId, {
      title: 'Meet in Cape Town',
      text: 'The plenary meets in Cape Town.',
      meetingId: kp.intersessional,
    });
    await decision.locator(`select >> option[value="${proposalId}"]`).waitFor({ state: 'attached' });
    await decision.getByLabel('Proposal').selectOption(proposalId);
    const revisionsSeen = page.waitForResponse((response) => response.url().includes('/proposals?') && response.status() === 200);
    await record(ledger, `/v1/proposals/${proposalId}/revisions`, { text: 'The plenary meets in Moscow.', occurredAt: '2022-06-23' });
    await revisionsSeen;
    await decision.getByRole('button', { name: 'Record' }).click();
    await decision.getByText('Someone recorded something here since you began this form, so it was not recorded.').waitFor();
    expect(await read<{ status: string }>(ledger, `/v1/proposals/${proposalId}`)).toMatchObject({ status: 'open' });
  });

  it('refuses an outcome chosen on a proposal that anything was recorded on since, but records support, which rests only on the text', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { title: 'Admit Chad', text: 'Chad is admitted.', meetingId: kp.intersessional });
    await record(ledger, `/v1/proposals/${proposalId}/objections`, { participantId: 'ru', grounds: 'Not ready.', occurredAt: '2022-06-22' });
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    const decision = page.getByRole('form', { name: 'Declare the outcome' });
    await decision.locator(`select >> option[value="${proposalId}"]`).waitFor({ state: 'attached' });
    await decision.getByLabel('Proposal').selectOption(proposalId);
    await decision.getByLabel('Outcome').selectOption('no-consensus');
    await decision.getByLabel('When (date or date-time)').fill('2022-06-24');
    await decision.getByLabel('Declared by (Chair or acting Vice-Chair)').selectOption('bw');
    const support = page.getByRole('form', { name: 'Record support' });
    await support.getByLabel('Proposal').selectOption(proposalId);
    await support.getByLabel('Participant').selectOption('eu');
    await support.getByLabel('When (date or date-time)').fill('2022-06-24');

    // Another clerk records the objection's withdrawal: no new text, but the proposal the clerk chose is no longer blocked.
    const reread = page.waitForResponse((response) => response.url().includes('/proposals?') && response.status() === 200);
    await record(ledger, `/v1/proposals/${proposalId}/objections/ru/withdrawal`, { occurredAt: '2022-06-23' });
    await reread;
    await decision.getByRole('button', { name: 'Record' }).click();
    await decision.getByText('Someone recorded something here since you began this form, so it was not recorded.').waitFor();
    await support.getByRole('button', { name: 'Record' }).click();
    await support.getByText('Recorded.').waitFor();
    expect(await read<{ status: string; supporters: string[] }>(ledger, `/v1/proposals/${proposalId}`)).toMatchObject({ status: 'open', supporters: ['eu'] });
    // Read again, the outcome form records on what is shown now (once that reading has landed).
    const readAgain = page.waitForResponse((response) => response.url().includes('/proposals?') && response.status() === 200);
    await decision.getByRole('button', { name: 'Read again' }).click();
    await readAgain;
    await page.waitForTimeout(200);
    await decision.getByRole('button', { name: 'Record' }).click();
    await decision.getByText('Recorded.').waitFor();
  });

  it('lets two clerks record support and objections on one proposal at once, and refuses either once the text is revised', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, {
      title: 'Share the statistics',
      text: 'Statistics are shared.',
      meetingId: kp.intersessional,
    });
    const [first, second] = await Promise.all([
      signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`),
      signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`),
    ]);
    const begin = async (page: Page, form: string, participantId: string): Promise<Locator> => {
      const shown = page.getByRole('form', { name: form });
      await shown.locator(`select >> option[value="${proposalId}"]`).waitFor({ state: 'attached' });
      await shown.getByLabel('Proposal').selectOption(proposalId);
      await shown.getByLabel('Participant').selectOption(participantId);
      if (form === 'Record an objection') await shown.getByLabel('Grounds').fill('Not yet.');
      await shown.getByLabel('When (date or date-time)').fill('2022-06-24');
      return shown;
    };
    const firstSupport = await begin(first, 'Record support', 'eu');
    const secondSupport = await begin(second, 'Record support', 'ua');
    const secondObjection = await begin(second, 'Record an objection', 'ru');

    await firstSupport.getByRole('button', { name: 'Record' }).click();
    await firstSupport.getByText('Recorded.').waitFor();
    // Begun before the first clerk's support was recorded, on the same text: not stale.
    await secondSupport.getByRole('button', { name: 'Record' }).click();
    await secondSupport.getByText('Recorded.').waitFor();
    expect(await read<{ supporters: string[] }>(ledger, `/v1/proposals/${proposalId}`)).toMatchObject({ supporters: ['eu', 'ua'] });

    // The text revised once the objection was begun: an objection to a text the clerk did not read is not recorded.
    await record(ledger, `/v1/proposals/${proposalId}/revisions`, { text: 'Statistics are shared each quarter.', occurredAt: '2022-06-24' });
    await secondObjection.getByRole('button', { name: 'Record' }).click();
    await secondObjection.getByText('The proposal’s text was revised since you chose it, so this was not recorded').waitFor();
    expect(await read<{ blockingParticipants: string[] }>(ledger, `/v1/proposals/${proposalId}`)).toMatchObject({ blockingParticipants: [] });
    // Recorded on the text read again: sent before that reading lands, it would be refused as stale once more.
    const readAgain = second.waitForResponse((response) => response.url().includes('/proposals?') && response.status() === 200);
    await secondObjection.getByRole('button', { name: 'Read again' }).click();
    await readAgain;
    await second.waitForTimeout(200);
    await secondObjection.getByRole('button', { name: 'Record' }).click();
    await secondObjection.getByText('Recorded.').waitFor();
    expect(await read<{ blockingParticipants: string[] }>(ledger, `/v1/proposals/${proposalId}`)).toMatchObject({ blockingParticipants: ['ru'] });
  });

  it('does not send a choice the page no longer offers: a statement about a proposal decided meanwhile is not recorded as about nothing', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { title: 'Budget for 2023', text: 'The budget.', meetingId: kp.intersessional });
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    const statement = page.getByRole('form', { name: 'Record a statement' });
    await statement.locator(`select >> option[value="${proposalId}"]`).waitFor({ state: 'attached' });
    await statement.getByLabel('Speaker').selectOption('wdc');
    await statement.getByLabel('About proposal (optional)').selectOption(proposalId);
    await statement.getByLabel('Summary').fill('Supports the budget.');

    await record(ledger, `/v1/proposals/${proposalId}/decision`, {
      outcome: 'no-consensus',
      declaredBy: 'bw',
      meetingId: kp.intersessional,
      occurredAt: '2022-06-23',
    });
    await statement.locator(`select >> option[value="${proposalId}"]`).waitFor({ state: 'detached' });
    await statement.getByRole('button', { name: 'Record' }).click();
    await statement.getByText('What you chose for About proposal (optional) is no longer offered').waitFor();
    const statements = await read<{ statements: unknown[] }>(ledger, `/v1/meetings/${kp.intersessional}/statements`);
    expect(statements.statements).toEqual([]);
    expect(await statement.getByLabel('Summary').inputValue()).toBe('Supports the budget.');
  });

  it('shows texts with the line breaks they were recorded with, and a focus ring that stands out from the page', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const text = '1. The Plenary decides:\n\n(a) first point;\n(b) second point.';
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { title: 'Two points', text, meetingId: kp.intersessional });
    const page = await signedIn(TEST_KEYS.secretariat, `/proposals/${proposalId}`);
    const shown = page.getByRole('region', { name: 'Text' }).locator('blockquote');
    await shown.waitFor();
    expect(await shown.evaluate((element) => (element as HTMLElement).innerText)).toBe(text);

    await page.getByRole('link', { name: 'Bodies' }).focus();
    const ring = await page.evaluate('getComputedStyle(document.activeElement).outlineColor');
    const channels = (String(ring).match(/\d+/g) ?? []).slice(0, 3).map(Number);
    const linear = channels.map((value) => (value / 255 <= 0.04045 ? value / 255 / 12.92 : ((value / 255 + 0.055) / 1.055) ** 2.4));
    const luminance = 0.2126 * (linear[0] ?? 1) + 0.7152 * (linear[1] ?? 1) + 0.0722 * (linear[2] ?? 1);
    // WCAG 1.4.11: at least 3:1 against white, and against the time-travel banner's yellow (#fff3cd, luminance 0.90).
    expect({ ring, onWhite: 1.05 / (luminance + 0.05) >= 3, onBanner: 0.95 / (luminance + 0.05) >= 3 }).toEqual({ ring, onWhite: true, onBanner: true });
  });

  it('says beside a standing objection that does not block that it does not, as consensus possible says', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.intersessional });
    await record(ledger, `/v1/proposals/${proposalId}/objections`, { participantId: 'by', grounds: 'Not now.', occurredAt: '2022-06-22' });
    await record(ledger, `/v1/proposals/${proposalId}/objections`, { participantId: 'ru', grounds: 'Never.', occurredAt: '2022-06-22' });
    await record(ledger, `/v1/bodies/${kp.bodyId}/participants/by/suspension`, { reason: 'Suspended.', occurredAt: '2022-06-23' });
    const page = await signedIn(TEST_KEYS.auditor, `/proposals/${proposalId}`);
    const objections = page.locator('li').filter({ hasText: '“Not now.”' });
    await objections.getByText('(does not block: its participant is suspended or has withdrawn)').waitFor();
    expect(await page.locator('li').filter({ hasText: '“Never.”' }).innerText()).not.toContain('does not block');
  });

  it('dates a communiqué of a meeting still sitting today by default, not on its planned last day still to come', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const today = new Date().toISOString().slice(0, 10);
    const sitting = await conveneMeeting(ledger, kp.bodyId, { opensOn: '2026-01-05', closesOn: '2099-12-31', location: 'Brussels' });
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${sitting}`);
    const communique = page.getByRole('form', { name: 'Record the communiqué' });
    expect(await communique.getByLabel('When (date or date-time)').inputValue()).toBe(today);
    await page.goto(`${ledger.baseUrl}/#/meetings/${kp.plenary}`);
    await page.getByRole('heading', { name: /Gaborone/ }).waitFor();
    expect(await page.getByRole('form', { name: 'Record the communiqué' }).getByLabel('When (date or date-time)').inputValue()).toBe('2022-11-11');
  });

  it('dates the desk’s records today while the meeting sits, and keeps the date a record was made with for the next', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const today = new Date().toISOString().slice(0, 10);
    const sitting = await conveneMeeting(ledger, kp.bodyId, { opensOn: '2026-01-06', closesOn: '2099-12-31', location: 'Luanda' });
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${sitting}`);
    const statement = page.getByRole('form', { name: 'Record a statement' });
    expect(await statement.getByLabel('When (date or date-time)').inputValue()).toBe(today);

    await statement.locator('select >> option[value="wdc"]').waitFor({ state: 'attached' });
    await statement.getByLabel('Speaker').selectOption('wdc');
    await statement.getByLabel('Summary').fill('Welcomes the review.');
    await statement.getByLabel('When (date or date-time)').fill('2026-01-07T10:15:00Z');
    // Recorded from the keyboard: the focus goes to what the form says, not to the top of the page.
    await statement.getByRole('button', { name: 'Record' }).focus();
    await page.keyboard.press('Enter');
    await statement.getByText('Recorded.').waitFor();
    expect(await page.evaluate("[document.activeElement?.getAttribute('role'), document.activeElement?.textContent]")).toEqual(['status', 'Recorded.']);
    expect(await statement.getByLabel('Summary').inputValue()).toBe('');
    expect(await statement.getByLabel('When (date or date-time)').inputValue()).toBe('2026-01-07T10:15:00Z');

    // A meeting still to open: dated today, as its opening day would be refused as in the future.
    const nextYear = Number(today.slice(0, 4)) + 1;
    const coming = await conveneMeeting(ledger, kp.bodyId, {
      opensOn: `${nextYear}-06-01`,
      closesOn: `${nextYear}-06-05`,
      location: 'Gaborone',
      occurredAt: today,
    });
    await page.goto(`${ledger.baseUrl}/#/meetings/${coming}`);
    for (const form of ['Record a statement', 'Table a proposal', 'Record the communiqué'])
      expect(await page.getByRole('form', { name: form }).getByLabel('When (date or date-time)').inputValue()).toBe(today);
  });

  it('dates the first record of a quiet morning today on a desk left open overnight, where the clerk is', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const sitting = await conveneMeeting(ledger, kp.bodyId, { opensOn: '2026-01-06', closesOn: '2099-12-31', location: 'Kasane' });
    // Tokyo keeps no summer time: 23:58 there yesterday (UTC), then 08:30 there today, both past.
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'Asia/Tokyo' });
    contexts.push(context);
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(`${yesterday}T14:58:00Z`));
    await page.goto(`${ledger.baseUrl}/`);
    await page.getByLabel('API key').fill(TEST_KEYS.secretariat);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Bodies' }).waitFor();
    await page.goto(`${ledger.baseUrl}/#/meetings/${sitting}`);
    const statement = page.getByRole('form', { name: 'Record a statement' });
    const when = statement.getByLabel('When (date or date-time)');
    await statement.locator('select >> option[value="wdc"]').waitFor({ state: 'attached' });
    expect(await when.inputValue()).toBe(yesterday);

    // No record arrives overnight to draw the page again; the tab is looked at in the morning.
    await page.clock.setFixedTime(new Date(`${yesterday}T23:30:00Z`));
    await page.evaluate("window.dispatchEvent(new Event('focus'))");
    for (let tries = 0; tries < 50 && (await when.inputValue()) !== today; tries += 1) await page.waitForTimeout(100);
    expect(await when.inputValue()).toBe(today);
    await statement.getByLabel('Speaker').selectOption('wdc');
    await statement.getByLabel('Summary').fill('A morning statement.');
    await statement.getByRole('button', { name: 'Record' }).click();
    await statement.getByText('Recorded.').waitFor();
    const meeting = await read<{ statements: { summary: string; occurredAt: string }[] }>(ledger, `/v1/meetings/${sitting}`);
    expect(meeting.statements.find((made) => made.summary === 'A morning statement.')?.occurredAt).toBe(`${today}T00:00:00.000Z`);
  });

  it('refuses before sending a date after today on the clerk’s calendar, in every form, and records today there though UTC is a day behind', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const sitting = await conveneMeeting(ledger, kp.bodyId, { opensOn: '2026-01-06', closesOn: '2099-12-31', location: 'Tarawa' });
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: sitting, occurredAt: '2026-01-06' });
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.parse(today) + 86_400_000).toISOString().slice(0, 10);
    // Kiritimati is at UTC+14: at noon UTC yesterday, the clerk's calendar there already says today.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'Pacific/Kiritimati' });
    contexts.push(context);
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(`${yesterday}T12:00:00Z`));
    await page.goto(`${ledger.baseUrl}/`);
    await page.getByLabel('API key').fill(TEST_KEYS.secretariat);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Bodies' }).waitFor();
    await page.goto(`${ledger.baseUrl}/#/meetings/${sitting}`);
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') sent.push(new URL(request.url()).pathname);
    });

    const statement = page.getByRole('form', { name: 'Record a statement' });
    await statement.locator('select >> option[value="wdc"]').waitFor({ state: 'attached' });
    await statement.getByLabel('Speaker').selectOption('wdc');
    await statement.getByLabel('Summary').fill('Dated on the clerk’s calendar.');
    await statement.getByLabel('When (date or date-time)').fill(tomorrow);
    await statement.getByRole('button', { name: 'Record' }).click();
    await statement.getByText('That date is in the future.').waitFor();
    await statement.getByText(/give the date with its time and zone/).waitFor();
    expect(sent).toEqual([]);
    await statement.getByLabel('When (date or date-time)').fill(today);
    await statement.getByRole('button', { name: 'Record' }).click();
    await statement.getByText('Recorded.').waitFor();
    const statements = await read<{ statements: { summary: string; occurredAt: string }[] }>(ledger, `/v1/meetings/${sitting}/statements`);
    expect(statements.statements.map((made) => made.occurredAt)).toEqual([`${today}T00:00:00.000Z`]);

    const support = page.getByRole('form', { name: 'Record support' });
    await support.getByLabel('Proposal').selectOption(proposalId);
    await support.getByLabel('Participant').selectOption('eu');
    await support.getByLabel('When (date or date-time)').fill(tomorrow);
    await support.getByRole('button', { name: 'Record' }).click();
    await support.getByText('That date is in the future.').waitFor();

    await page.goto(`${ledger.baseUrl}/#/proposals/${proposalId}`);
    const revise = page.getByRole('form', { name: 'Revise the text' });
    await revise.getByLabel('New text, in full').fill('A text for tomorrow.');
    await revise.getByLabel('When (date or date-time)').fill(tomorrow);
    await revise.getByRole('button', { name: 'Record' }).click();
    await revise.getByText('That date is in the future.').waitFor();
    const tabled = timelineRecord(page, 'Tabled by Ukraine');
    await tabled.getByRole('button', { name: /^Correct this record: Tabled by Ukraine/ }).click();
    const correct = tabled.getByRole('form');
    await correct.getByLabel('Field to correct').selectOption('occurredAt');
    await correct.getByLabel('Correct value').fill(tomorrow);
    await correct.getByLabel('Why it is corrected').fill('Tabled tomorrow, says no one.');
    await correct.getByRole('button', { name: 'Record' }).click();
    await correct.getByText('That date is in the future.').waitFor();
    expect(sent).toHaveLength(1);
  });

  it('marks a participant suspended now in the desk’s lists, still offered for a record dated before the suspension', async () => {
    const kp = await recordKimberleyProcess(ledger);
    await record(ledger, `/v1/bodies/${kp.bodyId}/participants/ru/suspension`, { reason: 'review mission refused', occurredAt: '2023-01-10' });
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    const support = page.getByRole('form', { name: 'Record support' });
    await support.locator('select >> option[value="ru"]').waitFor({ state: 'attached' });
    expect(await support.locator('select >> option[value="ru"]').first().innerText()).toMatch(/ \(suspended now\)$/);
    expect(await support.locator('select >> option[value="ua"]').first().innerText()).not.toMatch(/suspended/);
  });

  it('says a key typed with letters of another alphabet is no key, instead of blaming the network', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${ledger.baseUrl}/`);
    await page.getByLabel('API key').fill('ключ-1234567890123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This is not an API key: a key is made of letters, digits and signs such as - and _').waitFor();
    expect(await page.getByText('No answer came back from the ledger').count()).toBe(0);
    await page.getByLabel('API key').fill(TEST_KEYS.auditor);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Bodies' }).waitFor();
  });

  it('keeps a form begun when what it records is settled by someone else meanwhile, sending off, with what was typed', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.intersessional });
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    // The communiqué typed is kept as a draft: the tab asks before the reload below.
    page.on('dialog', (dialog) => void dialog.accept());
    const communique = page.getByRole('form', { name: 'Record the communiqué' });
    await communique.getByLabel('Communiqué adopted?').selectOption('yes');
    await communique.getByLabel('Text (when adopted)').fill('The intersessional welcomed the progress made.');
    await record(ledger, `/v1/meetings/${kp.intersessional}/communique`, { adopted: false, reason: 'No agreement.', occurredAt: '2022-06-24' });
    await communique.getByText('A communiqué was recorded for this meeting since you began this form').waitFor();
    expect(await communique.getByLabel('Text (when adopted)').inputValue()).toBe('The intersessional welcomed the progress made.');
    expect(await communique.getByRole('button', { name: 'Record' }).isDisabled()).toBe(true);

    await page.goto(`${ledger.baseUrl}/#/proposals/${proposalId}`);
    const revise = page.getByRole('form', { name: 'Revise the text' });
    await revise.getByLabel('New text, in full').fill('A text the clerk was still writing.');
    await record(ledger, `/v1/proposals/${proposalId}/withdrawal`, { reason: 'Withdrawn by its proposer.', occurredAt: '2022-06-24' });
    await revise.getByText('This proposal was decided or withdrawn since you began this form').waitFor();
    expect(await revise.getByLabel('New text, in full').inputValue()).toBe('A text the clerk was still writing.');
    // Discarded, the form goes; a page opened afresh offers no form on a closed proposal.
    await revise.getByRole('button', { name: 'Discard what is typed' }).click();
    await revise.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    expect(await page.getByRole('form', { name: 'Revise the text' }).count()).toBe(0);
  });

  it('reads an open page again at most once a second however busy the ledger is, within the allowance of its key', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const page = await signedIn(TEST_KEYS.auditor, `/meetings/${kp.intersessional}`);
    await page.getByRole('heading', { name: /Meeting desk/ }).waitFor();
    const rereads: number[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === `/v1/meetings/${kp.intersessional}`) rereads.push(Date.now());
    });
    const started = Date.now();
    for (let index = 0; index < 8; index += 1) {
      await record(ledger, `/v1/meetings/${kp.intersessional}/statements`, { speakerId: 'csc', summary: `Statement ${index}.`, occurredAt: '2022-06-22' });
      await page.waitForTimeout(200);
    }
    await page.getByText('Statement 7.').waitFor();
    const seconds = (Date.now() - started) / 1000;
    // Once a second at most, and at least once: the last statement is shown.
    expect(rereads.length).toBeGreaterThan(0);
    expect(rereads.length).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
  });

  it('keeps a choice made when a reading of the options is refused meanwhile, rather than take it for one gone', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { title: 'Budget for 2024', text: 'The budget.', meetingId: kp.intersessional });
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    const statement = page.getByRole('form', { name: 'Record a statement' });
    await statement.locator(`select >> option[value="${proposalId}"]`).waitFor({ state: 'attached' });
    await statement.getByLabel('Speaker').selectOption('wdc');
    await statement.getByLabel('About proposal (optional)').selectOption(proposalId);

    // The next reading of the open proposals is refused, as by a store briefly unavailable.
    await page.route('**/v1/bodies/*/proposals?*', (route) =>
      route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ code: 'store-unavailable', detail: 'briefly' }) }),
    );
    const refused = page.waitForResponse((response) => response.url().includes('/proposals?') && response.status() === 503);
    await record(ledger, `/v1/meetings/${kp.intersessional}/statements`, { speakerId: 'csc', summary: 'Another statement.', occurredAt: '2022-06-22' });
    await refused;
    await statement.getByLabel('Summary').fill('Supports the budget.');
    await statement.getByLabel('When (date or date-time)').fill('2022-06-22');
    // Shown as chosen, though the list it came from could not be read again.
    expect(await statement.getByLabel('About proposal (optional)').inputValue()).toBe(proposalId);
    await statement.getByRole('button', { name: 'Record' }).click();
    await statement.getByText('Recorded.').waitFor();
    const listed = await read<{ statements: { summary: string; proposalId: string | null }[] }>(ledger, `/v1/meetings/${kp.intersessional}/statements`);
    expect(listed.statements.find((s) => s.summary === 'Supports the budget.')).toMatchObject({ proposalId });
  });

  it('keeps the desk and what is typed when reading it again fails, says so, and reads it again once the ledger answers', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    const statement = page.getByRole('form', { name: 'Record a statement' });
    await statement.locator('select >> option[value="wdc"]').waitFor({ state: 'attached' });
    await statement.getByLabel('Speaker').selectOption('wdc');
    await statement.getByLabel('Summary').fill('Half typed when the ledger went away.');

    // Every reading of the meeting is refused for a while, as by a store unavailable.
    const meeting = `**/v1/meetings/${kp.intersessional}`;
    await page.route(meeting, (route) =>
      route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ code: 'store-unavailable', detail: 'briefly' }) }),
    );
    const refused = page.waitForResponse((response) => response.url().endsWith(`/v1/meetings/${kp.intersessional}`) && response.status() === 503);
    await record(ledger, `/v1/meetings/${kp.intersessional}/statements`, { speakerId: 'csc', summary: 'Recorded elsewhere.', occurredAt: '2022-06-22' });
    await refused;
    await page.getByText('This page could not be read again just now').waitFor();
    expect(await statement.getByLabel('Summary').inputValue()).toBe('Half typed when the ledger went away.');

    // Back again: read again without any new record, the notice gone, what was typed still there.
    await page.unroute(meeting);
    await page.getByText('Recorded elsewhere.').waitFor({ timeout: 10_000 });
    await page.getByText('This page could not be read again just now').waitFor({ state: 'detached' });
    expect(await statement.getByLabel('Summary').inputValue()).toBe('Half typed when the ledger went away.');
  });

  it('words counts, a withdrawn proposal and deferral targets as a clerk reads them', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const single = `single-${Date.now()}`;
    await record(ledger, '/v1/bodies', {
      bodyId: single,
      name: 'Single Member Body',
      definition: 'Rough diamonds that finance conflict.',
      occurredAt: '2003-01-01',
    });
    await record(ledger, `/v1/bodies/${single}/participants`, { participantId: 'za', name: 'South Africa', kind: 'state', occurredAt: '2003-01-01' });
    const page = await signedIn(TEST_KEYS.secretariat);
    await page.getByText('1 participant, 0 observers').first().waitFor();

    const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.intersessional });
    await record(ledger, `/v1/proposals/${proposalId}/withdrawal`, { reason: 'Withdrawn by its proposer.', occurredAt: '2022-06-22' });
    await page.goto(`${ledger.baseUrl}/#/proposals/${proposalId}`);
    await page.getByText('Withdrawn', { exact: true }).first().waitFor();
    expect(await page.getByText('Decided: withdrawn').count()).toBe(0);

    await record(ledger, `/v1/meetings/${kp.intersessional}/closure`, { occurredAt: '2022-06-24' });
    const special = await conveneMeeting(ledger, kp.bodyId, { kind: 'special', location: 'Dubai', opensOn: '2022-12-01', closesOn: '2022-12-02' });
    await page.goto(`${ledger.baseUrl}/#/meetings/${kp.plenary}`);
    const deferral = page.getByRole('form', { name: 'Defer a proposal' });
    await deferral.locator(`select >> option[value="${special}"]`).waitFor({ state: 'attached' });
    expect(await deferral.locator(`select >> option[value="${kp.intersessional}"]`).count()).toBe(0);

    const decided = await tableProposal(ledger, kp.bodyId, { title: 'Decided at the plenary', meetingId: kp.plenary, occurredAt: '2022-11-07' });
    await record(ledger, `/v1/proposals/${decided.proposalId}/decision`, {
      outcome: 'no-consensus',
      declaredBy: 'bw',
      meetingId: kp.plenary,
      occurredAt: '2022-11-10',
    });
    await page.getByRole('region', { name: 'Proposals at this meeting' }).getByText('(not adopted)').waitFor();
  });

  it('says on the desk of the meeting a proposal was deferred from which meeting it was deferred to, not that it is open', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { title: 'Deferred to the plenary', meetingId: kp.intersessional });
    await record(ledger, `/v1/proposals/${proposalId}/deferral`, { toMeetingId: kp.plenary, occurredAt: '2022-06-23' });
    const page = await signedIn(TEST_KEYS.auditor, `/meetings/${kp.intersessional}`);
    const listed = page.getByRole('region', { name: 'Proposals at this meeting' }).getByRole('listitem').filter({ hasText: 'Deferred to the plenary' });
    await listed.getByText('(deferred to Gaborone, 2022-11-07)').waitFor();
    expect(await listed.getByText('(open)').count()).toBe(0);
    await listed.getByRole('link', { name: 'Gaborone, 2022-11-07' }).click();
    await page.getByRole('heading', { name: 'Meeting desk: Gaborone, 2022-11-07' }).waitFor();
  });

  it('says in a proposal’s timeline which meeting a deferral sends it to', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.intersessional });
    await record(ledger, `/v1/proposals/${proposalId}/deferral`, { toMeetingId: kp.plenary, occurredAt: '2022-06-23' });
    const page = await signedIn(TEST_KEYS.auditor, `/proposals/${proposalId}`);
    await timelineRecord(page, `Deferred to meeting ${kp.plenary}`).waitFor();
  });

  it('gives a page it opens the focus, and says once, of a proposal asked before it was tabled, that none was then', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { title: 'Tabled in June 2022', meetingId: kp.intersessional });
    const page = await signedIn(TEST_KEYS.auditor, `/bodies/${kp.bodyId}`);
    // The offices are headed once, and the term named once, beside them.
    await page.getByRole('heading', { name: 'Offices' }).waitFor();
    expect(await page.getByText(`Term ${new Date().getUTCFullYear()}`, { exact: true }).count()).toBeLessThanOrEqual(1);
    await page.getByRole('link', { name: 'Tabled in June 2022' }).click();
    await page.getByRole('heading', { name: 'Tabled in June 2022' }).waitFor();
    expect(await focusOnceSettled(page, 'document.activeElement?.tagName ?? ""', (tag) => tag === 'MAIN')).toBe('MAIN');

    await page.goto(`${ledger.baseUrl}/#/proposals/${proposalId}?effectiveAt=2022-01-01`);
    await page.getByText('No such proposal is recorded, or none was at the point asked.').waitFor();
    expect(await page.getByText('No such proposal is recorded, or none was at the point asked.').count()).toBe(1);
  });

  it('says of an id typed into the address that the ledger cannot look it up as written, not that form fields are missing', async () => {
    const page = await signedIn(TEST_KEYS.auditor, '/proposals/UPPER-CASE');
    await page.getByText('The page’s address names something the ledger cannot look up as written').waitFor();
    expect(await page.getByText('Some fields are missing').count()).toBe(0);
  });

  it('says the console has no page at an address it does not know, instead of showing the bodies as if it were theirs', async () => {
    for (const hash of ['/nowhere', '/bodies/kp/extra', '/meetings', '/audit/x']) {
      const page = await signedIn(TEST_KEYS.auditor, hash);
      await page.getByRole('heading', { name: 'No such page' }).waitFor();
      expect(await page.getByRole('alert').textContent()).toBe(`The console has no page at ${hash}.`);
      expect(await page.title()).toBe('No such page — Concord Ledger');
      await page.getByRole('link', { name: 'See the bodies recorded' }).click();
      await page.getByRole('heading', { name: 'Bodies' }).waitFor();
    }
    const bodies = await signedIn(TEST_KEYS.auditor, '/bodies/');
    await bodies.getByRole('heading', { name: 'Bodies' }).waitFor();
  });

  it('asks the ledger nothing at a time-travel point it cannot read, and says so once, with the way back to now', async () => {
    for (const search of ['atPosition=-1', 'effectiveAt=2022-02-30', 'asOf=24/06/2022']) {
      const page = await signedIn(TEST_KEYS.auditor);
      const asked: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/v1/proposals/')) asked.push(request.url());
      });
      await page.goto(`${ledger.baseUrl}/#/proposals/def-2022?${search}`);
      await page.getByRole('heading', { name: 'No such point in time' }).waitFor();
      expect(await page.getByRole('alert').allTextContents()).toEqual([expect.stringMatching(/^Write a (date|position)/)]);
      // No banner says the page shows the ledger at that point.
      expect(await page.locator('.banner').count()).toBe(0);
      expect(asked).toEqual([]);
      await page.getByRole('link', { name: 'See this page as the ledger is now' }).click();
      await page.waitForURL(/#\/proposals\/def-2022$/);
    }
  });

  it('takes a keyboard user to the ledger’s refusal of a form sent, not to nothing', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    const statement = page.getByRole('form', { name: 'Record a statement' });
    await statement.locator('select >> option[value="wdc"]').waitFor({ state: 'attached' });
    await statement.getByLabel('Speaker').selectOption('wdc');
    await statement.getByLabel('Summary').fill('Said before the meeting was convened.');
    await statement.getByLabel('When (date or date-time)').fill('1990-01-01');
    await statement.getByRole('button', { name: 'Record' }).focus();
    await page.keyboard.press('Enter');
    await statement.getByRole('alert').first().waitFor();
    const focusedInAlert = await page.evaluate('document.activeElement?.querySelector(\'[role="alert"]\') !== null');
    expect(focusedInAlert).toBe(true);
  });

  it('withdraws a proposal and closes the meeting from the desk, and says of a closed meeting that it is closed', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { title: 'Withdrawn at the desk', meetingId: kp.intersessional });
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);

    const withdrawal = page.getByRole('form', { name: 'Withdraw a proposal' });
    await withdrawal.locator(`select >> option[value="${proposalId}"]`).waitFor({ state: 'attached' });
    await withdrawal.getByLabel('Proposal').selectOption(proposalId);
    await withdrawal.getByLabel('Why it is withdrawn').fill('Superseded by the plenary agenda.');
    await withdrawal.getByRole('group', { name: 'Withdrawn by (its proposers; leave empty if not recorded)' }).getByLabel('Ukraine').check();
    await withdrawal.getByLabel('When (date or date-time)').fill('2022-06-22');
    await withdrawal.getByRole('button', { name: 'Record' }).click();
    await withdrawal.getByText('Recorded.').waitFor();
    expect(await read<{ status: string; withdrawal: { withdrawnBy: string[] } }>(ledger, `/v1/proposals/${proposalId}`)).toMatchObject({
      status: 'withdrawn',
      withdrawal: { withdrawnBy: ['ua'] },
    });

    const closure = page.getByRole('form', { name: 'Close the meeting' });
    await closure.getByLabel('When (date or date-time)').fill('2022-06-24');
    await closure.getByRole('button', { name: 'Record' }).click();
    // Once recorded and read again, the meeting says it is closed, and its closure is no longer offered.
    await page.getByText('Closed on 2022-06-24: records dated after that are refused.').waitFor();
    await closure.waitFor({ state: 'detached' });
    expect(await read<{ status: string }>(ledger, `/v1/meetings/${kp.intersessional}`)).toMatchObject({ status: 'closed' });
  });

  it('offers as who withdrew a proposal only the proposers of the proposal chosen, as the objection withdrawal offers its objectors', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId: ofTwo } = await tableProposal(ledger, kp.bodyId, { title: 'Tabled by two', proposedBy: ['ua', 'eu'], meetingId: kp.intersessional });
    const { proposalId: ofOne } = await tableProposal(ledger, kp.bodyId, { title: 'Tabled by one', proposedBy: ['bw'], meetingId: kp.intersessional });
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    const withdrawal = page.getByRole('form', { name: 'Withdraw a proposal' });
    const withdrawnBy = withdrawal.getByRole('group', { name: 'Withdrawn by (its proposers; leave empty if not recorded)' });
    const offered = async (): Promise<string[]> => (await withdrawnBy.locator('label').allTextContents()).map((text) => text.trim());
    await withdrawal.locator(`select >> option[value="${ofOne}"]`).waitFor({ state: 'attached' });
    expect(await offered()).toEqual([]);

    await withdrawal.getByLabel('Proposal').selectOption(ofTwo);
    expect(await offered()).toEqual(['Ukraine', 'European Union']);
    await withdrawnBy.getByLabel('European Union').check();
    // Another proposal chosen: its own proposers, and the one ticked for the first is not kept.
    await withdrawal.getByLabel('Proposal').selectOption(ofOne);
    expect(await offered()).toEqual(['Botswana']);
    await withdrawnBy.getByLabel('Botswana').check();
    await withdrawal.getByLabel('Why it is withdrawn').fill('Merged into another.');
    await withdrawal.getByLabel('When (date or date-time)').fill('2022-06-22');
    await withdrawal.getByRole('button', { name: 'Record' }).click();
    await withdrawal.getByText('Recorded.').waitFor();
    expect(await read<{ withdrawal: { withdrawnBy: string[] } }>(ledger, `/v1/proposals/${ofOne}`)).toMatchObject({ withdrawal: { withdrawnBy: ['bw'] } });
  });

  it('says of a meeting closed at a time of day that time, as a record later that day is refused', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const closedAtFour = await conveneMeeting(ledger, kp.bodyId, { opensOn: '2022-09-05', closesOn: '2022-09-06', location: 'Dubai' });
    await record(ledger, `/v1/meetings/${closedAtFour}/closure`, { occurredAt: '2022-09-06T16:00:00Z' });
    const refused = await ledger.post(`/v1/meetings/${closedAtFour}/statements`, {
      speakerId: 'wdc',
      summary: 'After the close.',
      occurredAt: '2022-09-06T16:30:00Z',
    });
    expect(refused.body).toMatchObject({ code: 'meeting-closed' });
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${closedAtFour}`);
    await page.getByText('Closed at 2022-09-06 16:00 UTC: records dated after that are refused.').waitFor();

    // Closed with a date only: the day, as before.
    const closedOnADay = await conveneMeeting(ledger, kp.bodyId, { opensOn: '2022-09-12', location: 'Antwerp' });
    await record(ledger, `/v1/meetings/${closedOnADay}/closure`, { occurredAt: '2022-09-12' });
    await page.goto(`${ledger.baseUrl}/#/meetings/${closedOnADay}`);
    await page.getByText('Closed on 2022-09-12: records dated after that are refused.').waitFor();
  });

  it('makes an id for a proposal whose title has no Latin letter', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    const table = page.getByRole('form', { name: 'Table a proposal' });
    await table.getByLabel('Title').fill('Расширить определение');
    await table.getByLabel('Text', { exact: true }).fill('Алмазы из зон конфликтов.');
    await table.getByRole('group', { name: 'Tabled by' }).getByLabel('Ukraine').check();
    await table.getByLabel('When (date or date-time)').fill('2022-06-21');
    await table.getByRole('button', { name: 'Record' }).click();
    await table.getByText('Recorded.').waitFor();
    const listed = await read<{ proposals: { proposalId: string; title: string }[] }>(ledger, `/v1/bodies/${kp.bodyId}/proposals?limit=200`);
    const tabled = listed.proposals.find((proposal) => proposal.title === 'Расширить определение');
    expect(tabled?.proposalId).toMatch(/^proposal-[0-9a-z]+$/);
  });

  it('titles each page after what it shows, for tabs, history and screen readers', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${ledger.baseUrl}/`);
    await page.getByLabel('API key').waitFor();
    expect(await page.title()).toBe('Sign in — Concord Ledger');
    await page.getByLabel('API key').fill(TEST_KEYS.secretariat);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Bodies' }).waitFor();
    expect(await page.title()).toBe('Bodies — Concord Ledger');
    for (const [hash, title] of [
      [`/bodies/${kp.bodyId}`, `Body ${kp.bodyId}`],
      [`/meetings/${kp.intersessional}`, `Meeting desk ${kp.intersessional}`],
      ['/audit', 'Audit'],
    ]) {
      await page.goto(`${ledger.baseUrl}/#${hash}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.title()).toBe(`${title} — Concord Ledger`);
    }
  });

  it('says on the audit page that time travel does not apply there, instead of a banner claiming a past point', async () => {
    await recordKimberleyProcess(ledger);
    const page = await signedIn(TEST_KEYS.auditor, '/audit?atPosition=3');
    await page.getByRole('heading', { name: 'Latest signed checkpoint' }).waitFor();
    await page.getByText('Time travel does not apply here').waitFor();
    expect(await page.getByText('Time travel: you are looking at the ledger').count()).toBe(0);
  });

  it('isolates right-to-left places, names and texts from the words and dates around them', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const location = 'أبو ظبي';
    const meetingId = await conveneMeeting(ledger, kp.bodyId, { location, opensOn: '2022-12-01', closesOn: '2022-12-05' });
    await record(ledger, `/v1/meetings/${meetingId}/statements`, { speakerId: 'ae', summary: 'نحن ندعم الاقتراح بنسبة 100%.', occurredAt: '2022-12-01' });
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${meetingId}`);
    await page.getByRole('heading', { name: `Meeting desk: ${location}, 2022-12-01` }).waitFor();
    expect(await page.locator('h1 bdi').textContent()).toBe(location);
    const statement = page.locator('li', { hasText: 'نحن ندعم' });
    // The statements are read after the meeting: its heading may show before them.
    await statement.locator('bdi').nth(1).waitFor();
    expect(await statement.locator('bdi').allTextContents()).toEqual([expect.any(String), 'نحن ندعم الاقتراح بنسبة 100%.']);
    await page.goto(`${ledger.baseUrl}/#/bodies/${kp.bodyId}`);
    const meetingLink = page.locator('a bdi', { hasText: location });
    await meetingLink.waitFor();
    expect(await meetingLink.count()).toBe(1);
  });

  it('sends no form about a proposal until one is chosen, and locks what is typed while a form is sending', async () => {
    const kp = await recordKimberleyProcess(ledger);
    // A proposal whose id is the text a missing choice once became: it must not receive the record.
    await tableProposal(ledger, kp.bodyId, { proposalId: 'undefined', title: 'Undefined', text: 'A text.', meetingId: kp.intersessional });
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') sent.push(new URL(request.url()).pathname);
    });
    const deferral = page.getByRole('form', { name: 'Defer a proposal' });
    await deferral.getByRole('button', { name: 'Record' }).click();
    await deferral.getByText('Choose Proposal first: nothing was sent.').waitFor();
    expect(await page.evaluate('document.activeElement?.id')).toBe('deferral-proposalId');
    const withdrawal = page.getByRole('form', { name: 'Withdraw an objection' });
    await withdrawal.getByRole('button', { name: 'Record' }).click();
    await withdrawal.getByText('Choose Proposal, Objecting participant first: nothing was sent.').waitFor();
    expect(sent).toEqual([]);
    const history = await read<{ entries: unknown[] }>(ledger, '/v1/proposals/undefined/history');
    expect(history.entries).toHaveLength(1);

    let answer: () => void = () => undefined;
    await page.route('**/statements', async (route) => {
      await new Promise<void>((resolve) => (answer = resolve));
      await route.continue();
    });
    const statement = page.getByRole('form', { name: 'Record a statement' });
    await statement.getByLabel('Speaker').selectOption('wdc');
    await statement.getByLabel('Summary').fill('Supports the review.');
    await statement.getByRole('button', { name: 'Record' }).click();
    await statement.getByText('Sending…').waitFor();
    expect(await statement.getAttribute('aria-busy')).toBe('true');
    expect(await statement.getByLabel('Summary').isDisabled()).toBe(true);
    answer();
    await statement.getByText('Recorded.').waitFor();
    expect(await statement.getByLabel('Summary').isEnabled()).toBe(true);
  });

  it('after an answer lost on the way back, sends the form again under the same key: the ledger records it once and says so', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    const table = page.getByRole('form', { name: 'Table a proposal' });
    await table.getByLabel('Title').fill('Budget for 2023');
    await table.getByLabel('Text', { exact: true }).fill('The budget for 2023.');
    await table.getByRole('group', { name: 'Tabled by' }).getByLabel('Ukraine').check();
    await table.getByLabel('When (date or date-time)').fill('2022-06-21');
    // The request reaches the ledger, which records it; its answer is lost on the way back.
    let firstAnswered: number | string = 'not sent';
    await page.route('**/proposals', async (route) => {
      firstAnswered = await route.fetch().then(
        (answer) => answer.status(),
        (error: unknown) => String(error),
      );
      await route.abort('connectionreset');
    });
    await table.getByRole('button', { name: 'Record' }).click();
    await table.getByText('No answer came back from the ledger (check that this browser is online), so this may or may not have been recorded.').waitFor();
    await page.unroute('**/proposals');
    expect(firstAnswered).toBe(201);

    // The clerk changes the title before sending again: the ledger, holding the first sending under
    // the same key, refuses to record a second proposal.
    await table.getByLabel('Title').fill('Budget for 2023, revised');
    const second = page.waitForResponse((answer) => answer.request().method() === 'POST' && answer.url().endsWith('/proposals'));
    await table.getByRole('button', { name: 'Record' }).click();
    const secondAnswer = await second;
    expect({ status: secondAnswer.status(), body: await secondAnswer.text() }).toMatchObject({
      status: 409,
      body: expect.stringContaining('idempotency-key-reused'),
    });
    await table.getByText('An earlier sending of this form was recorded, with what it held then').waitFor();
    const listed = await read<{ proposals: { title: string }[] }>(ledger, `/v1/bodies/${kp.bodyId}/proposals`);
    expect(listed.proposals.map((proposal) => proposal.title)).toEqual(['Budget for 2023']);
  });

  it('says when a sending again, unchanged after a lost answer, was answered with what the first recorded', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    const statement = page.getByRole('form', { name: 'Record a statement' });
    await statement.locator('select >> option[value="wdc"]').waitFor({ state: 'attached' });
    await statement.getByLabel('Speaker').selectOption('wdc');
    await statement.getByLabel('Summary').fill('Calls for a wider definition.');
    await statement.getByLabel('When (date or date-time)').fill('2022-06-21');
    await page.route('**/statements', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await statement.getByRole('button', { name: 'Record' }).click();
    await statement.getByText('No answer came back from the ledger').waitFor();
    await page.unroute('**/statements');
    await statement.getByRole('button', { name: 'Record' }).click();
    await statement.getByText('Recorded by an earlier sending of this form, whose answer did not come back: recorded once, not twice.').waitFor();
    const statements = await read<{ statements: unknown[] }>(ledger, `/v1/meetings/${kp.intersessional}/statements`);
    expect(statements.statements).toHaveLength(1);
  });

  describe('a sending whose answer was lost, kept across a reload', () => {
    const lostNotice = 'No answer came back from the ledger (check that this browser is online), so this may or may not have been recorded.';
    const unsettledItems = (page: Page): Promise<string[]> =>
      page.evaluate<string[]>("Object.keys(sessionStorage).filter((item) => item.startsWith('concord-unsettled'))");
    const cutOff = (route: Route): Promise<void> => route.abort('connectionreset');

    async function statementLost(page: Page, summary: string): Promise<Locator> {
      const statement = page.getByRole('form', { name: 'Record a statement' });
      await statement.locator('select >> option[value="wdc"]').waitFor({ state: 'attached' });
      await statement.getByLabel('Speaker').selectOption('wdc');
      await statement.getByLabel('Summary').fill(summary);
      await statement.getByLabel('When (date or date-time)').fill('2022-06-25');
      await page.route('**/statements', cutOff);
      await statement.getByRole('button', { name: 'Record' }).click();
      await statement.getByText(lostNotice).waitFor();
      await page.unroute('**/statements', cutOff);
      return statement;
    }

    it('is not passed to the clerk who signs in next on the tab', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
      const statement = await statementLost(page, 'Typed by the first clerk.');
      page.on('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Sign out' }).click();
      expect(await unsettledItems(page)).toEqual([]);

      await page.getByLabel('API key').fill(TEST_KEYS.secretariat);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.goto(`${ledger.baseUrl}/#/meetings/${kp.intersessional}`);
      await statement.getByLabel('Summary').waitFor();
      expect([await statement.getByLabel('Summary').inputValue(), await statement.getByText(lostNotice).count()]).toEqual(['', 0]);
    });

    it('is settled once the ledger refuses it by its rules: the clerk may discard it, and no notice or warning follows the next reload', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
      const statement = await statementLost(page, 'Lost, then refused.');
      await record(ledger, `/v1/meetings/${kp.intersessional}/closure`, { occurredAt: '2022-06-24' });
      await statement.getByRole('button', { name: 'Record' }).click();
      await statement
        .getByText(/closed/)
        .first()
        .waitFor();
      expect(await unsettledItems(page)).toEqual([]);
      // What was typed stays, as after any refusal, now a draft the clerk may discard (a sending unsettled may not be).
      await statement.getByRole('button', { name: 'Discard what is typed' }).click();
      const warnings: string[] = [];
      page.on('dialog', (dialog) => {
        warnings.push(dialog.type());
        void dialog.accept();
      });
      await page.reload();
      await page.getByRole('heading', { name: /./ }).first().waitFor();
      expect([warnings, await page.getByText(lostNotice).count()]).toEqual([[], 0]);
    });

    it('is sent again, after a reload, with the If-Match it was begun on: a revision made meanwhile is not overwritten', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const { proposalId } = await tableProposal(ledger, kp.bodyId, { text: 'The first text.' });
      const page = await signedIn(TEST_KEYS.secretariat, `/proposals/${proposalId}`);
      page.on('dialog', (dialog) => void dialog.accept());
      const revise = page.getByRole('form', { name: 'Revise the text' });
      await revise.getByLabel('New text, in full').fill('A text begun on the first.');
      await revise.getByLabel('When (date or date-time)').fill('2022-06-23');
      await page.route('**/revisions', cutOff);
      await revise.getByRole('button', { name: 'Record' }).click();
      await revise.getByText(lostNotice).waitFor();
      await page.unroute('**/revisions', cutOff);
      await record(ledger, `/v1/proposals/${proposalId}/revisions`, { text: 'Another clerk’s text.', occurredAt: '2022-06-22' });

      await page.reload();
      await revise.getByText(lostNotice).waitFor();
      const preconditions: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') preconditions.push(request.headers()['if-match'] ?? '');
      });
      await revise.getByRole('button', { name: 'Record' }).click();
      await revise.getByRole('alert').first().waitFor();
      expect(preconditions).toEqual(['"0"']);
      expect((await read<{ text: string }>(ledger, `/v1/proposals/${proposalId}`)).text).toBe('Another clerk’s text.');
    });
  });

  describe('a sending not yet answered', () => {
    const lostNotice = 'No answer came back from the ledger (check that this browser is online), so this may or may not have been recorded.';
    const recordedOnce = 'Recorded by an earlier sending of this form, whose answer did not come back: recorded once, not twice.';

    /** The statement form filled in, and the idempotency keys of the commands the page sends. */
    async function statementTyped(page: Page, summary: string): Promise<{ statement: Locator; keysSent: string[] }> {
      const keysSent: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') keysSent.push(request.headers()['idempotency-key'] ?? '');
      });
      const statement = page.getByRole('form', { name: 'Record a statement' });
      await statement.locator('select >> option[value="wdc"]').waitFor({ state: 'attached' });
      await statement.getByLabel('Speaker').selectOption('wdc');
      await statement.getByLabel('Summary').fill(summary);
      await statement.getByLabel('When (date or date-time)').fill('2022-06-21');
      return { statement, keysSent };
    }

    /** Passes a statement on to the ledger, which records it, and holds its answer back until `release` is called. */
    function answerHeldBack(): { handler: (route: Route) => Promise<void>; recorded: Promise<void>; release: () => void } {
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      let reached: () => void = () => undefined;
      const recorded = new Promise<void>((resolve) => (reached = resolve));
      const handler = async (route: Route): Promise<void> => {
        await route.fetch();
        reached();
        await released;
        await route.abort('connectionreset').catch(() => undefined);
      };
      return { handler, recorded, release };
    }

    /** Lets the held answer go, sends the form again, and checks the ledger holds the statement once, recorded under the first key. */
    async function sentAgainRecordsOnce(
      page: Page,
      held: ReturnType<typeof answerHeldBack>,
      statement: Locator,
      keysSent: readonly string[],
      meetingId: string,
    ): Promise<void> {
      await page.unroute('**/statements', held.handler);
      held.release();
      await statement.getByRole('button', { name: 'Record' }).click();
      await statement.getByText(recordedOnce).waitFor();
      expect(keysSent).toHaveLength(2);
      expect(keysSent[1]).toBe(keysSent[0]);
      expect((await read<{ statements: unknown[] }>(ledger, `/v1/meetings/${meetingId}/statements`)).statements).toHaveLength(1);
    }

    it('is kept from the moment it is sent: a reload before the answer warns first, brings the form back unsettled, and it is recorded once', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
      const warnings: string[] = [];
      page.on('dialog', (dialog) => {
        warnings.push(dialog.type());
        void dialog.accept();
      });
      const { statement, keysSent } = await statementTyped(page, 'Reloaded while it was being sent.');
      const held = answerHeldBack();
      await page.route('**/statements', held.handler);
      await statement.getByRole('button', { name: 'Record' }).click();
      await statement.getByText('Sending…').waitFor();
      await held.recorded;

      await page.reload();
      expect(warnings).toEqual(['beforeunload']);
      await statement.getByText(lostNotice).waitFor();
      expect(await statement.getByLabel('Summary').inputValue()).toBe('Reloaded while it was being sent.');
      await sentAgainRecordsOnce(page, held, statement, keysSent, kp.intersessional);
    });

    it('is not kept, given up after the clerk who sent it signed out, for the next clerk on the tab', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await page.clock.install();
      page.on('dialog', (dialog) => void dialog.accept());
      await page.goto(`${ledger.baseUrl}/`);
      await page.getByLabel('API key').fill(TEST_KEYS.secretariat);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.goto(`${ledger.baseUrl}/#/meetings/${kp.intersessional}`);
      const { statement } = await statementTyped(page, 'Sent by the first clerk, who signed out before the answer.');
      // No answer ever comes: the sending is given up after 30 s, once the clerk has signed out.
      await page.route('**/statements', () => new Promise<void>(() => undefined));
      await statement.getByRole('button', { name: 'Record' }).click();
      await statement.getByText('Sending…').waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('API key').fill(TEST_KEYS.secretariat);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await statement.getByLabel('Summary').waitFor();
      await page.clock.fastForward(31_000);
      await page.waitForTimeout(300);
      expect(await page.evaluate<string[]>("Object.keys(sessionStorage).filter((item) => item.startsWith('concord-unsettled'))")).toEqual([]);

      // The desk opened again finds nothing of the first clerk's.
      await page.goto(`${ledger.baseUrl}/#/`);
      await page.getByRole('heading', { name: 'Bodies' }).waitFor();
      await page.goto(`${ledger.baseUrl}/#/meetings/${kp.intersessional}`);
      await statement.getByLabel('Summary').waitFor();
      expect([await statement.getByLabel('Summary').inputValue(), await statement.getByText(lostNotice).count()]).toEqual(['', 0]);
    });

    it('is given up after 30 s without an answer, said to be perhaps recorded, and sent again under the same key', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      // The page's clock, moved on by the test: no test waits 30 s.
      await page.clock.install();
      await page.goto(`${ledger.baseUrl}/`);
      await page.getByLabel('API key').fill(TEST_KEYS.secretariat);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.goto(`${ledger.baseUrl}/#/meetings/${kp.intersessional}`);
      const { statement, keysSent } = await statementTyped(page, 'Sent to a ledger that hangs.');
      const held = answerHeldBack();
      await page.route('**/statements', held.handler);
      await statement.getByRole('button', { name: 'Record' }).click();
      await statement.getByText('Sending…').waitFor();
      await held.recorded;
      await page.clock.fastForward(29_000);
      expect(await statement.getByText(lostNotice).count()).toBe(0);
      await page.clock.fastForward(2_000);
      await statement.getByText(lostNotice).waitFor();
      await statement.getByText('No answer came within 30 s: the sending was given up.').waitFor();
      await sentAgainRecordsOnce(page, held, statement, keysSent, kp.intersessional);
    });
  });

  it('keeps what is typed at the desk across a proposal’s page and time travel, asks before the tab is left with it, and forgets it once recorded, discarded or signed out', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { title: 'Publish the review', meetingId: kp.intersessional });
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    const warnings: string[] = [];
    page.on('dialog', (dialog) => {
      warnings.push(dialog.type());
      void dialog.accept();
    });
    const drafts = (): Promise<string[]> => page.evaluate<string[]>("Object.keys(sessionStorage).filter((item) => item.startsWith('concord-draft'))");
    const statement = page.getByRole('form', { name: 'Record a statement' });
    const objection = page.getByRole('form', { name: 'Record an objection' });
    await statement.locator('select >> option[value="wdc"]').waitFor({ state: 'attached' });
    await statement.getByLabel('Speaker').selectOption('wdc');
    await statement.getByLabel('Summary').fill('Half a statement, typed before a look at the proposal.');
    await statement.getByLabel('When (date or date-time)').fill('2022-06-21');
    await objection.getByLabel('Grounds').fill('Grounds still being written.');

    // To the proposal's page by its link, and Back.
    await page.getByRole('region', { name: 'Proposals at this meeting' }).getByRole('link', { name: 'Publish the review' }).click();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    expect(await page.evaluate('window.location.hash')).toBe(`#/proposals/${proposalId}`);
    await page.goBack();
    expect(await statement.getByLabel('Summary').inputValue()).toBe('Half a statement, typed before a look at the proposal.');
    expect(await statement.getByLabel('Speaker').inputValue()).toBe('wdc');
    expect(await objection.getByLabel('Grounds').inputValue()).toBe('Grounds still being written.');

    // To a time in the past, and Back.
    await page.getByLabel('Show the ledger').selectOption('effectiveAt');
    await page.getByLabel('Time or position').fill('2022-06-20');
    await page.getByRole('button', { name: 'Go' }).click();
    await page.getByText('Time travel: you are looking at the ledger').waitFor();
    await page.goBack();
    await page.getByText('Time travel: you are looking at the ledger').waitFor({ state: 'detached' });
    expect(await statement.getByLabel('Summary').inputValue()).toBe('Half a statement, typed before a look at the proposal.');
    expect(await objection.getByLabel('Grounds').inputValue()).toBe('Grounds still being written.');

    // The tab asks before it is reloaded (or closed) with text typed and not sent.
    await page.reload();
    expect(warnings).toEqual(['beforeunload']);
    expect(await statement.getByLabel('Summary').inputValue()).toBe('Half a statement, typed before a look at the proposal.');

    // Recorded, and discarded: nothing is left to keep, and the tab is left without a word.
    await statement.getByRole('button', { name: 'Record' }).click();
    await statement.getByText('Recorded.').waitFor();
    await objection.getByRole('button', { name: 'Discard what is typed' }).click();
    expect(await objection.getByLabel('Grounds').inputValue()).toBe('');
    expect(await drafts()).toEqual([]);
    await page.reload();
    await statement.getByLabel('Summary').waitFor();
    expect(warnings).toEqual(['beforeunload']);
    expect([await statement.getByLabel('Summary').inputValue(), await objection.getByLabel('Grounds').inputValue()]).toEqual(['', '']);

    // Signing out forgets a draft: the next clerk on the tab does not find it.
    await objection.getByLabel('Grounds').fill('Typed by the first clerk.');
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await drafts()).toEqual([]);
    await page.getByLabel('API key').fill(TEST_KEYS.secretariat);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await objection.getByLabel('Grounds').waitFor();
    expect(await objection.getByLabel('Grounds').inputValue()).toBe('');
  });

  it('keeps a sending whose answer was lost across a reload and a visit elsewhere, warns before the tab is left, and records it once', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    const keysSent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') keysSent.push(request.headers()['idempotency-key'] ?? '');
    });
    const warnings: string[] = [];
    page.on('dialog', (dialog) => {
      warnings.push(dialog.type());
      void dialog.accept();
    });
    // The request reaches the ledger, which records it; its answer is lost on the way back.
    const answerLost = async (route: Route): Promise<void> => {
      await route.fetch();
      await route.abort('connectionreset');
    };
    const lostNotice = 'No answer came back from the ledger (check that this browser is online), so this may or may not have been recorded.';
    const recordedOnce = 'Recorded by an earlier sending of this form, whose answer did not come back: recorded once, not twice.';

    const statement = page.getByRole('form', { name: 'Record a statement' });
    await statement.locator('select >> option[value="wdc"]').waitFor({ state: 'attached' });
    await statement.getByLabel('Speaker').selectOption('wdc');
    await statement.getByLabel('Summary').fill('Asks for the review to be published.');
    await statement.getByLabel('When (date or date-time)').fill('2022-06-21');
    await page.route('**/statements', answerLost);
    await statement.getByRole('button', { name: 'Record' }).click();
    await statement.getByText(lostNotice).waitFor();
    await page.unroute('**/statements');

    // Reloaded: the tab warns first, then shows the form as it was sent, with its notice and its key.
    await page.reload();
    expect(warnings).toEqual(['beforeunload']);
    await statement.getByText(lostNotice).waitFor();
    expect(await statement.getByLabel('Summary').inputValue()).toBe('Asks for the review to be published.');
    expect(await statement.getByLabel('Speaker').inputValue()).toBe('wdc');
    await statement.getByRole('button', { name: 'Record' }).click();
    await statement.getByText(recordedOnce).waitFor();
    expect(keysSent).toHaveLength(2);
    expect(keysSent[1]).toBe(keysSent[0]);
    expect((await read<{ statements: unknown[] }>(ledger, `/v1/meetings/${kp.intersessional}/statements`)).statements).toHaveLength(1);

    // Left for another page and come back to, by the browser's Back and Forward: the same.
    const table = page.getByRole('form', { name: 'Table a proposal' });
    await table.getByLabel('Title').fill('Publish the review');
    await table.getByLabel('Text', { exact: true }).fill('The review is published.');
    await table.getByRole('group', { name: 'Tabled by' }).getByLabel('Ukraine').check();
    await table.getByLabel('When (date or date-time)').fill('2022-06-21');
    await page.route('**/proposals', answerLost);
    await table.getByRole('button', { name: 'Record' }).click();
    await table.getByText(lostNotice).waitFor();
    await page.unroute('**/proposals');
    await page.goBack();
    await page.getByRole('heading', { name: 'Bodies' }).waitFor();
    await page.goForward();
    await table.getByText(lostNotice).waitFor();
    expect(await table.getByLabel('Title').inputValue()).toBe('Publish the review');
    await table.getByRole('button', { name: 'Record' }).click();
    await table.getByText(recordedOnce).waitFor();
    expect(keysSent).toHaveLength(4);
    expect(keysSent[3]).toBe(keysSent[2]);
    const listed = await read<{ proposals: { title: string }[] }>(ledger, `/v1/bodies/${kp.bodyId}/proposals`);
    expect(listed.proposals.map((proposal) => proposal.title)).toEqual(['Publish the review']);

    // Settled, nothing is kept: the tab is left without a warning, and the forms come back empty.
    await page.reload();
    await statement.getByLabel('Summary').waitFor();
    expect(warnings).toEqual(['beforeunload']);
    expect(await statement.getByLabel('Summary').inputValue()).toBe('');
    expect(await table.getByLabel('Title').inputValue()).toBe('');
    expect(await statement.getByText(lostNotice).count()).toBe(0);
  });

  it('opens again, on a proposal page reloaded, a correction whose answer was lost, and records it once', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.plenary, occurredAt: '2022-11-07' });
    const page = await signedIn(TEST_KEYS.secretariat, `/proposals/${proposalId}`);
    page.on('dialog', (dialog) => void dialog.accept());
    const tabled = timelineRecord(page, 'Tabled by Ukraine');
    await tabled.getByRole('button', { name: 'Correct this record: Tabled by Ukraine, 2022-11-07', exact: true }).click();
    const correct = tabled.getByRole('form');
    await correct.getByLabel('Field to correct').selectOption('occurredAt');
    await correct.getByLabel('Correct value').fill('2022-11-08');
    await correct.getByLabel('Why it is corrected').fill('Tabled the day after, say the minutes.');
    await page.route('**/v1/corrections', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await correct.getByRole('button', { name: 'Record' }).click();
    await correct.getByText('No answer came back from the ledger').waitFor();
    await page.unroute('**/v1/corrections');

    await page.reload();
    await correct.getByText('No answer came back from the ledger').waitFor();
    expect(await correct.getByLabel('Why it is corrected').inputValue()).toBe('Tabled the day after, say the minutes.');
    await correct.getByRole('button', { name: 'Record' }).click();
    // Recorded, the form closes, as any correction's does.
    await correct.waitFor({ state: 'detached' });
    await tabled.locator('.corrections').getByText('Tabled the day after, say the minutes.', { exact: false }).waitFor();
    const history = await read<{ entries: { corrections: unknown[] }[] }>(ledger, `/v1/proposals/${proposalId}/history`);
    expect(history.entries.flatMap((entry) => entry.corrections)).toHaveLength(1);
  });

  it('sends again as it was a decision whose answer was lost, though the proposal it decided is no longer offered, and says it was recorded once', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { title: 'Decided, its answer lost', meetingId: kp.intersessional });
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    const decision = page.getByRole('form', { name: 'Declare the outcome' });
    await decision.locator(`select >> option[value="${proposalId}"]`).waitFor({ state: 'attached' });
    await decision.getByLabel('Proposal').selectOption(proposalId);
    await decision.getByLabel('Outcome').selectOption('no-consensus');
    await decision.getByLabel('When (date or date-time)').fill('2022-06-24');
    await page.route('**/decision', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await decision.getByRole('button', { name: 'Record' }).click();
    await decision.getByText('No answer came back from the ledger').waitFor();
    await page.unroute('**/decision');
    // The page reads the ledger again meanwhile: the proposal, decided, is no longer one to decide.
    await page.waitForResponse((response) => response.url().includes('/proposals?') && response.status() === 200);
    await decision.getByRole('button', { name: 'Record' }).click();
    await decision.getByText('Recorded by an earlier sending of this form, whose answer did not come back: recorded once, not twice.').waitFor();
    expect(await decision.getByText('is no longer offered').count()).toBe(0);
    expect(await read<{ status: string }>(ledger, `/v1/proposals/${proposalId}`)).toMatchObject({ status: 'not-adopted' });
  });

  it('keeps what a clerk types at the desk before the body is read, and fills the Chair into a form still untouched', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const page = await signedIn(TEST_KEYS.secretariat);
    // The body's answer is held until the clerk has typed.
    let releaseBody = (): void => undefined;
    const bodyHeld = new Promise<void>((resolve) => (releaseBody = resolve));
    await page.route(`**/v1/bodies/${kp.bodyId}`, async (route) => {
      await bodyHeld;
      await route.continue();
    });
    await page.goto(`${ledger.baseUrl}/#/meetings/${kp.intersessional}`);
    const table = page.getByRole('form', { name: 'Table a proposal' });
    await table.getByLabel('Title').fill('Typed before the body was read');
    releaseBody();
    await table.getByRole('group', { name: 'Tabled by' }).getByLabel('Ukraine').waitFor();
    expect(await table.getByLabel('Title').inputValue()).toBe('Typed before the body was read');
    const decision = page.getByRole('form', { name: 'Declare the outcome' });
    expect(await decision.getByLabel('Declared by (Chair or acting Vice-Chair)').inputValue()).toBe('bw');
    await page.unroute(`**/v1/bodies/${kp.bodyId}`);
  });

  it('names the fields a refusal lists by their labels on the form, in plain words, each once', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    const table = page.getByRole('form', { name: 'Table a proposal' });
    await table.getByLabel('Title').fill('Budget');
    await table.getByLabel('Text', { exact: true }).fill('The budget.');
    await table.getByRole('group', { name: 'Tabled by' }).getByLabel('Ukraine').check();
    await table.getByLabel('Id (optional)').fill('Not A Slug');
    await table.getByLabel('When (date or date-time)').fill('21/06/2022');
    await table.getByRole('button', { name: 'Record' }).click();
    const refusal = table.getByRole('alert');
    await refusal.getByText('Id (optional)', { exact: true }).waitFor();
    await refusal.getByText('When (date or date-time)', { exact: true }).waitFor();
    const said = await refusal.innerText();
    expect(said).toContain('must be lowercase letters, digits and hyphens');
    expect(said).not.toContain('^[a-z0-9]');
    expect(said).not.toMatch(/\bproposalId\b|\boccurredAt\b/);
    expect(said.match(/must be an ISO 8601 date/g)).toHaveLength(1);

    // Once the clerk mends the form, the refusal of what was sent no longer stands beside it.
    await table.getByLabel('Id (optional)').fill('budget');
    await refusal.waitFor({ state: 'detached' });
  });

  it('marks the communiqué as not adopted once recorded so, and offers no second one', async () => {
    const kp = await recordKimberleyProcess(ledger);
    await record(ledger, `/v1/meetings/${kp.intersessional}/communique`, { adopted: false, reason: 'no consensus', occurredAt: '2022-06-24' });
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    await page.getByRole('heading', { name: 'Communiqué not adopted' }).waitFor();
    await page.getByRole('form', { name: 'Record a statement' }).waitFor();
    expect(await page.getByRole('form', { name: 'Record the communiqué' }).count()).toBe(0);
  });

  it('names the stream of a body record in a proposal’s timeline, and offers the outcomes of a decision as a choice', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.plenary, occurredAt: '2022-11-07' });
    await record(ledger, `/v1/proposals/${proposalId}/objections`, { participantId: 'ru', grounds: 'not now', occurredAt: '2022-11-08' });
    // Suspending the objector changes the proposal's status, so the body's record is in its timeline.
    await record(ledger, `/v1/bodies/${kp.bodyId}/participants/ru/suspension`, { reason: 'illustrative', occurredAt: '2022-11-09' });
    await record(ledger, `/v1/proposals/${proposalId}/decision`, {
      outcome: 'no-consensus',
      declaredBy: 'bw',
      meetingId: kp.plenary,
      occurredAt: '2022-11-10',
    });
    const page = await signedIn(TEST_KEYS.secretariat, `/proposals/${proposalId}`);
    const suspended = timelineRecord(page, 'Participant suspended — Russian Federation');
    await suspended.getByRole('button', { name: 'Correct this record' }).click();
    await suspended
      .getByRole('heading', { name: new RegExp(`^Correct “Participant suspended — Russian Federation” \\(record \\d+ of body-${kp.bodyId}\\)$`) })
      .waitFor();
    const decided = timelineRecord(page, 'No consensus recorded by the Chair (Botswana)');
    await decided.getByRole('button', { name: 'Correct this record' }).click();
    const correct = decided.getByRole('form');
    await correct.getByRole('heading', { name: /\(record \d+ of this proposal\)$/ }).waitFor();
    await correct.getByLabel('Field to correct').selectOption('outcome');
    const outcomes = await correct.getByLabel('Correct value').locator('option').allTextContents();
    expect(outcomes).toEqual(['—', 'Consensus (adopted)', 'No consensus (not adopted)']);
  });

  /** A proposal tabled at the plenary, declared adopted by the Chair, and the decision corrected with `corrections`: its id. */
  async function decidedThenCorrected(kp: { bodyId: string; plenary: string }, corrections: Record<string, string>, reason: string): Promise<string> {
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.plenary, occurredAt: '2022-11-07' });
    const decision = await record(ledger, `/v1/proposals/${proposalId}/decision`, {
      outcome: 'consensus',
      declaredBy: 'bw',
      meetingId: kp.plenary,
      occurredAt: '2022-11-10',
    });
    await record(ledger, '/v1/corrections', { correctsEventId: decision.eventIds[0], reason, corrections, occurredAt: '2022-12-01' });
    return proposalId;
  }

  it('shows of a decision corrected to no consensus the outcome changed, not the blockers it had none of before and after', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const proposalId = await decidedThenCorrected(kp, { outcome: 'no-consensus' }, 'The minutes record no consensus.');
    const page = await signedIn(TEST_KEYS.auditor, `/proposals/${proposalId}`);
    const decided = timelineRecord(page, 'Consensus declared by the Chair (Botswana)');
    await decided.getByText('Outcome: “consensus” → “no-consensus”.').waitFor();
    expect(await decided.getByText('blockingParticipants', { exact: false }).count()).toBe(0);
  });

  it("counts a stream's records from 1, names each correct button by its record, returns focus to it once corrected, and offers no outcome of a definition amendment", async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { kind: 'definition-amendment', meetingId: kp.plenary, occurredAt: '2022-11-07' });
    await record(ledger, `/v1/proposals/${proposalId}/decision`, { outcome: 'consensus', declaredBy: 'bw', meetingId: kp.plenary, occurredAt: '2022-11-10' });
    const page = await signedIn(TEST_KEYS.secretariat, `/proposals/${proposalId}`);
    const decided = timelineRecord(page, 'Consensus declared by the Chair (Botswana)');
    const button = decided.getByRole('button', { name: 'Correct this record: Consensus declared by the Chair (Botswana), 2022-11-10', exact: true });
    await button.click();
    const correct = decided.getByRole('form');
    await correct.getByRole('heading', { name: 'Correct “Consensus declared by the Chair (Botswana)” (record 2 of this proposal)' }).waitFor();
    expect(await correct.getByLabel('Field to correct').locator('option').allTextContents()).not.toContain('Outcome');
    await correct.getByLabel('Field to correct').selectOption('occurredAt');
    await correct.getByLabel('Correct value').fill('2022-11-09');
    await correct.getByLabel('Why it is corrected').fill('The minutes date it a day earlier.');
    await correct.getByLabel('When the correction was decided (date or date-time)').fill('2022-11-12');
    await correct.getByRole('button', { name: 'Record' }).click();
    await decided.getByText('The minutes date it a day earlier.', { exact: false }).waitFor();
    const focused = await focusOnceSettled(page, "document.activeElement?.getAttribute('aria-label') ?? ''", (label) =>
      label.startsWith('Correct this record: Consensus declared'),
    );
    expect(focused).toMatch(/^Correct this record: Consensus declared by the Chair \(Botswana\), /);
  });

  it('words each record of a proposal’s timeline, its members by name, keeping the ledger’s type name as the title', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.intersessional });
    await record(ledger, `/v1/proposals/${proposalId}/support`, { participantId: 'bw', occurredAt: '2022-06-22' });
    const objection = await record(ledger, `/v1/proposals/${proposalId}/objections`, { participantId: 'ru', grounds: 'Premature', occurredAt: '2022-06-22' });
    await record(ledger, `/v1/proposals/${proposalId}/revisions`, { text: 'The KP discusses the war.', occurredAt: '2022-06-22' });
    await record(ledger, '/v1/corrections', {
      correctsEventId: objection.eventIds[0],
      reason: 'The minutes give the grounds in full.',
      corrections: { grounds: 'The text is premature' },
      occurredAt: '2022-06-23',
    });
    await record(ledger, `/v1/proposals/${proposalId}/objections/ru/withdrawal`, { occurredAt: '2022-06-23' });
    await record(ledger, `/v1/proposals/${proposalId}/deferral`, { toMeetingId: kp.plenary, occurredAt: '2022-06-23' });
    await record(ledger, `/v1/proposals/${proposalId}/decision`, { outcome: 'consensus', declaredBy: 'bw', meetingId: kp.plenary, occurredAt: '2022-11-10' });
    const { proposalId: withdrawn } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.intersessional });
    await record(ledger, `/v1/proposals/${withdrawn}/withdrawal`, { reason: 'Overtaken.', withdrawnBy: ['ua'], occurredAt: '2022-06-22' });

    const page = await signedIn(TEST_KEYS.auditor, `/proposals/${proposalId}`);
    expect(await timelineWords(page)).toEqual([
      'Tabled by Ukraine',
      'Support expressed — Botswana',
      'Objection raised — Russian Federation',
      'Revised (revision 2)',
      'Correction of “Objection raised — Russian Federation”',
      'Objection withdrawn — Russian Federation',
      `Deferred to meeting ${kp.plenary}`,
      'Consensus declared by the Chair (Botswana)',
    ]);
    // An auditor matching a record to the feed or the API finds the ledger's own name of its type.
    expect(await timelineRecord(page, 'Objection raised — Russian Federation').locator('strong').getAttribute('title')).toBe('ObjectionRaised');

    await page.goto(`${ledger.baseUrl}/#/proposals/${withdrawn}`);
    await timelineRecord(page, 'Withdrawn by Ukraine').waitFor();
  });

  it('shows a record of a type it does not know (a newer ledger’s) by the type’s own name, never a blank', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.intersessional });
    const page = await signedIn(TEST_KEYS.auditor, '');
    await page.route('**/v1/proposals/*/history*', async (route) => {
      const answer = (await (await route.fetch()).json()) as { entries: Record<string, unknown>[] };
      const [tabled] = answer.entries;
      const seconded = { ...tabled, eventId: '01900000-0000-7000-8000-000000000001', type: 'MotionSeconded', data: { participantId: 'bw' }, corrections: [] };
      await route.fulfill({ json: { ...answer, entries: [...answer.entries, seconded] } });
    });
    await page.goto(`${ledger.baseUrl}/#/proposals/${proposalId}`);
    expect(await timelineWords(page)).toEqual(['Tabled by Ukraine', 'MotionSeconded — Botswana']);
  });

  it('names the members a correction changed in a timeline by their names, not their ids', async () => {
    const kp = await recordKimberleyProcess(ledger);
    // The United Arab Emirates, Vice-Chair for 2022, acts for the Chair: the decision is corrected to say so.
    await record(ledger, `/v1/bodies/${kp.bodyId}/vice-chair`, { participantId: 'ae', term: 2022, occurredAt: '2022-01-01' });
    const proposalId = await decidedThenCorrected(kp, { declaredBy: 'ae' }, 'The Vice-Chair declared it, say the minutes.');
    const page = await signedIn(TEST_KEYS.auditor, `/proposals/${proposalId}`);
    const decided = page.getByRole('region', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: 'The Vice-Chair declared it' }).first();
    await decided.getByText('Declared by: “Botswana” → “United Arab Emirates”.').waitFor();
  });

  it('shows in the timeline whom each record is of, and its log position and who stored it when, for an auditor to prove it', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.plenary, occurredAt: '2022-11-07' });
    const supported = await record(ledger, `/v1/proposals/${proposalId}/support`, { participantId: 'eu', occurredAt: '2022-11-08' });
    await record(ledger, `/v1/proposals/${proposalId}/support`, { participantId: 'ua', occurredAt: '2022-11-08' });
    const page = await signedIn(TEST_KEYS.auditor, `/proposals/${proposalId}`);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const supports = timeline.getByRole('listitem').filter({ has: page.locator('strong', { hasText: /^Support expressed — / }) });
    await supports.first().waitFor();
    expect(await supports.allInnerTexts()).toEqual([
      expect.stringContaining('Support expressed — European Union'),
      expect.stringContaining('Support expressed — Ukraine'),
    ]);
    expect(await supports.first().innerText()).toMatch(
      new RegExp(`Position ${supported.position}, recorded \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC by secretariat \\(`),
    );
  });

  it('wraps long names and keys instead of widening the page, on a laptop and on a phone', async () => {
    const longName = 'Ministry'.repeat(24);
    const bodyId = `long-${Date.now()}`;
    await record(ledger, '/v1/bodies', { bodyId, name: longName, definition: 'Rough diamonds that finance conflict.', occurredAt: '2003-01-01' });
    const laptop = await signedIn(TEST_KEYS.auditor, `/bodies/${bodyId}`);
    await laptop.getByRole('heading', { name: longName }).waitFor();
    expect(await laptop.evaluate(FITS_THE_WIDTH)).toBe(true);
    const phone = await signedIn(TEST_KEYS.auditor, '/audit', { width: 375, height: 740 });
    await phone.getByRole('heading', { name: 'Published verifier keys' }).waitFor();
    await phone.locator('section[aria-labelledby="keys"] code').first().waitFor();
    expect(await phone.evaluate(FITS_THE_WIDTH)).toBe(true);
    // The navigation's words wrap between links, never inside one ("Bodi/es"), on the narrowest phones too.
    expect(await phone.evaluate(NAV_LINKS_BROKEN)).toEqual([]);
    const narrowest = await signedIn(TEST_KEYS.auditor, '/audit', { width: 320, height: 640 });
    await narrowest.getByRole('heading', { name: 'Published verifier keys' }).waitFor();
    expect(await narrowest.evaluate(NAV_LINKS_BROKEN)).toEqual([]);
    expect(await narrowest.evaluate(FITS_THE_WIDTH)).toBe(true);
  });

  it('offers the audit check once the ledger answers again, on a page opened while it did not', async () => {
    expect([200, 201]).toContain((await ledger.request('POST', '/v1/audit/checkpoints', undefined, { role: 'auditor' })).status);
    const page = await signedIn(TEST_KEYS.auditor);
    const cutOff = (route: { abort: () => Promise<void> }): Promise<void> => route.abort();
    await page.route('**/v1/audit/**', cutOff);
    await page.goto(`${ledger.baseUrl}/#/audit`);
    const button = page.getByRole('form', { name: 'Check in this browser' }).getByRole('button', { name: 'Check in this browser' });
    await page.getByRole('heading', { name: 'Latest signed checkpoint' }).waitFor();
    await page.waitForTimeout(1_000);
    expect(await button.isDisabled()).toBe(true);

    await page.unroute('**/v1/audit/**', cutOff);
    await page.getByText(/It covers positions 1 to \d+\./).waitFor({ timeout: 20_000 });
    expect(await button.isEnabled()).toBe(true);
  });

  it('says a saved verifier key whose hash does not match its name and key is malformed, before anything is checked', async () => {
    // Something to check, whether or not a test before recorded anything.
    await recordKimberleyProcess(ledger);
    expect([200, 201]).toContain((await ledger.request('POST', '/v1/audit/checkpoints', undefined, { role: 'auditor' })).status);
    const page = await signedIn(TEST_KEYS.auditor, '/audit');
    const check = page.getByRole('form', { name: 'Check in this browser' });
    await page.getByText(/It covers positions 1 to \d+\./).waitFor();
    const proofsAsked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/v1/audit/proofs/')) proofsAsked.push(request.url());
    });
    const published = await read<{ keys: { verifierKey: string }[] }>(ledger, '/v1/audit/keys');
    // The base64 key may hold '+' itself.
    const [name = '', hash = '', ...key] = published.keys[0]!.verifierKey.split('+');
    const keyBytes = Buffer.from(key.join('+'), 'base64');
    keyBytes[5] = (keyBytes[5] ?? 0) ^ 1;
    const mistyped = {
      hash: `${name}+${hash === '00000000' ? '00000001' : '00000000'}+${key.join('+')}`,
      name: `${name}x+${hash}+${key.join('+')}`,
      key: `${name}+${hash}+${keyBytes.toString('base64')}`,
    };
    for (const [part, savedKey] of Object.entries(mistyped)) {
      await check.getByLabel('Verifier key you saved earlier (optional)').fill(savedKey);
      await check.getByLabel('Position of the event to check').fill('1');
      await check.getByRole('button', { name: 'Check in this browser' }).click();
      const said = `The key you saved is not a verifier key (its key hash ${savedKey.split('+')[1]} does not match its name and key)`;
      await check
        .getByText(said)
        .waitFor({ timeout: 5_000 })
        .catch(() => {
          throw new Error(`a key with its ${part} changed was not said malformed`);
        });
      expect(await page.getByRole('region', { name: 'What this browser found' }).count()).toBe(0);
    }
    expect(proofsAsked).toEqual([]);
  });

  it('says plainly when a saved verifier key or a position is malformed, and proves nothing with a key that did not sign', async () => {
    // Something to check, whether or not a test before recorded anything.
    await recordKimberleyProcess(ledger);
    expect([200, 201]).toContain((await ledger.request('POST', '/v1/audit/checkpoints', undefined, { role: 'auditor' })).status);
    const page = await signedIn(TEST_KEYS.auditor, '/audit');
    const check = page.getByRole('form', { name: 'Check in this browser' });
    await page.getByText(/It covers positions 1 to \d+\./).waitFor();

    await check.getByLabel('Verifier key you saved earlier (optional)').fill('not a key');
    await check.getByRole('button', { name: 'Check in this browser' }).click();
    await check.getByText('The key you saved is not a verifier key (it is not of the form name+hash+key)').waitFor();

    const published = await read<{ keys: { verifierKey: string }[] }>(ledger, '/v1/audit/keys');
    // A verifier key, of the signer's name, but of a key that did not sign.
    const otherKey = formatVerifierKey(published.keys[0]!.verifierKey.split('+')[0]!, rawEd25519PublicKey(generateKeyPairSync('ed25519').privateKey));
    await check.getByLabel('Verifier key you saved earlier (optional)').fill(otherKey);
    await check.getByLabel('Position of the event to check').fill('1e3');
    await check.getByRole('button', { name: 'Check in this browser' }).click();
    await check.getByText('Give the position as a whole number, such as 5.').waitFor();
    // Positions the checkpoint cannot prove are said so in the auditor's words, not sent to be refused as fields.
    await check.getByLabel('Position of the event to check').fill('0');
    await check.getByRole('button', { name: 'Check in this browser' }).click();
    await check.getByText('Positions start at 1').waitFor();
    await check.getByLabel('Position of the event to check').fill('100000000');
    await check.getByRole('button', { name: 'Check in this browser' }).click();
    await check.getByText(/^Position 100000000 is after the \d+ events this checkpoint covers/).waitFor();
    expect(await page.getByText('Some fields are missing').count()).toBe(0);

    await check.getByLabel('Position of the event to check').fill('1');
    await check.getByRole('button', { name: 'Check in this browser' }).click();
    const found = page.getByRole('region', { name: 'What this browser found' });
    await found.getByText('Signature NOT valid for the key you saved.').waitFor();
    await found
      .getByText("The proof for event 1 leads to the checkpoint's root, but the checkpoint's signature did not verify, so this proves nothing.")
      .waitFor();
    expect(await found.getByText('is in the signed log').count()).toBe(0);
  });

  it('keeps the meeting desk within the screen with long member names and a long proposal title, on a laptop and on a phone', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const longName = 'United Kingdom of Great Britain and Northern Ireland';
    await record(ledger, `/v1/bodies/${kp.bodyId}/participants`, { participantId: 'gb', name: longName, kind: 'state', occurredAt: '2003-01-01' });
    const title = `Widen the definition of conflict diamonds ${'to cover every armed group and every state that finances it '.repeat(4)}`.trim();
    await tableProposal(ledger, kp.bodyId, { meetingId: kp.intersessional, title });
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 375, height: 740 },
    ]) {
      const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`, viewport);
      const support = page.getByRole('form', { name: 'Record support' });
      await support.getByLabel('Participant').locator('option', { hasText: longName }).waitFor({ state: 'attached' });
      await support.getByLabel('Proposal').locator('option', { hasText: 'Widen the definition' }).waitFor({ state: 'attached' });
      expect([viewport.width, await page.evaluate(FITS_THE_WIDTH)]).toEqual([viewport.width, true]);
    }
  });

  it('offers support and objections to participants only, and marks a withdrawn member', async () => {
    const kp = await recordKimberleyProcess(ledger);
    await record(ledger, `/v1/bodies/${kp.bodyId}/members/zw/withdrawal`, { occurredAt: '2022-01-10' });
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    const valuesOf = (form: string, label: string): Promise<string[]> =>
      page
        .getByRole('form', { name: form })
        .getByLabel(label, { exact: true })
        .locator('option')
        .evaluateAll((options) => options.map((option) => `${(option as unknown as { value: string }).value}=${option.textContent ?? ''}`));
    await page.getByRole('form', { name: 'Record support' }).getByLabel('Participant').locator('option[value="ru"]').waitFor({ state: 'attached' });
    for (const form of ['Record support', 'Record an objection']) {
      const offered = await valuesOf(form, 'Participant');
      expect(offered.filter((option) => option.startsWith('csc=') || option.startsWith('wdc='))).toEqual([]);
      expect(offered).toContain('zw=Zimbabwe (withdrawn now)');
    }
    expect(await valuesOf('Record a statement', 'Speaker')).toEqual(expect.arrayContaining(['csc=KP Civil Society Coalition', 'zw=Zimbabwe (withdrawn now)']));
  });

  it('offers as objector only a participant whose objection to the chosen proposal does not stand already', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.intersessional });
    await record(ledger, `/v1/proposals/${proposalId}/objections`, { participantId: 'ru', grounds: 'Not now.', occurredAt: '2022-06-22' });
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    const objection = page.getByRole('form', { name: 'Record an objection' });
    const offered = (): Promise<string[]> =>
      objection
        .getByLabel('Participant', { exact: true })
        .locator('option')
        .evaluateAll((options) => options.map((option) => (option as unknown as { value: string }).value));
    await objection.locator(`select >> option[value="${proposalId}"]`).waitFor({ state: 'attached' });
    // Before a proposal is chosen, every participant.
    expect(await offered()).toEqual(expect.arrayContaining(['ru', 'ua']));
    await objection.getByLabel('Proposal').selectOption(proposalId);
    expect(await offered()).toContain('ua');
    expect(await offered()).not.toContain('ru');
  });

  it('says what is wrong with a time-travel point before asking for a page with it, and shows an auditor no form while travelling', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const page = await signedIn(TEST_KEYS.auditor, `/meetings/${kp.intersessional}`);
    await page.getByLabel('Show the ledger').selectOption('effectiveAt');
    await page.getByLabel('Time or position').fill('2022-06-24T12:00');
    await page.getByRole('button', { name: 'Go' }).click();
    await page.getByText('Write a date (2022-06-24) or a date and time with its zone (2022-06-24T14:30+02:00, or Z for UTC).').waitFor();
    expect(page.url()).not.toContain('asOf');
    await page.getByLabel('Time or position').fill('2022-06-24');
    await page.getByRole('button', { name: 'Go' }).click();
    await page.getByText('Time travel: you are looking at the ledger').waitFor();
    await page.getByRole('heading', { name: /Kasane/ }).waitFor();
    expect(
      await page
        .getByRole('form')
        .filter({ has: page.getByRole('button', { name: 'Record' }) })
        .count(),
    ).toBe(0);
  });

  it('refuses a correction begun before another correction of the proposal was recorded, instead of recording over it unseen', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, kp.bodyId, { meetingId: kp.intersessional });
    const objection = await record(ledger, `/v1/proposals/${proposalId}/objections`, { participantId: 'ru', grounds: 'Premature', occurredAt: '2022-06-22' });
    const page = await signedIn(TEST_KEYS.secretariat, `/proposals/${proposalId}`);
    const objected = timelineRecord(page, 'Objection raised — Russian Federation');
    await objected.getByRole('button', { name: /^Correct this record: Objection raised — Russian Federation/ }).click();
    const correct = objected.getByRole('form');
    await correct.getByLabel('Field to correct').selectOption('grounds');
    await correct.getByLabel('Correct value').fill('The text is premature, says this tab');

    await record(ledger, '/v1/corrections', {
      correctsEventId: objection.eventIds[0],
      reason: 'The minutes give the grounds in full.',
      corrections: { grounds: 'The text is premature' },
      occurredAt: '2022-06-23',
    });
    await correct.getByLabel('Why it is corrected').fill('Typed before the other correction was recorded.');
    await correct.getByLabel('When the correction was decided (date or date-time)').fill('2022-06-23');
    await correct.getByRole('button', { name: 'Record' }).click();
    await correct.getByText('Someone recorded something here since you began this form, so it was not recorded.', { exact: false }).waitFor();
    expect(await correct.getByLabel('Correct value').inputValue()).toBe('The text is premature, says this tab');
    const history = await read<{ entries: { type: string; corrections: unknown[] }[] }>(ledger, `/v1/proposals/${proposalId}/history`);
    expect(history.entries.find((entry) => entry.type === 'ObjectionRaised')?.corrections).toHaveLength(1);
  });

  describe('a form taken up again after the page was left', () => {
    const stale = 'Someone recorded something here since you began this form, so it was not recorded.';
    const staleText = 'The proposal’s text was revised since you chose it, so this was not recorded';

    it('says a revision typed before another clerk revised the text is stale once back, and does not record it over theirs', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const { proposalId } = await tableProposal(ledger, kp.bodyId, { text: 'The first text.' });
      const page = await signedIn(TEST_KEYS.secretariat, `/proposals/${proposalId}`);
      page.on('dialog', (dialog) => void dialog.accept());
      const revise = page.getByRole('form', { name: 'Revise the text' });
      await revise.getByLabel('New text, in full').fill('The clerk’s text, written against the first.');
      await revise.getByLabel('When (date or date-time)').fill('2022-06-23');
      await page.getByRole('link', { name: 'Bodies' }).first().click();
      await page.getByRole('heading', { name: 'Bodies' }).waitFor();

      await record(ledger, `/v1/proposals/${proposalId}/revisions`, { text: 'Another clerk’s text.', occurredAt: '2022-06-22' });
      await page.goBack();
      await revise.getByText(stale).waitFor();
      expect(await revise.getByLabel('New text, in full').inputValue()).toBe('The clerk’s text, written against the first.');
      await revise.getByRole('button', { name: 'Record' }).click();
      await revise.getByText(stale).waitFor();
      expect(await read<{ text: string }>(ledger, `/v1/proposals/${proposalId}`)).toMatchObject({ text: 'Another clerk’s text.' });

      // Read again and confirmed, it is recorded on the text read.
      await revise.getByRole('button', { name: 'Read again' }).click();
      await revise.getByText('Read again: check what changed, then record again.').waitFor();
      await page.waitForTimeout(300);
      await revise.getByRole('button', { name: 'Record' }).click();
      await revise.getByText('Recorded.').waitFor();
      expect(await read<{ text: string }>(ledger, `/v1/proposals/${proposalId}`)).toMatchObject({ text: 'The clerk’s text, written against the first.' });
    });

    it('says support on a text revised since, and an outcome on a proposal whose objection was withdrawn since, are stale after a reload, and records neither', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const { proposalId } = await tableProposal(ledger, kp.bodyId, { title: 'Admit Chad', text: 'Chad is admitted.', meetingId: kp.intersessional });
      await record(ledger, `/v1/proposals/${proposalId}/objections`, { participantId: 'ru', grounds: 'Not ready.', occurredAt: '2022-06-22' });
      const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
      page.on('dialog', (dialog) => void dialog.accept());
      const support = page.getByRole('form', { name: 'Record support' });
      const decision = page.getByRole('form', { name: 'Declare the outcome' });
      await support.locator(`select >> option[value="${proposalId}"]`).waitFor({ state: 'attached' });
      await support.getByLabel('Proposal').selectOption(proposalId);
      await support.getByLabel('Participant').selectOption('eu');
      await support.getByLabel('When (date or date-time)').fill('2022-06-24');
      await decision.getByLabel('Proposal').selectOption(proposalId);
      await decision.getByLabel('Outcome').selectOption('no-consensus');
      await decision.getByLabel('When (date or date-time)').fill('2022-06-24');
      await decision.getByLabel('Declared by (Chair or acting Vice-Chair)').selectOption('bw');
      await page.getByRole('heading', { name: 'Declare the outcome' }).click();

      // Support first: the text revised while the page was reloaded.
      await record(ledger, `/v1/proposals/${proposalId}/revisions`, { text: 'Chad is admitted next year.', occurredAt: '2022-06-23' });
      await page.reload();
      await support.getByText(staleText).waitFor();
      await support.getByRole('button', { name: 'Record' }).click();
      await support.getByText(staleText).waitFor();
      expect(await read<{ supporters: string[] }>(ledger, `/v1/proposals/${proposalId}`)).toMatchObject({ supporters: [] });
      await decision.getByText(stale).waitFor();
      await decision.getByRole('button', { name: 'Read again' }).click();
      await page.waitForTimeout(500);

      // The outcome read again, then the objection withdrawn while the page was reloaded: no longer blocked, but not what the clerk saw.
      await decision.getByLabel('Outcome').selectOption('consensus');
      await decision.getByLabel('Outcome').selectOption('no-consensus');
      await page.waitForTimeout(300);
      await record(ledger, `/v1/proposals/${proposalId}/objections/ru/withdrawal`, { occurredAt: '2022-06-23' });
      await page.reload();
      await decision.getByText(stale).waitFor();
      await decision.getByRole('button', { name: 'Record' }).click();
      await decision.getByText(stale).waitFor();
      expect(await read<{ status: string }>(ledger, `/v1/proposals/${proposalId}`)).toMatchObject({ status: 'open' });
    });

    it('sends again after a reload a sending whose answer was lost exactly as it was first sent, so a text revised meanwhile refuses it', async () => {
      const kp = await recordKimberleyProcess(ledger);
      const { proposalId } = await tableProposal(ledger, kp.bodyId, {
        title: 'Share the statistics',
        text: 'Statistics are shared.',
        meetingId: kp.intersessional,
      });
      const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
      page.on('dialog', (dialog) => void dialog.accept());
      const sent: { body: string; ifMatch: string | undefined }[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') sent.push({ body: request.postData() ?? '', ifMatch: request.headers()['if-match'] });
      });
      const support = page.getByRole('form', { name: 'Record support' });
      await support.locator(`select >> option[value="${proposalId}"]`).waitFor({ state: 'attached' });
      await support.getByLabel('Proposal').selectOption(proposalId);
      await support.getByLabel('Participant').selectOption('eu');
      await support.getByLabel('When (date or date-time)').fill('2022-06-24');
      // The first sending never reaches the ledger.
      await page.route('**/support', (route) => route.abort('connectionreset'));
      await support.getByRole('button', { name: 'Record' }).click();
      await support.getByText('may or may not have been recorded').waitFor();
      await page.unroute('**/support');

      await record(ledger, `/v1/proposals/${proposalId}/revisions`, { text: 'Statistics are shared each quarter.', occurredAt: '2022-06-23' });
      await page.reload();
      await support.getByText('may or may not have been recorded').waitFor();
      await page.waitForTimeout(300);
      await support.getByRole('button', { name: 'Record' }).click();
      await support.getByText(staleText).waitFor();
      expect(sent).toHaveLength(2);
      expect(sent[1]).toEqual(sent[0]);
      expect(await read<{ supporters: string[] }>(ledger, `/v1/proposals/${proposalId}`)).toMatchObject({ supporters: [] });
    });
  });

  it('says on the sign-in page, once the key is revoked, how many forms held typed text and how many sendings may have been recorded, and discards them', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const issued = (await ledger.post('/v1/keys', { name: 'Clerk Mid-Sitting', role: 'secretariat' }, { role: 'admin' })).body as {
      key: string;
      keyId: string;
    };
    const page = await signedIn(issued.key, `/meetings/${kp.intersessional}`);
    page.on('dialog', (dialog) => void dialog.accept());
    const statement = page.getByRole('form', { name: 'Record a statement' });
    await statement.locator('select >> option[value="wdc"]').waitFor({ state: 'attached' });
    await statement.getByLabel('Speaker').selectOption('wdc');
    await statement.getByLabel('Summary').fill('Sent, and no answer came.');
    await statement.getByLabel('When (date or date-time)').fill('2022-06-21');
    await page.route('**/statements', (route) => route.abort('connectionreset'));
    await statement.getByRole('button', { name: 'Record' }).click();
    await statement.getByText('may or may not have been recorded').waitFor();
    await page.getByRole('form', { name: 'Record an objection' }).getByLabel('Grounds').fill('Typed, not sent.');
    await page.waitForTimeout(200);

    expect((await ledger.request('DELETE', `/v1/keys/${issued.keyId}`, undefined, { role: 'admin' })).status).toBe(200);
    await page.getByText('The ledger no longer accepts the key this tab signed in with').waitFor({ timeout: 10_000 });
    await page
      .getByText('1 form held text typed and not sent; 1 sending got no answer and may already have been recorded. Check the ledger before typing them again.')
      .waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
  });

  it('asks before signing out while the tab holds typed text, saying what would be discarded, and keeps it when the clerk stays', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    const asked: string[] = [];
    let signOut = false;
    page.on('dialog', (dialog) => {
      asked.push(`${dialog.type()}: ${dialog.message()}`);
      void (signOut ? dialog.accept() : dialog.dismiss());
    });
    const objection = page.getByRole('form', { name: 'Record an objection' });
    await objection.getByLabel('Grounds').fill('Grounds still being written.');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForTimeout(200);
    expect(asked).toEqual([
      'confirm: Signing out discards the text typed and not sent in 1 form, so that the next clerk on this tab does not send them. Sign out?',
    ]);
    expect(await objection.getByLabel('Grounds').inputValue()).toBe('Grounds still being written.');

    signOut = true;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').waitFor();
    expect(await page.evaluate("Object.keys(sessionStorage).filter((item) => item.startsWith('concord-draft')).length")).toBe(0);
    // With nothing held, signing out asks nothing.
    await page.getByLabel('API key').fill(TEST_KEYS.secretariat);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await objection.getByLabel('Grounds').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').waitFor();
    expect(asked).toHaveLength(2);
  });

  it('offers no way to discard what is typed while travelling in time, where the forms are off', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const page = await signedIn(TEST_KEYS.secretariat, `/meetings/${kp.intersessional}`);
    page.on('dialog', (dialog) => void dialog.accept());
    const objection = page.getByRole('form', { name: 'Record an objection' });
    await objection.getByLabel('Grounds').fill('Grounds still being written.');
    await objection.getByRole('button', { name: 'Discard what is typed' }).waitFor();
    await page.getByLabel('Show the ledger').selectOption('effectiveAt');
    await page.getByLabel('Time or position').fill('2022-06-20');
    await page.getByRole('button', { name: 'Go' }).click();
    await page.getByText('Time travel: you are looking at the ledger').waitFor();
    await objection.getByLabel('Grounds').waitFor();
    expect(await objection.getByLabel('Grounds').inputValue()).toBe('Grounds still being written.');
    expect(await objection.getByRole('button', { name: 'Discard what is typed' }).count()).toBe(0);
    await page.goBack();
    await page.getByText('Time travel: you are looking at the ledger').waitFor({ state: 'detached' });
    expect(await objection.getByLabel('Grounds').inputValue()).toBe('Grounds still being written.');
  });
});
