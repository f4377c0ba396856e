import { decide, object, recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { Created, expectCreated, headPosition, read, record } from './support/ledger-client';
import { LedgerHarness } from './support/ledger-harness';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newStorage, removeStorage } from './support/ledger-storage';
import { concord } from './support/concord-cli';

jest.setTimeout(60_000); // starts a real ledger and runs the CLI as a child process

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('the concord CLI for auditors: status, history, replay', () => {
  let ledger: LedgerHarness;
  let bodyId: string;
  let proposalId: string;
  let beforeLateEntry: string;
  let objection: Created;
  let correction: Created;
  let head: number;
  const api: Record<string, Record<string, unknown>> = {};
  const run = (...args: string[]) => concord(ledger.storage, args);
  const json = (...args: string[]): Record<string, unknown> => {
    const result = run(...args, '--json');
    expect({ status: result.status, stderr: result.stderr }).toMatchObject({ status: 0 });
    return JSON.parse(result.stdout) as Record<string, unknown>;
  };

  beforeAll(async () => {
    ledger = await LedgerHarness.start();
    const kp = await recordKimberleyProcess(ledger);
    bodyId = kp.bodyId;
    ({ proposalId } = await tableProposal(ledger, bodyId, { kind: 'definition-amendment', title: 'Widen the definition' }));
    objection = expectCreated(await object(ledger, proposalId, 'ru', 'first wording', '2022-06-22'));
    expectCreated(await object(ledger, proposalId, 'by', 'politicisation', '2022-06-22'));
    await pause(15);
    beforeLateEntry = new Date().toISOString();
    await pause(15);
    await record(ledger, `/v1/bodies/${bodyId}/participants/by/suspension`, { reason: 'illustrative late entry', occurredAt: '2022-06-01' });
    correction = await record(ledger, '/v1/corrections', {
      correctsEventId: objection.eventIds[0],
      reason: 'minutes corrected',
      corrections: { grounds: 'an attempt to politicize the KP' },
      occurredAt: '2022-07-01',
    });
    expectCreated(await decide(ledger, proposalId, { outcome: 'no-consensus', meetingId: kp.plenary }));
    head = await headPosition(ledger);
    api['asOf'] = await read(ledger, `/v1/proposals/${proposalId}?asOf=${beforeLateEntry}`);
    api['effectiveAt'] = await read(ledger, `/v1/proposals/${proposalId}?effectiveAt=2022-06-30`);
    api['atPosition'] = await read(ledger, `/v1/proposals/${proposalId}?atPosition=${correction.position - 1}`);
    api['body'] = await read(ledger, `/v1/bodies/${bodyId}?effectiveAt=2022-06-30`);
    api['history'] = await read(ledger, `/v1/proposals/${proposalId}/history`);
    await ledger.stop({ keepData: true });
  });
  afterAll(() => removeStorage(ledger.storage));

  it('status --json answers exactly what the API answered, at each kind of point', () => {
    const withoutPoint = (answer: Record<string, unknown> | undefined): Record<string, unknown> => {
      const { asOf: _asOf, effectiveAt: _effectiveAt, position: _position, ...resource } = answer ?? {};
      return resource;
    };
    const asOf = api['asOf'] as Record<string, unknown>;
    expect(json('status', proposalId, '--as-of', beforeLateEntry)).toEqual({
      kind: 'proposal',
      asOf: beforeLateEntry,
      position: asOf['position'],
      proposal: withoutPoint(asOf),
    });
    expect(withoutPoint(asOf)).toMatchObject({ blockingParticipants: ['by', 'ru'] });
    expect(json('status', proposalId, '--effective-at', '2022-06-30')).toEqual({
      kind: 'proposal',
      effectiveAt: '2022-06-30T23:59:59.999Z',
      position: head,
      proposal: withoutPoint(api['effectiveAt']),
    });
    expect(json('status', proposalId, '--at-position', String(correction.position - 1))).toEqual({
      kind: 'proposal',
      position: correction.position - 1,
      proposal: withoutPoint(api['atPosition']),
    });
    expect(json('status', bodyId, '--effective-at', '2022-06-30')).toMatchObject({ kind: 'body', body: withoutPoint(api['body']) });
  });

  it('status prints readable tables for a proposal and a body', () => {
    const proposal = run('status', proposalId);
    expect(proposal.status).toBe(0);
    expect(proposal.stdout).toContain(`Proposal ${proposalId} (definition-amendment) of body ${bodyId}, at position ${head}`);
    expect(proposal.stdout).toMatch(/Status:\s+not-adopted/);
    expect(proposal.stdout).toMatch(/participant\s+since\s+blocks\s+grounds/);
    expect(proposal.stdout).toContain('an attempt to politicize the KP');
    const body = run('status', bodyId, '--effective-at', '2022-06-30');
    expect(body.stdout).toContain('Term 2022: Chair bw (succession)');
    expect(body.stdout).toMatch(/by\s+Belarus\s+state\s+suspended/);
    expect(body.stdout).toMatch(/2021\s+ru\s+postponement\s+bw/);
    expect(body.stdout).not.toContain('Latest term recorded');
    const today = run('status', bodyId);
    expect(today.stdout).toContain(`Term ${new Date().getUTCFullYear()}: Chair none recorded`);
    expect(today.stdout).toContain('Latest term recorded 2022: Chair bw (succession), Vice-Chair none recorded');
  });

  it('history prints every record with the correction beside the original, and --json matches the API', () => {
    expect(json('history', proposalId)).toMatchObject({ proposalId, entries: (api['history'] as { entries: unknown[] }).entries });
    const history = run('history', proposalId);
    expect(history.status).toBe(0);
    // Named as status names it, with its prefix.
    expect(run('history', `proposal:${proposalId}`).stdout).toBe(history.stdout);
    expect(history.stdout).toMatch(/ObjectionRaised\s+.*blockingParticipants: \[\] -> \[ru\]/);
    expect(history.stdout).toContain(`corrected by position ${correction.position}`);
    expect(history.stdout).toContain('grounds: first wording -> an attempt to politicize the KP (minutes corrected)');
  });

  it('replay rebuilds every read model up to a position or an instant and summarises it', () => {
    const full = json('replay');
    expect(full).toMatchObject({ position: head, bodies: [{ bodyId, proposals: 1, proposalsByStatus: { 'not-adopted': 1, open: 0 } }] });
    const early = json('replay', '--to-position', String(objection.position));
    expect(early).toMatchObject({ position: objection.position, bodies: [{ bodyId, proposalsByStatus: { open: 1 } }] });
    const asOf = json('replay', '--as-of', beforeLateEntry);
    expect(asOf).toMatchObject({ asOf: beforeLateEntry, bodies: [{ bodyId, activeParticipants: 7 }] });
    expect(asOf['position']).toBe(objection.position + 1);
    const text = run('replay');
    expect(text.stdout).toMatch(/body\s+name\s+participants\s+active\s+observers\s+proposals\s+open\s+adopted\s+not-adopted\s+withdrawn/);
    expect(text.stderr).toMatch(/replay: \d+\/\d+ events, \d+\/s, done/);
  });

  it("exports a ledger with late entries, corrections and decisions that import accepts as the ledger's rules would", () => {
    const exported = run('export');
    expect(exported.status).toBe(0);
    const target = newStorage();
    try {
      const file = join(target.dataDir, 'story.jsonl');
      writeFileSync(file, exported.stdout);
      const imported = concord(target, ['import', file]);
      expect({ status: imported.status, stderr: imported.stderr }).toMatchObject({ status: 0, stderr: expect.stringContaining(`imported ${head} events`) });
      expect(concord(target, ['export']).stdout).toBe(exported.stdout);
    } finally {
      void removeStorage(target);
    }
  });

  it('prints its usage for --help, exit 0', () => {
    for (const args of [['--help'], ['help'], ['status', '--help']]) {
      const result = run(...args);
      expect({ args, status: result.status }).toEqual({ args, status: 0 });
      expect(result.stdout).toContain('status <bodyId|proposalId>');
    }
  });

  it('exits 1 with one line for what is not there, 2 for bad usage', () => {
    const missing = run('status', 'atlantis');
    expect({ status: missing.status, stderr: missing.stderr.trim() }).toEqual({
      status: 1,
      stderr: expect.stringMatching(/^concord: no body or proposal atlantis at position \d+$/),
    });
    expect(run('status', proposalId, '--at-position', '2').status).toBe(1);
    // The ledger is not empty: position 0 is before its first event.
    expect(run('status', proposalId, '--at-position', '0').stderr.trim()).toBe(
      `concord: no body or proposal ${proposalId} at position 0, before anything was recorded`,
    );
    expect(run('status', proposalId, '--at-position', String(head + 10)).stderr).toContain(`head is at ${head}`);
    expect(run('replay', '--to-position', String(head + 10)).status).toBe(1);
    for (const args of [
      ['status'],
      ['status', proposalId, '--as-of', '2022-06-30', '--at-position', '3'],
      ['status', proposalId, '--as-of', 'yesterday'],
      ['history', proposalId, '--from', '3'],
      ['replay', '--to-position', '3', '--as-of', '2022-06-30'],
      ['replay', '--to-position', 'x'],
      ['status', proposalId, '--at-position', '3', '--at-position', '4'],
      ['status', 'DEF-2022'],
      ['status', '../kp'],
      ['history', `body:${bodyId}`],
    ]) {
      const result = run(...args);
      expect({ args, status: result.status }).toEqual({ args, status: 2 });
      expect(result.stderr).toContain('usage: concord');
    }
  });
});

describe('reading commands where there is no ledger', () => {
  const storage = newStorage();
  afterAll(() => removeStorage(storage));

  it('exit 1 naming where they looked and the setting that chose it, and create nothing there (run twice, the answer is the same)', () => {
    // A schema mistyped is what finds no ledger on PostgreSQL, where the data directory plays no part.
    const where =
      storage.selection.kind === 'postgres'
        ? `postgres .+ \\(schema ${storage.selection.schema}\\); set CONCORD_STORE_SCHEMA \\(and CONCORD_STORE_URL\\)`
        : '.+/ledger\\.sqlite; set CONCORD_DATA_DIR';
    for (const round of [1, 2]) {
      for (const args of [['status', 'kp'], ['history', 'p1'], ['replay'], ['export']]) {
        const result = concord(storage, args);
        expect({ round, args, status: result.status, stderr: result.stderr.trim() }).toEqual({
          round,
          args,
          status: 1,
          stderr: expect.stringMatching(new RegExp(`^concord: there is no ledger at ${where} to the API's`)),
        });
      }
    }
    if (storage.selection.kind === 'sqlite') expect(readdirSync(storage.dataDir)).toEqual([]);
  });
});

describe('the Kimberley Process example, imported and asked about with concord status', () => {
  const storage = newStorage();
  const run = (...args: string[]) => concord(storage, args);
  beforeAll(() => {
    const imported = run('import', join(__dirname, '..', 'examples', 'kimberley-process.jsonl'));
    expect({ status: imported.status, stderr: imported.stderr }).toMatchObject({ status: 0, stderr: expect.stringContaining('imported 86 events') });
  });
  afterAll(() => removeStorage(storage));

  it("tells the body's story: every Chair from 2003 to 2025 with its basis, the custodial chair now", () => {
    const status = run('status', 'kp', '--json');
    expect(status.status).toBe(0);
    const { chairs } = JSON.parse(status.stdout) as { chairs: { term: number; chair: string; basis: string }[] };
    expect(chairs.filter((c) => c.chair !== null).map((c) => c.term)).toEqual([
      ...Array.from({ length: 17 }, (_, i) => 2003 + i),
      2021,
      2022,
      2023,
      2024,
      2025,
    ]);
    expect(chairs.find((c) => c.term === 2021)).toMatchObject({ chair: 'ru', basis: 'postponement' });
    expect(chairs.find((c) => c.term === 2025)).toMatchObject({ chair: 'ae', basis: 'custodial' });
    const text = run('status', 'kp', '--effective-at', '2025-06-30', '--all-proposals').stdout;
    expect(text).toContain('Term 2025: Chair ae (custodial)');
    expect(text).toMatch(/def-2022\s+definition-amendment\s+not-adopted/);
    expect(text).toMatch(/By status: .*not-adopted 1/);
  });

  it("lists a body's open proposals unless every one is asked for, in text and in JSON", () => {
    const june = run('status', 'kp', '--effective-at', '2022-06-24').stdout;
    expect(june).toContain('Open proposals (1)');
    expect(june).toMatch(/def-2022\s+definition-amendment\s+open\s+ru\s/);
    expect(june).toContain('Every proposal, with its status: concord status body:kp --effective-at 2022-06-24T23:59:59.999Z --all-proposals');
    expect(run('status', 'kp', '--at-position', '40').stdout).toContain('concord status body:kp --at-position 40 --all-proposals');
    expect(june).not.toContain('By status');
    const later = run('status', 'kp', '--effective-at', '2025-06-30').stdout;
    expect(later).toContain('Open proposals (0)');
    expect(later).not.toContain('def-2022');

    const listedIds = (args: string[], field: string) => {
      const answer = JSON.parse(run('status', 'kp', ...args, '--json').stdout) as Record<string, { proposalId: string; status: string }[] | undefined>;
      return {
        fields: Object.keys(answer).filter((key) => key.toLowerCase().endsWith('proposals')),
        listed: answer[field]?.map((p) => `${p.proposalId} ${p.status}`),
      };
    };
    expect(listedIds(['--effective-at', '2022-06-24'], 'openProposals')).toEqual({ fields: ['openProposals'], listed: ['def-2022 open'] });
    expect(listedIds(['--effective-at', '2025-06-30'], 'openProposals')).toEqual({ fields: ['openProposals'], listed: [] });
    expect(listedIds(['--effective-at', '2025-06-30', '--all-proposals'], 'proposals')).toEqual({
      fields: ['proposals'],
      listed: expect.arrayContaining(['def-2022 not-adopted']) as unknown,
    });
    // The counts by status the text ends with are in the JSON too, every status named, 0 where none stands at it.
    const everyProposal = JSON.parse(run('status', 'kp', '--effective-at', '2025-06-30', '--all-proposals', '--json').stdout) as {
      proposals: { status: string }[];
      proposalsByStatus: Record<string, number>;
    };
    const counted = (status: string) => everyProposal.proposals.filter((proposal) => proposal.status === status).length;
    expect(everyProposal.proposalsByStatus).toEqual({
      open: counted('open'),
      adopted: counted('adopted'),
      'not-adopted': counted('not-adopted'),
      withdrawn: counted('withdrawn'),
    });
    const byStatusLine = run('status', 'kp', '--effective-at', '2025-06-30', '--all-proposals').stdout.trimEnd().split('\n').at(-1);
    const countsInText = Object.entries(everyProposal.proposalsByStatus).filter(([, count]) => count > 0);
    expect(byStatusLine).toBe(`By status: ${countsInText.map(([status, count]) => `${status} ${count}`).join(', ')}`);
    expect(JSON.parse(run('status', 'kp', '--effective-at', '2025-06-30', '--json').stdout)).not.toHaveProperty('proposalsByStatus');
    expect(run('history', 'def-2022', '--all-proposals')).toMatchObject({ status: 2, stderr: expect.stringContaining('does not take --all-proposals') });
    expect(run('status', 'def-2022', '--all-proposals')).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("--all-proposals lists a body's proposals; def-2022 is a proposal"),
    });
    expect(run('status', 'kp', '--all-proposals=yes')).toMatchObject({ status: 2, stderr: expect.stringContaining('--all-proposals takes no value') });
  });

  it('tells the 2022 dispute: open and blocked by Russia in June, not adopted in November', () => {
    expect(run('status', 'def-2022', '--effective-at', '2022-06-24').stdout).toMatch(/Status:\s+open[\s\S]*Consensus: blocked by Russian Federation \(ru\)/);
    const november = run('status', 'def-2022').stdout;
    expect(november).toMatch(/Status:\s+not-adopted/);
    expect(november).toMatch(/Decision: no-consensus, declared by bw \(chair\) .*; blocked by Belarus \(by\), Russian Federation \(ru\)/);
  });

  it('shows the Central African Republic suspended in 2013 and active again in 2024', () => {
    expect(run('status', 'kp', '--effective-at', '2013-12-31').stdout).toMatch(/cf\s+Central African Republic\s+state\s+suspended/);
    expect(run('status', 'kp', '--effective-at', '2024-12-31').stdout).toMatch(/cf\s+Central African Republic\s+state\s+active/);
  });
});
