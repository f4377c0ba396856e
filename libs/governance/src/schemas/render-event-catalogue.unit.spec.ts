import { existsSync, readFileSync, writeFileSync } from 'fs';
import { resolve } from 'path';
import { EVENT_TYPES } from '../index';
import { allEventSchemas, renderEventCatalogue } from './index';

/** `docs/events.md` is generated: `UPDATE_DOCS=1 npx jest libs/governance/src/schemas` rewrites it. */
const CATALOGUE = resolve(__dirname, '../../../../docs/events.md');

describe('docs/events.md', () => {
  const rendered = renderEventCatalogue();

  it('documents every event type, schema $id and stream', () => {
    for (const type of EVENT_TYPES) expect(rendered).toContain(`### ${type}\n`);
    for (const { schema } of allEventSchemas()) expect(rendered).toContain(`\`${schema.$id ?? '(no $id)'}\``);
    for (const stream of ['`body-<bodyId>`', '`meeting-<meetingId>`', '`proposal-<proposalId>`']) expect(rendered).toContain(stream);
  });

  it('is the catalogue rendered from the schemas', () => {
    if (process.env['UPDATE_DOCS'] === '1') writeFileSync(CATALOGUE, rendered);
    expect(existsSync(CATALOGUE)).toBe(true);
    // Compared line by line so that a drift shows as a readable diff.
    expect(readFileSync(CATALOGUE, 'utf8').split('\n')).toEqual(rendered.split('\n'));
  });
});
