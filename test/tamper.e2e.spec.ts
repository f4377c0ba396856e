import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatCheckpointText, parseCheckpoint, signNote, verifyCheckpoint, verifyConsistency, verifyNote } from '../libs/verifier/src';
import { recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { concord } from './support/concord-cli';
import { LedgerHarness } from './support/ledger-harness';
import { copyStorage, LedgerStorage, newStorage, removeStorage } from './support/ledger-storage';
import { expectProblem } from './support/problems';
import { tamper } from './support/tamper';

jest.setTimeout(120_000); // real ledger processes and the CLI, on two stores

interface Recorded {
  readonly storage: LedgerStorage;
  readonly head: number;
  readonly note: string;
  readonly verifierKey: string;
}

async function signAndRead(ledger: LedgerHarness): Promise<{ note: string; verifierKey: string }> {
  const signed = await ledger.request('POST', '/v1/audit/checkpoints', undefined, { role: 'auditor' });
  expect(signed.status).toBe(200);
  const keys = await ledger.get('/v1/audit/keys');
  return { note: signed.body.note as string, verifierKey: (keys.body.keys as { verifierKey: string }[])[0]?.verifierKey as string };
}

/** A ledger with a few dozen events and a checkpoint of them all, stopped, its checkpoint saved by an auditor. */
async function recordedLedger(kind: 'sqlite' | 'postgres', storage = newStorage(kind)): Promise<Recorded> {
  const ledger = await LedgerHarness.start({}, storage);
  const kp = await recordKimberleyProcess(ledger);
  await tableProposal(ledger, kp.bodyId);
  const { note, verifierKey } = await signAndRead(ledger);
  await ledger.stop({ keepData: true });
  return { storage, head: verifyCheckpoint(note, [verifierKey]).size, note, verifierKey };
}

function verify(storage: LedgerStorage, ...args: string[]) {
  return concord(storage, ['verify', ...args]);
}

function saveCheckpoint(storage: LedgerStorage, note: string, name = 'saved-checkpoint.txt'): string {
  const file = join(storage.dataDir, name);
  writeFileSync(file, note);
  return file;
}

describe.each(['sqlite', 'postgres'] as const)('Tampering with the %s store is detected', (kind) => {
  const storages: LedgerStorage[] = [];
  let original: Recorded;
  // One ledger is recorded; each test tampers with a copy of its own.
  beforeAll(async () => {
    original = await recordedLedger(kind);
    storages.push(original.storage);
  });
  const fresh = async (): Promise<Recorded> => {
    const recorded = { ...original, storage: await copyStorage(original.storage) };
    storages.push(recorded.storage);
    return recorded;
  };
  afterAll(async () => {
    for (const storage of storages) await removeStorage(storage);
  });

  it('verifies an untouched ledger, with its published key and with a pinned one', async () => {
    const { storage, head, note, verifierKey } = await fresh();
    const checks = [
      verify(storage),
      verify(storage, '--key', verifierKey, '--checkpoint', saveCheckpoint(storage, note)),
      verify(storage, '--tree'),
      verify(storage, '--rules'),
    ];
    for (const run of checks) {
      expect({ status: run.status, stderr: run.stderr }).toMatchObject({ status: 0 });
      expect(run.stdout).toMatch(new RegExp(`verified ${head} events against \\d+ signed checkpoints?: nothing altered`));
    }
    const json = JSON.parse(verify(storage, '--key', verifierKey, '--json').stdout) as { eventsChecked: number; problems: unknown[] };
    expect(json).toMatchObject({ eventsChecked: head, problems: [] });
  });

  it('names the position of one byte changed in one event', async () => {
    const { storage, verifierKey } = await fresh();
    const [[row]] = (await tamper(storage, [['SELECT data FROM T.events WHERE position = 5']])) as [[{ data: unknown }]];
    const data = typeof row.data === 'string' ? row.data : JSON.stringify(row.data);
    const changed = data.replace(/"([a-z])/, (_match, letter: string) => `"${letter === 'x' ? 'y' : 'x'}`);
    expect(changed).not.toBe(data);
    await tamper(storage, [['UPDATE T.events SET data = $1 WHERE position = 5', [changed]]]);
    const run = verify(storage, '--key', verifierKey);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^\s+position 5: \[content-changed\]/m);
  });

  it('names the position of an event given a field twice, the first copy forged (JSON.parse keeps the last, other readers the first)', async () => {
    const { storage, verifierKey } = await fresh();
    const [[row]] = (await tamper(storage, [['SELECT data FROM T.events WHERE position = 5']])) as [[{ data: unknown }]];
    const data = typeof row.data === 'string' ? row.data : JSON.stringify(row.data);
    const [field] = Object.keys(JSON.parse(data) as Record<string, unknown>);
    const forged = `{${JSON.stringify(field)}:"forged",${data.slice(1)}`;
    await tamper(storage, [['UPDATE T.events SET data = $1 WHERE position = 5', [forged]]]);
    const run = verify(storage, '--key', verifierKey);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^\s+position 5: \[content-changed\]/m);
  });

  it('names with --rules a row written by hand that every schema accepts but the ledger would never have recorded', async () => {
    const { storage, head, verifierKey } = await fresh();
    // A second admission of a participant already admitted: well formed, refused by the rules.
    await tamper(storage, [
      [
        `INSERT INTO T.events (position, event_id, stream, stream_revision, type, schema_version, data, metadata, command_id)
         SELECT ${head + 1}, '00000000-0000-7000-8000-0000000000fe', e.stream, (SELECT MAX(s.stream_revision) FROM T.events s WHERE s.stream = e.stream) + 1,
                e.type, e.schema_version, e.data, e.metadata, 'forged-admission'
           FROM T.events e WHERE e.type = 'ParticipantAdmitted' ORDER BY e.position LIMIT 1`,
      ],
    ]);
    expect(verify(storage, '--key', verifierKey).status).toBe(0);
    const run = verify(storage, '--key', verifierKey, '--rules');
    expect({ status: run.status, stderr: run.stderr }).toMatchObject({ status: 1 });
    expect(run.stdout).toMatch(
      new RegExp(
        `^\\s+position ${head + 1}: \\[rule-broken\\] the ledger would not have recorded the event at position ${head + 1}: ParticipantAdmitted breaks a rule`,
        'm',
      ),
    );
    expect(verify(storage, '--key', verifierKey, '--rules', '--json').stdout).toContain('"kind": "rule-broken"');
  });

  it('names with --rules, as rule-broken, a row the rules cannot read, and still reports what plain verify finds', async () => {
    const changes = ['UPDATE T.events SET schema_version = 7 WHERE position = 5', `UPDATE T.events SET data = '[]' WHERE position = 5`];
    // A json column takes no text that is not JSON: only SQLite's can hold it.
    if (kind === 'sqlite') changes.push(`UPDATE T.events SET data = '{"bodyId":' WHERE position = 5`);
    for (const change of changes) {
      const { storage, verifierKey } = await fresh();
      await tamper(storage, [[change]]);
      const run = verify(storage, '--key', verifierKey, '--rules');
      expect({ status: run.status, stderr: run.stderr }).toMatchObject({ status: 1, stderr: expect.not.stringMatching(/\bat \S+ \(/) });
      expect(run.stdout).toMatch(
        /^\s+position 5: \[rule-broken\] the rules cannot decide the event (at position 5|after position 4): it cannot be read as a record the ledger writes/m,
      );
      expect(run.stdout).toMatch(/^\s+position 5: \[(content-changed|event-invalid)\]/m);
      const json = JSON.parse(verify(storage, '--key', verifierKey, '--rules', '--json').stdout) as { problems: { kind: string; position?: number }[] };
      expect(json.problems).toContainEqual(expect.objectContaining({ kind: 'rule-broken', position: 5 }));
    }
  });

  // PostgreSQL's transparency tables are created again when the store is opened: only SQLite's can be missing.
  (kind === 'sqlite' ? it : it.skip)('says in one line that a table every ledger has was dropped, not with a stack trace', async () => {
    const { storage, verifierKey } = await fresh();
    await tamper(storage, [['DROP TABLE T.log_tree']]);
    const run = verify(storage, '--key', verifierKey);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^concord: the store has no table log_tree, which every ledger has: .* restore it from a backup$/),
    ]);
  });

  it('names a row written into the store by hand that is no record of the ledger, which the API neither hashes nor signs and names in its refusals', async () => {
    const { storage, head, verifierKey } = await fresh();
    await tamper(storage, [
      [
        `INSERT INTO T.events (position, event_id, stream, stream_revision, type, schema_version, data, metadata, command_id)
         SELECT position + 1, '00000000-0000-7000-8000-0000000000ff', stream, stream_revision + 1, 'Bogus', schema_version, data, metadata, 'forged' FROM T.events WHERE position = ${head}`,
      ],
    ]);
    const run = verify(storage, '--key', verifierKey);
    expect({ status: run.status, stdout: run.stdout }).toMatchObject({ status: 1 });
    expect(run.stdout).toMatch(new RegExp(`^\\s+position ${head + 1}: \\[event-invalid\\] .*no schema for event type "Bogus"`, 'm'));

    // The API neither hashes nor signs it, and says why instead of failing every read unexplained.
    const ledger = await LedgerHarness.start({}, storage);
    try {
      const ready = expectProblem(await ledger.get('/health/ready'), 500, 'log-unreadable');
      expect(ready).toMatchObject({ position: head + 1, detail: expect.stringContaining('"Bogus"') });
      expectProblem(await ledger.get('/v1/bodies'), 500, 'log-unreadable');
      // The feed serves the events before it, and refuses the page that starts at it.
      expect((await ledger.get('/v1/events?after=0&limit=1000', { role: 'integrator' })).body).toMatchObject({ next: head });
      expectProblem(await ledger.get(`/v1/events?after=${head}`, { role: 'integrator' }), 500, 'log-unreadable');
      const refused = expectProblem(await ledger.request('POST', '/v1/audit/checkpoints', undefined, { role: 'auditor' }), 500, 'log-unreadable');
      expect(refused).toMatchObject({ position: head + 1 });
      const latest = await ledger.get('/v1/audit/checkpoint', { role: 'auditor' });
      expect(verifyCheckpoint(latest.body.text as string, [verifierKey]).size).toBe(head);
      expect(ledger.logEntries).toContainEqual(
        expect.objectContaining({ level: 'error', context: 'transparency', reason: expect.stringContaining(`event at position ${head + 1} cannot be read`) }),
      );
    } finally {
      await ledger.stop({ keepData: true, checkEvents: false });
    }
  });

  it('names an event already folded, then edited in place into one it cannot read, in the answers that would read it: not an internal error', async () => {
    const changes = ['schema_version = 7', `data = '[]'`];
    // A json column takes no text that is not JSON: only SQLite's can hold it.
    if (kind === 'sqlite') changes.push(`data = '{not json'`);
    for (const change of changes) {
      const { storage } = await fresh();
      const [[edited]] = (await tamper(storage, [["SELECT stream FROM T.events WHERE type = 'ParticipantAdmitted' ORDER BY position LIMIT 1"]])) as [
        { stream: string }[],
      ];
      const stream = edited?.stream ?? '';
      const [[at]] = (await tamper(storage, [
        [`SELECT MIN(position) AS position FROM T.events WHERE stream = $1 AND type = 'ParticipantAdmitted'`, [stream]],
      ])) as [{ position: number | string }[]];
      const position = Number(at?.position);
      await tamper(storage, [[`UPDATE T.events SET ${change} WHERE position = $1`, [position]]]);
      const bodyId = stream.slice('body-'.length);
      const ledger = await LedgerHarness.start({}, storage);
      try {
        const answers = [
          await ledger.get(`/v1/bodies/${bodyId}`),
          await ledger.post(`/v1/bodies/${bodyId}/participants`, { participantId: 'zz', name: 'Late', kind: 'state', occurredAt: '2024-01-01' }),
        ];
        for (const answer of answers) {
          expect({ change, status: answer.status, code: answer.body.code }).toEqual({ change, status: 500, code: 'log-unreadable' });
          expect(answer.body).toMatchObject({ position });
        }
        // The feed serves what precedes it and names it to a reader at it.
        expect((await ledger.get('/v1/events?after=0&limit=1000', { role: 'integrator' })).body).toMatchObject({ next: position - 1 });
        expect((await ledger.get(`/v1/events?after=${position - 1}`, { role: 'integrator' })).body).toMatchObject({ code: 'log-unreadable', position });
      } finally {
        await ledger.stop({ keepData: true, checkEvents: false });
      }
    }
  });

  it('serves, folds and decides on no row of a known type written by hand with data its schema refuses: reads, the feed and commands name it', async () => {
    const { storage, head } = await fresh();
    const [[admitted]] = (await tamper(storage, [
      ["SELECT stream, data, metadata FROM T.events WHERE type = 'ParticipantAdmitted' ORDER BY position LIMIT 1"],
    ])) as [{ stream: string; data: unknown; metadata: unknown }[]];
    const parsed = (value: unknown): Record<string, unknown> => (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
    const stream = admitted?.stream ?? '';
    const forged = { ...parsed(admitted?.data), participantId: 'fk', name: 'Forged', kind: 'martian' };
    await tamper(storage, [
      [
        `INSERT INTO T.events (position, event_id, stream, stream_revision, type, schema_version, data, metadata, command_id)
         SELECT $1, '00000000-0000-4000-8000-0000000000fe', stream, MAX(stream_revision) + 1, 'ParticipantAdmitted', 1, $2, $3, 'forged' FROM T.events WHERE stream = $4 GROUP BY stream`,
        [head + 1, JSON.stringify(forged), JSON.stringify(parsed(admitted?.metadata)), stream],
      ],
    ]);
    const bodyId = stream.slice('body-'.length);

    const ledger = await LedgerHarness.start({}, storage);
    try {
      const read = expectProblem(await ledger.get(`/v1/bodies/${bodyId}`), 500, 'log-unreadable');
      expect(read).toMatchObject({ position: head + 1, detail: expect.stringContaining('ParticipantAdmitted v1 is not valid') });
      expectProblem(await ledger.get(`/v1/events?after=${head}`, { role: 'integrator' }), 500, 'log-unreadable');
      const decided = await ledger.post(`/v1/bodies/${bodyId}/participants/fk/suspension`, { occurredAt: '2023-01-01', reason: 'Forged' });
      expect(expectProblem(decided, 500, 'log-unreadable')).toMatchObject({ position: head + 1 });
    } finally {
      await ledger.stop({ keepData: true, checkEvents: false });
    }
  });

  it('names, in reads and commands, the event after one removed from its stream, instead of answering as if it had never been recorded', async () => {
    const { storage } = await fresh();
    const [[next]] = (await tamper(storage, [
      ["SELECT stream, position FROM T.events WHERE stream LIKE 'body-%' AND stream_revision = 2 ORDER BY position LIMIT 1"],
    ])) as [{ stream: string; position: number | string }[]];
    const stream = next?.stream ?? '';
    await tamper(storage, [[`DELETE FROM T.events WHERE stream = $1 AND stream_revision = 1`, [stream]]]);
    const bodyId = stream.slice('body-'.length);
    const position = Number(next?.position);

    const ledger = await LedgerHarness.start({}, storage);
    try {
      const read = expectProblem(await ledger.get(`/v1/bodies/${bodyId}`), 500, 'log-unreadable');
      expect(read).toMatchObject({ position, detail: expect.stringContaining(`revision 1 is missing`) });
      const decided = await ledger.post(`/v1/bodies/${bodyId}/participants`, { participantId: 'zz', name: 'Late', kind: 'state', occurredAt: '2024-01-01' });
      expect(expectProblem(decided, 500, 'log-unreadable')).toMatchObject({ position });
    } finally {
      await ledger.stop({ keepData: true, checkEvents: false });
    }
  });

  it('names the position of an event deleted', async () => {
    const { storage, verifierKey } = await fresh();
    await tamper(storage, [['DELETE FROM T.events WHERE position = 7']]);
    const run = verify(storage, '--key', verifierKey);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^\s+position 7: \[event-missing\]/m);
  });

  it('tells two events swapped from events changed', async () => {
    const { storage, verifierKey } = await fresh();
    await tamper(storage, [
      ['UPDATE T.events SET position = 999999 WHERE position = 3'],
      ['UPDATE T.events SET position = 3 WHERE position = 4'],
      ['UPDATE T.events SET position = 4 WHERE position = 999999'],
    ]);
    const run = verify(storage, '--key', verifierKey);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^\s+position 3: \[order-changed\] the event at position 3 was recorded at position 4/m);
    expect(run.stdout).toMatch(/^\s+position 4: \[order-changed\]/m);
  });

  it('names the event deleted, and every later one as moved, when the later ones were renumbered to close the gap', async () => {
    const { storage, head, verifierKey } = await fresh();
    const moves: [string, unknown[]][] = [['DELETE FROM T.events WHERE position = 14', []]];
    for (let position = 15; position <= head; position += 1) moves.push(['UPDATE T.events SET position = $1 WHERE position = $2', [position - 1, position]]);
    await tamper(storage, moves);
    const run = verify(storage, '--key', verifierKey);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^\s+position 14: \[event-missing\] the event recorded at position 14 is at no other position: it was removed/m);
    for (let position = 14; position < head; position += 1) {
      expect(run.stdout).toContain(`position ${position}: [order-changed] the event at position ${position} was recorded at position ${position + 1}`);
    }
    expect(run.stdout).not.toContain('[content-changed]');
  });

  it('reads an export whose adjacent lines were swapped, positions kept, as events reordered, none removed', async () => {
    const { storage, note, verifierKey } = await fresh();
    const exported = concord(storage, ['export']);
    expect(exported.status).toBe(0);
    const lines = exported.stdout.split('\n');
    [lines[14], lines[15]] = [lines[15] as string, lines[14] as string];
    const file = join(storage.dataDir, 'swapped.jsonl');
    writeFileSync(file, lines.join('\n'));
    const run = verify(storage, '--export', file, '--checkpoint', saveCheckpoint(storage, note), '--key', verifierKey);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^\s+position 15: \[order-changed\] the event read in place 15 is the one recorded at position 16/m);
    expect(run.stdout).toMatch(/^\s+position 16: \[order-changed\] the event read in place 16 is the one recorded at position 15/m);
    expect(run.stdout).toMatch(/^2 problem\(s\)/);
  });

  it('refuses an export line that gives a field twice, which readers keeping the first name would read as another event', async () => {
    const { storage, note, verifierKey } = await fresh();
    const exported = concord(storage, ['export']);
    expect(exported.status).toBe(0);
    const lines = exported.stdout.split('\n');
    const second = lines[1] as string;
    expect(second).toContain('"occurredAt":');
    // The last of the two is the recorded value, so the leaf still hashes as signed.
    lines[1] = second.replace('"occurredAt":', '"occurredAt":"1999-01-01T00:00:00.000Z","occurredAt":');
    const file = join(storage.dataDir, 'doubled.jsonl');
    writeFileSync(file, lines.join('\n'));
    const run = verify(storage, '--export', file, '--checkpoint', saveCheckpoint(storage, note), '--key', verifierKey);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file}:2 gives the field data.occurredAt twice: not a concord export`);
    const empty = newStorage('sqlite');
    try {
      const imported = concord(empty, ['import', file]);
      expect(imported.status).toBe(1);
      expect(imported.stderr).toContain('line 2: the field data.occurredAt is given twice');
      expect(concord(empty, ['export'])).toMatchObject({ status: 0, stdout: '' });
    } finally {
      await removeStorage(empty);
    }
  });

  it('refuses an export line with a member no exported event has, which no signature covers, as import does', async () => {
    const { storage, note, verifierKey } = await fresh();
    const lines = concord(storage, ['export']).stdout.split('\n');
    lines[1] = (lines[1] as string).replace(/}$/, ',"actor":{"id":"someone-else","role":"secretariat"}}');
    const file = join(storage.dataDir, 'extra-member.jsonl');
    writeFileSync(file, lines.join('\n'));
    const run = verify(storage, '--export', file, '--checkpoint', saveCheckpoint(storage, note), '--key', verifierKey);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file}:2 gives the field actor, which no exported event has and no signature covers: not a concord export`);
  });

  it('blames the stored tree, not the event, for a stored leaf altered under events a signed checkpoint proves', async () => {
    const { storage, verifierKey } = await fresh();
    const table = kind === 'sqlite' ? 'T.log_tree' : 'T.log_tree_nodes';
    await tamper(storage, [[`UPDATE ${table} SET hash = $1 WHERE level = 0 AND idx = 10`, [Buffer.alloc(32)]]]);
    const run = verify(storage, '--key', verifierKey);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^\s+position 11: \[tree-changed\] the leaf stored for position 11 is not the hash of its event/m);
    expect(run.stdout).toMatch(/^1 problem\(s\)/);
  });

  it('names, with --tree, an interior node of the stored tree altered beneath the leaves the events check out against', async () => {
    const { storage, head, verifierKey } = await fresh();
    expect(head).toBeGreaterThanOrEqual(16);
    const table = kind === 'sqlite' ? 'T.log_tree' : 'T.log_tree_nodes';
    await tamper(storage, [[`UPDATE ${table} SET hash = $1 WHERE level = 4 AND idx = 0`, [Buffer.alloc(32)]]]);
    // Asked with --tree: the leaves still check out against the events, and a plain verify does not look beneath them.
    expect(verify(storage, '--key', verifierKey).status).toBe(0);
    const run = verify(storage, '--key', verifierKey, '--tree');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /^\s+position 1: \[tree-changed\] the stored tree's node of level 4 over positions 1–16 is not the hash of the leaves beneath it/m,
    );
  });

  it('refuses a checkpoint replaced by one signed with another key', async () => {
    const { storage, head, note, verifierKey } = await fresh();
    const { origin, rootHash } = parseCheckpoint(verifyNote(note, [verifierKey]).text);
    const forged = signNote(formatCheckpointText({ origin, size: head, rootHash }), { name: origin, privateKey: generateKeyPairSync('ed25519').privateKey });
    await tamper(storage, [['UPDATE T.log_checkpoints SET note = $1 WHERE tree_size = $2', [forged, head]]]);
    for (const run of [verify(storage, '--key', verifierKey), verify(storage)]) {
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/\[signature-invalid\] the stored checkpoint of \d+ events/);
    }
  });

  it('says a stored checkpoint overwritten with text that is no checkpoint is malformed, not badly signed', async () => {
    const { storage, head, verifierKey } = await fresh();
    await tamper(storage, [['UPDATE T.log_checkpoints SET note = $1 WHERE tree_size = $2', ['not a checkpoint\n', head]]]);
    const run = verify(storage, '--key', verifierKey);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\[checkpoint-malformed\] the stored checkpoint of \d+ events is not a signed checkpoint: malformed note/);
    expect(run.stdout).not.toMatch(/signature-invalid/);
  });

  it('says a stored checkpoint listed with another root or size than its signed note is altered', async () => {
    const { storage, head, verifierKey } = await fresh();
    await tamper(storage, [['UPDATE T.log_checkpoints SET root_hash = $1 WHERE tree_size = $2', [Buffer.alloc(32), head]]]);
    const run = verify(storage, '--key', verifierKey);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(
        `\\[checkpoint-altered\\] the stored checkpoint of ${head} events is listed with ${head} events and root AAAAAAAA.*, but its signed note says ${head} events`,
      ),
    );
  });

  it('says nothing is proven, and fails, when every stored checkpoint and leaf was removed from a ledger that published keys, and the API signs no changed history then', async () => {
    const { storage, head, note, verifierKey } = await fresh();
    const [[row]] = (await tamper(storage, [['SELECT data FROM T.events WHERE position = 5']])) as [[{ data: unknown }]];
    const data = typeof row.data === 'string' ? row.data : JSON.stringify(row.data);
    await tamper(storage, [
      // The ledger signed its first checkpoint moments after publishing its key; this one has signed for an hour.
      ['UPDATE T.log_signing_keys SET valid_from = $1', [new Date(Date.now() - 3_600_000).toISOString()]],
      ['DELETE FROM T.log_checkpoints'],
      [`DELETE FROM T.${kind === 'sqlite' ? 'log_tree' : 'log_tree_nodes'}`],
      ['UPDATE T.events SET data = $1 WHERE position = 5', [data.replace('"2003-01-01T00:00:00.000Z"', '"2004-01-01T00:00:00.000Z"')]],
    ]);
    const run = verify(storage, '--key', verifierKey);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\[checkpoints-missing\] the ledger published checkpoint signing keys \(the first from .*\) but holds no signed checkpoint/);
    // A checkpoint the auditor kept still finds the events changed (with no leaf left, not at which position).
    expect(verify(storage, '--key', verifierKey, '--checkpoint', saveCheckpoint(storage, note)).stdout).toMatch(/\[checkpoint-mismatch\]/);

    // Nor does the API sign the changed history with its key: it remembers the checkpoint it signed last.
    const ledger = await LedgerHarness.start({}, storage);
    try {
      const refused = expectProblem(await ledger.request('POST', '/v1/audit/checkpoints', undefined, { role: 'auditor' }), 409, 'log-inconsistent');
      expect(refused.detail).toMatch(
        new RegExp(
          `this instance signed a checkpoint of ${head} events \\(kept in last-signed-checkpoint\\.txt in its data directory\\), but the store's latest checkpoint is none`,
        ),
      );
      // Having found that, it serves no checkpoint or proof either.
      const none = expectProblem(await ledger.get('/v1/audit/checkpoint', { role: 'integrator' }), 409, 'log-inconsistent');
      expect(none.detail).toMatch(/^this instance found the log or its checkpoints are no longer those it signed, so it serves no checkpoint or proof of them/);
      // Any role is answered so, and the console shows it: where the server keeps its files is the operator's alone, in its log.
      const remembered = join(storage.dataDir, 'last-signed-checkpoint.txt');
      for (const detail of [refused.detail, none.detail]) expect(detail).not.toContain(storage.dataDir);
      const logged = ledger.logEntries.filter((entry) => entry['msg'] === 'the log or its tree no longer matches a signed checkpoint');
      expect(logged.map((entry) => String(entry['detail']))).toEqual([expect.stringContaining(remembered), expect.stringContaining(remembered)]);
    } finally {
      await ledger.stop({ keepData: true });
    }
    expect(verify(storage, '--key', verifierKey).stdout).toMatch(/\[checkpoints-missing\]/);
  });

  it('finds no checkpoint missing on a ledger whose first checkpoint is still to come, moments after its key was published', async () => {
    const { storage, verifierKey } = await fresh();
    await tamper(storage, [['DELETE FROM T.log_checkpoints']]);
    const run = verify(storage, '--key', verifierKey);
    expect(run.stdout).not.toMatch(/checkpoints-missing/);
    expect(run.status).toBe(0);
    // A key dated in the future, or not dated at all, holds nothing off.
    for (const from of [new Date(Date.now() + 86_400_000).toISOString(), 'not a date']) {
      await tamper(storage, [['UPDATE T.log_signing_keys SET valid_from = $1', [from]]]);
      expect({ from, found: verify(storage, '--key', verifierKey).stdout.includes('[checkpoints-missing]') }).toEqual({ from, found: true });
    }
  });

  it('detects a rollback to an older copy, by verify and by a client holding a later checkpoint', async () => {
    const recorded = await fresh();
    const { storage, verifierKey } = recorded;
    const older = recorded.head;
    const backup = join(storage.dataDir, 'backup.sqlite');
    if (kind === 'sqlite') copyFileSync((storage.selection as { file: string }).file, backup);
    let ledger = await LedgerHarness.start({}, storage);
    await recordKimberleyProcess(ledger);
    const later = await signAndRead(ledger);
    const laterSize = verifyCheckpoint(later.note, [verifierKey]).size;
    await ledger.stop({ keepData: true });
    const held = saveCheckpoint(storage, later.note, 'later-checkpoint.txt');

    if (kind === 'sqlite') {
      const file = (storage.selection as { file: string }).file;
      for (const suffix of ['-wal', '-shm']) if (existsSync(`${file}${suffix}`)) writeFileSync(`${file}${suffix}`, '');
      copyFileSync(backup, file);
    } else {
      await tamper(storage, [
        ['DELETE FROM T.events WHERE position > $1', [older]],
        ['DELETE FROM T.log_checkpoints WHERE tree_size > $1', [older]],
        ['DELETE FROM T.log_tree_nodes WHERE (idx + 1) * power(2, level) > $1', [older]],
        ['DELETE FROM T.projection_rows'],
        ['DELETE FROM T.projection_checkpoints'],
      ]);
    }
    const run = verify(storage, '--key', verifierKey, '--checkpoint', held);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(
        `^\\s+position ${older + 1}: \\[rolled-back\\] the checkpoint in .*later-checkpoint.txt covers ${laterSize} events but the log ends at position ${older}`,
        'm',
      ),
    );
    // Without the auditor's own: the checkpoint the API kept in its data directory finds it too.
    const plain = verify(storage, '--key', verifierKey);
    expect({ status: plain.status, stdout: plain.stdout }).toMatchObject({ status: 1 });
    expect(plain.stdout).toMatch(
      new RegExp(
        `^\\s+position ${older + 1}: \\[rolled-back\\] the checkpoint the API signed last, kept in .*last-signed-checkpoint.txt covers ${laterSize} events`,
        'm',
      ),
    );

    // The client asks the rolled-back ledger to prove it extends what the client holds: it cannot.
    ledger = await LedgerHarness.start({}, storage);
    try {
      // Recording goes on from the older copy: a fork, which the API does not sign, remembering it signed more.
      await recordKimberleyProcess(ledger);
      await recordKimberleyProcess(ledger);
      const refused = expectProblem(await ledger.request('POST', '/v1/audit/checkpoints', undefined, { role: 'auditor' }), 409, 'log-inconsistent');
      expect(refused.detail).toMatch(new RegExp(`signed a checkpoint of ${laterSize} events .* but the store's latest checkpoint is of ${older} events`));
      // Nor does it give a proof of its own history meanwhile, as if it extended what the client holds.
      expectProblem(await ledger.get(`/v1/audit/proofs/consistency?from=${laterSize}&to=${laterSize}`), 409, 'log-inconsistent');
      expectProblem(await ledger.get(`/v1/audit/proofs/consistency?from=2&to=${older}`), 409, 'log-inconsistent');
      // What an operator's alert reads: signing refused, and the head moving on past what is signed.
      const metrics = await (await fetch(`${ledger.baseUrl}/metrics`)).text();
      expect(metrics).toMatch(/^concord_checkpoint_signing_refused 1$/m);
      expect(metrics).toMatch(new RegExp(`^concord_checkpoint_signed_size ${older}$`, 'm'));
    } finally {
      await ledger.stop({ keepData: true });
    }
    // The operator restored the copy on purpose and moves the memory away: the fork is signed, and none of its checkpoints extends the one held.
    renameSync(join(storage.dataDir, 'last-signed-checkpoint.txt'), join(storage.dataDir, 'last-signed-checkpoint.before-restore.txt'));
    ledger = await LedgerHarness.start({}, storage);
    try {
      const fork = parseCheckpoint(verifyNote((await signAndRead(ledger)).note, [verifierKey]).text);
      expect(fork.size).toBeGreaterThan(laterSize);
      const proof = await ledger.get(`/v1/audit/proofs/consistency?from=${laterSize}&to=${fork.size}`);
      expect(proof.status).toBe(200);
      const heldTree = parseCheckpoint(verifyNote(later.note, [verifierKey]).text);
      const proofHashes = (proof.body.proof as string[]).map((hash) => new Uint8Array(Buffer.from(hash, 'base64')));
      expect(verifyConsistency({ fromSize: laterSize, toSize: fork.size, proof: proofHashes, fromRoot: heldTree.rootHash, toRoot: fork.rootHash })).toBe(false);
    } finally {
      await ledger.stop({ keepData: true });
    }
  });

  it('refuses an inclusion proof of an event changed after it was recorded, instead of proving the changed text', async () => {
    const { storage } = await fresh();
    const [[row]] = (await tamper(storage, [['SELECT data FROM T.events WHERE position = 5']])) as [[{ data: unknown }]];
    const data = typeof row.data === 'string' ? row.data : JSON.stringify(row.data);
    // Another date, still a valid one: the event reads, but is not the one recorded.
    const changed = data.replace(/("occurredAt":\s*")(\d)/, (_match, before: string, digit: string) => `${before}${digit === '1' ? '2' : '1'}`);
    expect(changed).not.toBe(data);
    await tamper(storage, [['UPDATE T.events SET data = $1 WHERE position = 5', [changed]]]);
    const ledger = await LedgerHarness.start({}, storage);
    try {
      // The start computes the tree again from the events; until it reaches the checkpoint, a proof is 'ask again shortly'.
      let answer = await ledger.get('/v1/audit/proofs/inclusion?position=5');
      for (let tries = 0; answer.body.code === 'tree-size-not-signed' && tries < 100; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        answer = await ledger.get('/v1/audit/proofs/inclusion?position=5');
      }
      const refused = expectProblem(answer, 409, 'log-inconsistent');
      expect(refused.detail).toMatch(/^the event at position 5 no longer hashes to the leaf the tree holds for it/);
      expect((await ledger.get('/v1/audit/proofs/inclusion?position=4')).status).toBe(200);
    } finally {
      await ledger.stop({ keepData: true, checkEvents: false });
    }
  });

  it('gives no proof from a tree computed again from events changed under a signed checkpoint, whose proofs every auditor would refuse', async () => {
    const { storage, head } = await fresh();
    const [[row]] = (await tamper(storage, [['SELECT data FROM T.events WHERE position = 5']])) as [[{ data: unknown }]];
    const data = typeof row.data === 'string' ? row.data : JSON.stringify(row.data);
    await tamper(storage, [
      [`DELETE FROM T.${kind === 'sqlite' ? 'log_tree' : 'log_tree_nodes'}`],
      ['UPDATE T.events SET data = $1 WHERE position = 5', [data.replace('"2003-01-01T00:00:00.000Z"', '"2004-01-01T00:00:00.000Z"')]],
    ]);
    const ledger = await LedgerHarness.start({}, storage);
    try {
      const refused = expectProblem(await ledger.get('/v1/audit/proofs/inclusion?position=5'), 409, 'log-inconsistent');
      // Found by the proof itself, or by the signer's look at the start, whichever came first.
      expect(refused.detail).toMatch(
        new RegExp(`^the tree of ${head} leaves no longer hashes to the root the latest checkpoint signed|serves no checkpoint or proof of them`),
      );
      expectProblem(await ledger.get(`/v1/audit/proofs/inclusion?position=3&treeSize=${head}`), 409, 'log-inconsistent');
      expectProblem(await ledger.get(`/v1/audit/proofs/consistency?from=2&to=${head}`), 409, 'log-inconsistent');
    } finally {
      await ledger.stop({ keepData: true, checkEvents: false });
    }
  });

  it('answers a proof of a position the signed tree holds but the truncated log lacks as the log inconsistent', async () => {
    const { storage, head } = await fresh();
    await tamper(storage, [['DELETE FROM T.events WHERE position > $1', [head - 6]]]);
    const ledger = await LedgerHarness.start({}, storage);
    try {
      expectProblem(await ledger.get(`/v1/audit/proofs/inclusion?position=${head - 3}`), 409, 'log-inconsistent');
      expectProblem(await ledger.request('POST', '/v1/audit/checkpoints', undefined, { role: 'auditor' }), 409, 'log-inconsistent');
      // Having found that, it gives no proof at all until it signs again.
      expectProblem(await ledger.get(`/v1/audit/proofs/inclusion?position=${head + 1}`), 409, 'log-inconsistent');
    } finally {
      await ledger.stop({ keepData: true, checkEvents: false });
    }
  });

  it('answers a proof that needs a leaf deleted from the stored tree as the log inconsistent, not as a failure of the server', async () => {
    const { storage } = await fresh();
    const table = kind === 'sqlite' ? 'T.log_tree' : 'T.log_tree_nodes';
    await tamper(storage, [[`DELETE FROM ${table} WHERE level = 0 AND idx = 9`]]);
    const ledger = await LedgerHarness.start({}, storage);
    try {
      // Position 9's proof climbs past position 10's leaf, its sibling.
      const refused = expectProblem(await ledger.get('/v1/audit/proofs/inclusion?position=9'), 409, 'log-inconsistent');
      expect(refused.detail).toMatch(/^the transparency tree in the store holds no node at level 0, index 9/);
      expectProblem(await ledger.get('/v1/audit/proofs/inclusion?position=10'), 409, 'log-inconsistent');
    } finally {
      await ledger.stop({ keepData: true, checkEvents: false });
    }
  });

  it('stops signing once the stored tree no longer extends its latest checkpoint', async () => {
    const { storage } = await fresh();
    // The tree's table: SQLite keys its rows by where a node ends, and reads level and idx off the key.
    const table = kind === 'sqlite' ? 'T.log_tree' : 'T.log_tree_nodes';
    await tamper(storage, [[`UPDATE ${table} SET hash = $1 WHERE level = (SELECT MAX(level) FROM ${table}) AND idx = 0`, [Buffer.alloc(32)]]]);
    const ledger = await LedgerHarness.start({}, storage);
    try {
      await recordKimberleyProcess(ledger);
      expectProblem(await ledger.request('POST', '/v1/audit/checkpoints', undefined, { role: 'auditor' }), 409, 'log-inconsistent');
      // The refusal is an alarm for the operator too, not only an answer to the auditor.
      expect(ledger.logs).toMatch(/"level":"?(error|50)"?.*the log or its tree no longer matches a signed checkpoint/);
    } finally {
      await ledger.stop({ keepData: true, checkEvents: false });
    }
  });
});
