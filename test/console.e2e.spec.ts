import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { headPosition, read, record } from './support/ledger-client';
import { focusOnceSettled } from './support/page-focus';
import { timelineRecord } from './support/timeline-record';
import { LedgerHarness, TEST_KEYS } from './support/ledger-harness';

const CHROMIUM = process.env.CONCORD_TEST_CHROMIUM ?? '/usr/bin/chromium';
const AXE = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');
const describeInBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) {
  console.warn(`SKIPPED: the web console's browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CONCORD_TEST_CHROMIUM)`);
}

/** Violations axe-core finds on the page that are serious or critical. */
async function seriousViolations(page: Page): Promise<{ id: string; nodes: number }[]> {
  // Evaluated through the browser's debugging protocol, which the page's policy does not govern:
  // the console itself runs under the API's Content-Security-Policy, unchanged.
  await page.evaluate(AXE);
  const violations = (await page.evaluate('window.axe.run().then((result) => result.violations)')) as { id: string; impact: string; nodes: unknown[] }[];
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes.length }));
}

/** With UPDATE_SCREENSHOTS=1 (`npm run docs:screenshots`), the pages the README shows are photographed on the way. */
async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env['UPDATE_SCREENSHOTS'] === '1') await page.screenshot({ path: join(process.cwd(), 'docs/screenshots', `${name}.png`), fullPage: true });
}

jest.setTimeout(90_000);

describeInBrowser(`The web console in Chromium (${CHROMIUM})`, () => {
  let ledger: LedgerHarness;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    ledger = await LedgerHarness.start();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(String(error)));
    // A resource the Content-Security-Policy refuses is reported as a console error; refused keys
    // and other refusals the console shows are answers, not errors, but the browser logs the
    // failed request too, so only what is not an HTTP status is kept.
    page.on('console', (message) => {
      if (message.type() === 'error' && !/the server responded with a status of \d+/.test(message.text())) problems.push(message.text());
    });
  });
  // Each test answers for the errors logged while it ran, not for those of the test before it.
  beforeEach(() => {
    problems.length = 0;
  });
  afterAll(async () => {
    await browser?.close();
    await ledger?.stop();
  });

  it('records the June 2022 intersessional through the forms: a refusal in plain language keeps the input, and the Russian objection blocks consensus', async () => {
    const kp = await recordKimberleyProcess(ledger);

    await page.goto(`${ledger.baseUrl}/`);
    await page.getByLabel('API key').fill('not-a-key-of-this-ledger');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This key is not known, or has been revoked.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('API key').fill(TEST_KEYS.secretariat);
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.evaluate('window.location.href')).not.toContain(TEST_KEYS.secretariat);

    await page.getByRole('heading', { name: 'Bodies' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator(`a[href="#/bodies/${kp.bodyId}"]`).click();
    await page.getByRole('heading', { name: 'Kimberley Process' }).waitFor();
    await page.getByText('Latest term recorded: 2022 — Chair: Botswana (succession)').waitFor();
    await page.getByText('No proposal is tabled.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator(`a[href="#/meetings/${kp.intersessional}"]`).click();
    await page.getByRole('heading', { name: 'Meeting desk: Kasane, 2022-06-20' }).waitFor();
    await page.getByRole('link', { name: '← Kimberley Process' }).waitFor();

    // Ukraine and the EU table the item; its id is made from the title.
    const table = page.getByRole('form', { name: 'Table a proposal' });
    await table.getByLabel('Title').fill('Discuss the war in Ukraine');
    await table.getByLabel('Text', { exact: true }).fill('The KP discusses how rough diamonds finance the war in Ukraine.');
    await table.getByLabel('Kind').selectOption('agenda-item');
    const tablers = table.getByRole('group', { name: 'Tabled by' });
    await tablers.getByLabel('Ukraine').check();
    await tablers.getByLabel('European Union').check();
    await table.getByLabel('When (date or date-time)').fill('2022-06-20');
    await table.getByRole('button', { name: 'Record' }).click();
    await table.getByText('Recorded.').waitFor();
    const proposalId = 'discuss-the-war-in-ukraine';
    await page.getByRole('link', { name: 'Discuss the war in Ukraine' }).waitFor();
    const tabled = await read<{ proposedBy: string[]; meetingId: string }>(ledger, `/v1/proposals/${proposalId}`);
    expect(tabled).toMatchObject({ proposedBy: ['ua', 'eu'], meetingId: kp.intersessional });
    const statement = page.getByRole('form', { name: 'Record a statement' });
    await statement.getByLabel('Speaker').selectOption('ua');
    await statement.getByLabel('Summary').fill('Ukraine asks the KP to discuss how diamonds finance the war.');
    await statement.getByLabel('When (date or date-time)').fill('2022-06-21');
    const keysSent: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/statements')) keysSent.push(request.headers()['idempotency-key']);
    });
    // The answer is held until both clicks of the double click have landed: one request goes out.
    let releaseAnswer = (): void => undefined;
    const answerHeld = new Promise<void>((resolve) => (releaseAnswer = resolve));
    await page.route('**/statements', async (route) => {
      await answerHeld;
      await route.continue();
    });
    const recordStatement = statement.getByRole('button', { name: 'Record' });
    await recordStatement.dblclick();
    releaseAnswer();
    await statement
      .getByText('Recorded.')
      .waitFor({ timeout: 5000 })
      .catch(async (error: unknown) => {
        throw new Error(`${String(error)}\n${await statement.innerText()}`);
      });
    await page.unroute('**/statements');
    await page.getByText('Ukraine asks the KP to discuss how diamonds finance the war.').waitFor();
    expect(keysSent).toHaveLength(1);
    expect(keysSent[0]).toMatch(/^[0-9a-f]{32}$/);
    // A double click whose second click lands after a quick answer finds the emptied form closed
    // until something is entered, so it sends nothing.
    expect(await recordStatement.isDisabled()).toBe(true);
    await recordStatement.dblclick({ force: true });
    await statement.getByLabel('When (date or date-time)').press('Enter');
    await statement.getByLabel('Summary').fill('typed again');
    expect(await recordStatement.isDisabled()).toBe(false);
    await statement.getByLabel('Summary').fill('');
    expect(keysSent).toHaveLength(1);
    const meeting = await read<{ statements: unknown[] }>(ledger, `/v1/meetings/${kp.intersessional}`);
    expect(meeting.statements).toHaveLength(1);

    const objection = page.getByRole('form', { name: 'Record an objection' });
    await objection.getByLabel('Proposal').selectOption(proposalId);
    // Observers may speak but not object: the form offers participants only.
    const objectors = await objection
      .getByLabel('Participant')
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as unknown as { value: string }).value));
    expect(objectors).toContain('ru');
    expect(objectors).not.toContain('csc');
    await objection.getByLabel('Participant').selectOption('ru');
    await objection.getByLabel('Grounds').fill('an attempt to politicize the KP');
    await objection.getByLabel('When (date or date-time)').fill('2099-06-22');
    await objection.getByRole('button', { name: 'Record' }).click();
    await objection.getByText('That date is in the future.').waitFor();
    expect(await objection.getByLabel('Grounds').inputValue()).toBe('an attempt to politicize the KP');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'meeting-desk-refusal');
    const beforeObjection = await headPosition(ledger);
    await objection.getByLabel('When (date or date-time)').fill('2022-06-22');
    // A form is sent on the proposal as the page shows it: the page reads it again once the objection is recorded.
    let objectionRecorded = false;
    page.on('response', (response) => {
      if (response.request().method() === 'POST' && response.url().includes('/objections') && response.status() === 201) objectionRecorded = true;
    });
    const readAgain = page.waitForResponse((response) => objectionRecorded && response.url().includes('/proposals?') && response.status() === 200);
    await objection.getByRole('button', { name: 'Record' }).click();
    await objection.getByText('Recorded.').waitFor();
    await readAgain;
    // What was read is shown before the clerk chooses on it.
    await page.waitForTimeout(200);

    // The Chair cannot declare consensus over a standing objection: refused, in plain language.
    const decision = page.getByRole('form', { name: 'Declare the outcome' });
    await decision.getByLabel('Proposal').selectOption(proposalId);
    await decision.getByLabel('Outcome').selectOption('consensus');
    expect(await decision.getByLabel('Declared by (Chair or acting Vice-Chair)').inputValue()).toBe('bw');
    await decision.getByLabel('When (date or date-time)').fill('2022-06-24');
    await decision.getByRole('button', { name: 'Record' }).click();
    await decision.getByText('Consensus cannot be declared while an objection stands.').waitFor();
    expect(await decision.getByText('Recorded.').count()).toBe(0);
    expect(await decision.getByLabel('Outcome').inputValue()).toBe('consensus');
    const afterRefusal = await headPosition(ledger);

    // The meeting ends without a communiqué.
    const communique = page.getByRole('form', { name: 'Record the communiqué' });
    await communique.getByLabel('Communiqué adopted?').selectOption('no');
    await communique.getByLabel('Why none was adopted (when not adopted)').fill('no consensus on the war in Ukraine');
    await communique.getByRole('button', { name: 'Record' }).click();
    // Once recorded, the meeting shows it and its form is no longer offered (it may go before "Recorded." is seen).
    await page.getByText('No communiqué was adopted: no consensus on the war in Ukraine').waitFor();
    await communique.waitFor({ state: 'detached' });
    expect(await headPosition(ledger)).toBe(afterRefusal + 1);

    await page.locator(`a[href="#/proposals/${proposalId}"]`).click();
    await page.getByText('Blocked by Russian Federation').waitFor();
    await page.getByText('Russian Federation: “an attempt to politicize the KP”').waitFor();
    // Another client records while the page is open: the page follows the event stream, no reload.
    const supporters = page.getByRole('region', { name: 'Supporters' });
    expect(await supporters.getByText('European Union').count()).toBe(0);
    expect((await ledger.post(`/v1/proposals/${proposalId}/support`, { participantId: 'eu', occurredAt: '2022-06-22' })).status).toBe(201);
    await supporters.getByText('European Union').waitFor({ timeout: 10_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'proposal-blocked');

    // An auditor moves the whole console back to before the objection: the page says so, and the
    // proposal reads as it did then; the URL carries the point.
    await page.getByLabel('Show the ledger').selectOption('atPosition');
    await page.getByLabel('Time or position').fill(String(beforeObjection));
    await page.getByRole('button', { name: 'Go' }).click();
    await page.getByText(`Time travel: you are looking at the ledger right after position ${beforeObjection}.`).waitFor();
    await page.getByText('Consensus possible').waitFor();
    expect(await page.evaluate('window.location.hash')).toContain(`atPosition=${beforeObjection}`);
    await page.locator(`a[href="#/bodies/${kp.bodyId}?atPosition=${beforeObjection}"]`).click();
    await page.getByRole('heading', { name: 'Kimberley Process' }).waitFor();
    await page.getByText('Time travel: you are looking at the ledger').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'time-travel');
    await page.getByRole('button', { name: 'Back to now' }).click();
    await page.getByText('Blocked by Russian Federation').waitFor();
    await screenshot(page, 'body-overview');

    // An auditor checks, in the browser, that the latest checkpoint is signed by the published key
    // and that the Russian objection is in the log it covers.
    const signed = await ledger.request('POST', '/v1/audit/checkpoints', undefined, { role: 'auditor' });
    expect([200, 201]).toContain(signed.status);
    const size = await headPosition(ledger);
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByText(`It covers positions 1 to ${size}.`).waitFor();
    await page.getByLabel('Position of the event to check').fill(String(beforeObjection + 1));
    await page.getByRole('button', { name: 'Check in this browser' }).click();
    const found = page.getByRole('region', { name: 'What this browser found' });
    await found
      .getByText('Signature valid: signed by localhost/concord-ledger+')
      .waitFor()
      .catch(async (error: unknown) => {
        throw new Error(`${String(error)}\n${await page.locator('main').innerText()}`);
      });
    await found.getByText('The entry hashes to the leaf the ledger gave.').waitFor();
    await found.getByText(`Event ${beforeObjection + 1} is in the signed log of ${size} events: its proof leads to the signed root.`).waitFor();
    expect(await found.locator('pre').innerText()).toContain('"type":"ObjectionRaised"');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'audit');

    // The proposal's text is revised, and the page shows what changed; a mistyped record is
    // corrected from its place in the timeline, a refused correction explained in plain language.
    await page.goto(`${ledger.baseUrl}/#/proposals/${proposalId}`);
    const revise = page.getByRole('form', { name: 'Revise the text' });
    await revise.getByLabel('New text, in full').fill('The KP discusses how rough diamonds finance the war in Ukraine and its neighbours.');
    await revise.getByLabel('When (date or date-time)').fill('2022-06-23');
    let revisionsSent = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/revisions')) revisionsSent += 1;
    });
    const recordRevision = revise.getByRole('button', { name: 'Record' });
    await recordRevision.click();
    const revisions = page.getByRole('region', { name: 'Revisions' });
    await revisions.getByText('Revision 2, 2022-06-23').waitFor();
    // The form takes up the text now in force, says it was recorded, and stays closed until
    // something is entered: a late second click sends nothing.
    expect(await revise.getByLabel('New text, in full').inputValue()).toBe(
      'The KP discusses how rough diamonds finance the war in Ukraine and its neighbours.',
    );
    await revise.getByText('Recorded.').waitFor();
    expect(await recordRevision.isDisabled()).toBe(true);
    await recordRevision.click({ force: true });
    expect(revisionsSent).toBe(1);
    // Read aloud as "[added] …" and "[removed] …"; the marks are hidden on screen.
    expect(await revisions.locator('ins').first().textContent()).toBe('[added] Ukraine and its neighbours.');
    expect(await revisions.locator('del').first().textContent()).toBe('[removed] Ukraine.');

    const objectionEntry = timelineRecord(page, 'Objection raised — Russian Federation');
    await objectionEntry.getByRole('button', { name: 'Correct this record' }).click();
    const correct = objectionEntry.getByRole('form');
    // Fields are offered as a clerk names them, not by the ledger's field names.
    expect(await correct.getByLabel('Field to correct').locator('option').allTextContents()).toEqual(expect.arrayContaining(['Grounds', 'Date it happened']));
    await correct.getByLabel('Field to correct').selectOption('grounds');
    await correct.getByLabel('Correct value').fill('an attempt to politicise the KP');
    await correct.getByLabel('Why it is corrected').fill('The statement was minuted with American spelling.');
    await correct.getByLabel('When the correction was decided (date or date-time)').fill('2099-01-01');
    await correct.getByRole('button', { name: 'Record' }).click();
    await correct.getByText('That date is in the future.').waitFor();
    expect(await correct.getByLabel('Correct value').inputValue()).toBe('an attempt to politicise the KP');
    await correct.getByLabel('When the correction was decided (date or date-time)').fill('2022-06-25');
    await correct.getByRole('button', { name: 'Record' }).click();
    await objectionEntry.getByText('Grounds: “an attempt to politicize the KP” → “an attempt to politicise the KP”.').waitFor();
    await page.getByText('Russian Federation: “an attempt to politicise the KP”').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'proposal-revised-corrected');

    // The plenary adopts a wider definition: the overview lists the proposals by status and the
    // definition's versions.
    const { proposalId: widening } = await tableProposal(ledger, kp.bodyId, {
      kind: 'definition-amendment',
      title: 'Widen the definition',
      text: 'Rough diamonds used to finance conflict, including aggression by a state against another state',
      meetingId: kp.plenary,
      occurredAt: '2022-11-07',
    });
    expect(
      (await ledger.post(`/v1/proposals/${widening}/decision`, { outcome: 'consensus', declaredBy: 'bw', meetingId: kp.plenary, occurredAt: '2022-11-10' }))
        .status,
    ).toBe(201);
    await page.goto(`${ledger.baseUrl}/#/bodies/${kp.bodyId}`);
    await page.getByRole('heading', { name: 'Versions of the definition' }).waitFor();
    await page.getByText('In force from 2022-11-10').waitFor();
    await page.getByRole('heading', { name: 'Adopted', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Open', exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("shows a body's proposals a page at a time: the first 200 by status, the rest when asked for; the meeting desk offers them all", async () => {
    const body = await recordKimberleyProcess(ledger);
    const titles = Array.from({ length: 201 }, (_, index) => `Agenda item ${index + 1}`);
    for (const title of titles) await tableProposal(ledger, body.bodyId, { title });
    await page.goto(`${ledger.baseUrl}/#/bodies/${body.bodyId}`);
    await page.getByText('The first 200 proposals, in the order tabled.').waitFor();
    expect(await page.getByRole('link', { name: /^Agenda item \d+$/ }).count()).toBe(200);
    expect(await page.getByRole('link', { name: 'Agenda item 201', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Show more proposals' }).click();
    await page.getByRole('link', { name: 'Agenda item 201', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: /^Agenda item \d+$/ }).count()).toBe(201);
    expect(await page.getByRole('button', { name: 'Show more proposals' }).count()).toBe(0);
    // The button gone, the keyboard stays where it was: on the words saying all are shown.
    await page.getByText('All are shown.').waitFor();
    expect(await focusOnceSettled(page, 'document.activeElement?.textContent ?? ""', (text) => text === 'All are shown.')).toBe('All are shown.');
    expect(await seriousViolations(page)).toEqual([]);

    // Another client tables one more while the page is open: the page follows the ledger and keeps
    // the two pages the reader asked for, read again at the new point.
    await tableProposal(ledger, body.bodyId, { title: 'Agenda item 202' });
    await page.getByRole('link', { name: 'Agenda item 202', exact: true }).waitFor({ timeout: 10_000 });
    expect(await page.getByRole('link', { name: /^Agenda item \d+$/ }).count()).toBe(202);
    expect(await page.getByRole('button', { name: 'Show more proposals' }).count()).toBe(0);

    // The meeting desk offers every open proposal in its forms, however many pages they take.
    await page.goto(`${ledger.baseUrl}/#/meetings/${body.plenary}`);
    await page.locator('option', { hasText: 'Agenda item 201' }).first().waitFor({ state: 'attached' });
    expect(await page.locator('option', { hasText: 'Agenda item 1' }).count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it("offers a past meeting's outcome form its own term's Chair, not only the current or latest term's", async () => {
    const body = await recordKimberleyProcess(ledger);
    // The terms after the plenary's: 2023 is now the latest recorded, and 2022 neither it nor the current one.
    await record(ledger, `/v1/bodies/${body.bodyId}/vice-chair`, { participantId: 'zw', term: 2022, occurredAt: '2022-01-02' });
    await record(ledger, `/v1/bodies/${body.bodyId}/chair`, { participantId: 'zw', term: 2023, basis: 'succession', occurredAt: '2022-11-12' });
    await page.goto(`${ledger.baseUrl}/#/meetings/${body.plenary}`);
    const outcome = page.getByRole('form', { name: 'Declare the outcome' });
    await outcome.waitFor();
    // The form is filled in once the body's chairs are read.
    // Waited for by a selector, not page.waitForFunction: Playwright evaluates that predicate with
    // eval in the page, which the console's Content-Security-Policy rightly refuses.
    await page.locator('select#decision-declaredBy > option[value="bw"]:checked').waitFor({ state: 'attached', timeout: 10_000 });
    expect(problems).toEqual([]);
  });

  it('shows a decision whose outcome was corrected as the type it now reads as, beside the type recorded', async () => {
    const body = await recordKimberleyProcess(ledger);
    const { proposalId } = await tableProposal(ledger, body.bodyId, { meetingId: body.plenary, occurredAt: '2022-11-07' });
    const decided = await record(ledger, `/v1/proposals/${proposalId}/decision`, {
      outcome: 'consensus',
      declaredBy: 'bw',
      meetingId: body.plenary,
      occurredAt: '2022-11-10',
    });
    const correction = { correctsEventId: decided.eventIds[0], reason: 'The minutes record no consensus.', corrections: { outcome: 'no-consensus' } };
    await record(ledger, '/v1/corrections', { ...correction, occurredAt: '2022-11-12' });
    await page.goto(`${ledger.baseUrl}/#/proposals/${proposalId}`);
    const entry = timelineRecord(page, 'Consensus declared by the Chair (Botswana)');
    await entry.getByText('(reads as “No consensus recorded” since its correction)').waitFor();
    await entry.getByText('Outcome: “consensus” → “no-consensus”.').waitFor();
    // A second correction reads from the value the first left, as `concord history` does.
    await record(ledger, '/v1/corrections', {
      ...correction,
      reason: 'The minutes were misread.',
      corrections: { outcome: 'consensus' },
      occurredAt: '2022-11-13',
    });
    await entry.getByText('Outcome: “no-consensus” → “consensus”.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("shows a meeting's statements a page at a time: the first 200, the rest when asked for", async () => {
    const body = await recordKimberleyProcess(ledger);
    const say = (index: number) =>
      record(ledger, `/v1/meetings/${body.plenary}/statements`, { speakerId: 'ua', summary: `Statement ${index}`, occurredAt: '2022-11-08' });
    for (let index = 1; index <= 201; index += 1) await say(index);
    await page.goto(`${ledger.baseUrl}/#/meetings/${body.plenary}`);
    await page.getByText('The first 200 statements.').waitFor();
    const statements = page.locator('section[aria-labelledby="statements"] li');
    expect(await statements.count()).toBe(200);
    await page.getByRole('button', { name: 'Show more statements' }).click();
    await statements.filter({ hasText: /Statement 201$/ }).waitFor();
    expect(await statements.count()).toBe(201);
    expect(await page.getByRole('button', { name: 'Show more statements' }).count()).toBe(0);

    // Another statement recorded while the desk is open: the desk follows the ledger and keeps both pages.
    await say(202);
    await statements.filter({ hasText: /Statement 202$/ }).waitFor({ timeout: 10_000 });
    expect(await statements.count()).toBe(202);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
