import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { object, recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { headPosition } from './support/ledger-client';
import { LedgerHarness } from './support/ledger-harness';
import { LedgerStorage, newStorage, removeStorage } from './support/ledger-storage';
import { CONCORD, concord } from './support/concord-cli';

jest.setTimeout(60_000); // starts a real ledger and runs the CLI as a child process

describe('the concord CLI: export and import', () => {
  let source: LedgerHarness;
  let exported: string;
  const targets: LedgerStorage[] = [];
  const target = (): LedgerStorage => {
    const storage = newStorage();
    targets.push(storage);
    return storage;
  };

  beforeAll(async () => {
    source = await LedgerHarness.start();
    const kp = await recordKimberleyProcess(source);
    const { proposalId } = await tableProposal(source, kp.bodyId, { kind: 'definition-amendment' });
    await object(source, proposalId, 'ru');
    await source.stop({ keepData: true });
    const result = concord(source.storage, ['export']);
    expect(result.status).toBe(0);
    exported = result.stdout;
  });
  afterAll(async () => {
    await removeStorage(source.storage);
    for (const storage of targets) await removeStorage(storage);
  });

  it('exports the whole log as JSON Lines, envelope and all, with progress on stderr only', () => {
    const lines = exported
      .trimEnd()
      .split('\n')
      .map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(lines.map((line) => line.position)).toEqual(lines.map((_, index) => index + 1));
    expect(lines[0]).toMatchObject({ stream: expect.stringMatching(/^body-/), streamRevision: 0, type: 'BodyEstablished', schemaVersion: 1 });
    expect(lines.at(-1)).toMatchObject({ type: 'ObjectionRaised', metadata: { actor: { role: 'secretariat' } } });
    expect(concord(source.storage, ['export']).stderr).toMatch(/export: \d+\/\d+ events, \d+\/s, done/);
  });

  it('ends quietly when the reader stops early (concord export | head)', () => {
    const piped = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CONCORD}" export | true`], {
      env: { PATH: process.env.PATH ?? '', CONCORD_DATA_DIR: source.storage.dataDir, ...source.storage.env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect({ status: piped.status, stderr: piped.stderr }).toEqual({ status: 0, stderr: expect.not.stringMatching(/EPIPE|Error|\n\s+at /) });
  });

  it('exports a range of positions', () => {
    const lines = concord(source.storage, ['export', '--from', '3', '--to', '5']).stdout.trimEnd().split('\n');
    expect(lines.map((text) => (JSON.parse(text) as { position: number }).position)).toEqual([3, 4, 5]);
  });

  it('imports an export into an empty ledger, which then exports the same file and answers the same queries', async () => {
    const storage = target();
    const file = join(storage.dataDir, 'ledger.jsonl');
    writeFileSync(file, exported);

    const result = concord(storage, ['import', file]);

    expect(result).toMatchObject({ status: 0, stderr: expect.stringContaining(`imported ${exported.trimEnd().split('\n').length} events`) });
    expect(concord(storage, ['export']).stdout).toBe(exported);
    const copy = await LedgerHarness.start({}, storage);
    try {
      expect(await headPosition(copy)).toBe(exported.trimEnd().split('\n').length);
    } finally {
      await copy.stop({ keepData: true });
    }
  });

  it('says who signs checkpoints when a ledger the CLI imported has none to prove against', () => {
    const storage = target();
    const file = join(storage.dataDir, 'ledger.jsonl');
    writeFileSync(file, exported);
    expect(concord(storage, ['import', file]).status).toBe(0);
    const proved = concord(storage, ['prove', '1']);
    expect({ status: proved.status, stdout: proved.stdout }).toEqual({ status: 1, stdout: '' });
    expect(proved.stderr).toMatch(/^concord: no checkpoint has been signed for this ledger: only the API signs them .*run it on this store, then prove\n$/);
  });

  it('resumes an import cut short when run again, and refuses one into a ledger that holds other events', () => {
    const lines = exported.trimEnd().split('\n');
    const commandOf = (line: string | undefined): string => (JSON.parse(line ?? '{}') as { metadata: { commandId: string } }).metadata.commandId;
    // Where an import stops: between two commands, as each command's events are appended together.
    let cut = Math.floor(lines.length / 2);
    while (commandOf(lines[cut - 1]) === commandOf(lines[cut])) cut += 1;
    const storage = target();
    const whole = join(storage.dataDir, 'ledger.jsonl');
    const start = join(storage.dataDir, 'start.jsonl');
    writeFileSync(whole, exported);
    writeFileSync(start, `${lines.slice(0, cut).join('\n')}\n`);
    expect(concord(storage, ['import', start]).status).toBe(0);

    const resumed = concord(storage, ['import', whole]);
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toContain(`the ledger holds the first ${cut} events of ${whole}, from an import cut short: importing the rest`);
    expect(resumed.stderr).toContain(`imported ${lines.length - cut} events`);
    expect(concord(storage, ['export']).stdout).toBe(exported);

    // A ledger whose first events are not the file's is not resumed: here the last event of the start has another id.
    const other = target();
    const otherId = (line: string): string =>
      line.replace(/("eventId":"[0-9a-f-]{35})([0-9a-f])"/, (_all, head: string, last: string) => `${head}${last === '0' ? '1' : '0'}"`);
    const changed = lines.slice(0, cut).map((line, index) => (index === cut - 1 ? otherId(line) : line));
    expect(changed[cut - 1]).not.toBe(lines[cut - 1]);
    const changedFile = join(other.dataDir, 'changed.jsonl');
    writeFileSync(changedFile, `${changed.join('\n')}\n`);
    const otherWhole = join(other.dataDir, 'ledger.jsonl');
    writeFileSync(otherWhole, exported);
    expect(concord(other, ['import', changedFile]).status).toBe(0);
    const refused = concord(other, ['import', otherWhole]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`the one at position ${cut} is not line ${cut} of ${otherWhole}`);
  });

  it('refuses to import the same file twice', () => {
    const storage = target();
    const file = join(storage.dataDir, 'ledger.jsonl');
    writeFileSync(file, exported);
    expect(concord(storage, ['import', file]).status).toBe(0);

    const again = concord(storage, ['import', file]);

    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds \d+ events/);
  });

  it('stops at the first invalid line with its number and writes nothing', () => {
    const storage = target();
    const file = join(storage.dataDir, 'broken.jsonl');
    const lines = exported.trimEnd().split('\n');
    lines[3] = lines[3]?.replace('"schemaVersion":1', '"schemaVersion":7') ?? '';
    writeFileSync(file, `${lines.join('\n')}\n`);

    const result = concord(storage, ['import', file]);

    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^concord: line 4: \w+ v7 is not valid: no schema/);
    expect(concord(storage, ['export']).stdout).toBe('');
  });

  it("refuses a participation record the ledger's rules would have refused, naming the rule", () => {
    const storage = target();
    const file = join(storage.dataDir, 'forged.jsonl');
    const lines = exported.trimEnd().split('\n');
    const last = lines.length - 1;
    lines[last] = lines[last]?.replace('"participantId":"ru"', '"participantId":"wdc"') ?? '';
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = concord(storage, ['import', file]);
    expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({
      status: 1,
      stderr: expect.stringMatching(new RegExp(`^concord: line ${last + 1}: ObjectionRaised breaks a rule of the ledger \\(observer-cannot-object\\)`)),
    });
  });

  describe('refuses an edited export that breaks the shape or the rules of the ledger', () => {
    const kpLines = (): Record<string, unknown>[] =>
      readFileSync(join(__dirname, '..', 'examples', 'kimberley-process.jsonl'), 'utf8')
        .trimEnd()
        .split('\n')
        .map((text) => JSON.parse(text) as Record<string, unknown>);
    const uuid = (n: number): string => `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
    const appended = (lines: Record<string, unknown>[], stream: string, type: string, data: Record<string, unknown>): Record<string, unknown>[] => {
      const last = lines.at(-1) as { metadata: Record<string, unknown> };
      const revision = lines.filter((line) => line['stream'] === stream).length;
      return [
        ...lines,
        {
          position: lines.length + 1,
          stream,
          streamRevision: revision,
          eventId: uuid(lines.length + 1),
          type,
          schemaVersion: 1,
          data,
          metadata: { ...last.metadata, commandId: `forged-${lines.length}` },
        },
      ];
    };
    /** The lines up to the first of `type` (matching `which`), with its data changed: the last line of the file. */
    const edited = (
      lines: Record<string, unknown>[],
      type: string,
      changes: Record<string, unknown>,
      which: (line: Record<string, unknown>) => boolean = () => true,
    ): Record<string, unknown>[] => {
      const at = lines.findIndex((line) => line['type'] === type && which(line));
      const line = lines[at] as Record<string, unknown>;
      return [...lines.slice(0, at), { ...line, data: { ...(line['data'] as Record<string, unknown>), ...changes } }];
    };
    const objection = (lines: Record<string, unknown>[]): Record<string, unknown> =>
      lines.find((line) => line['type'] === 'ObjectionRaised') as Record<string, unknown>;

    it.each([
      [
        'consensus declared on a proposal already decided',
        (l: Record<string, unknown>[]) =>
          appended(l, 'proposal-def-2022', 'ConsensusDeclared', {
            proposalId: 'def-2022',
            revision: 1,
            declaredBy: 'bw',
            declaredAs: 'chair',
            meetingId: 'plenary-2022',
            occurredAt: '2022-11-12T00:00:00.000Z',
          }),
        /proposal-closed/,
      ],
      [
        'an objection in a body stream',
        (l: Record<string, unknown>[]) =>
          appended(l, 'body-kp', 'ObjectionRaised', {
            proposalId: 'def-2022',
            participantId: 'ru',
            grounds: 'x',
            revision: 1,
            occurredAt: '2022-11-12T00:00:00.000Z',
          }),
        /ObjectionRaised is not a body record/,
      ],
      [
        'an admission naming another body',
        (l: Record<string, unknown>[]) =>
          appended(l, 'body-kp', 'ParticipantAdmitted', {
            bodyId: 'other',
            participantId: 'xx',
            name: 'X',
            kind: 'state',
            occurredAt: '2022-11-12T00:00:00.000Z',
          }),
        /names other but is in the stream of kp/,
      ],
      [
        'a stream that does not open with its opening record',
        (l: Record<string, unknown>[]) =>
          appended(l, 'body-zz', 'ParticipantAdmitted', {
            bodyId: 'zz',
            participantId: 'xx',
            name: 'X',
            kind: 'state',
            occurredAt: '2022-11-12T00:00:00.000Z',
          }),
        /a body stream opens with BodyEstablished/,
      ],
      [
        'the suspension of someone never admitted',
        (l: Record<string, unknown>[]) =>
          appended(l, 'body-kp', 'ParticipantSuspended', { bodyId: 'kp', participantId: 'nobody', reason: 'x', occurredAt: '2022-11-12T00:00:00.000Z' }),
        /breaks a rule of the ledger \(not-a-/,
      ],
      [
        'a correction of an event that does not exist',
        (l: Record<string, unknown>[]) =>
          appended(l, 'body-kp', 'CorrectionRecorded', {
            correctsEventId: uuid(999999),
            correctedType: 'ParticipantAdmitted',
            reason: 'x',
            corrections: { name: 'Y' },
            occurredAt: '2022-11-12T00:00:00.000Z',
          }),
        /event-not-found/,
      ],
      [
        'a correction that names the wrong type',
        (l: Record<string, unknown>[]) =>
          appended(l, String(objection(l)['stream']), 'CorrectionRecorded', {
            correctsEventId: objection(l)['eventId'],
            correctedType: 'SupportExpressed',
            reason: 'x',
            corrections: { occurredAt: '2022-06-22T00:00:00.000Z' },
            occurredAt: '2022-11-12T00:00:00.000Z',
          }),
        /CorrectionRecorded/,
      ],
      [
        "a Chair's term corrected with a previous Vice-Chair the ledger would not work out",
        (l: Record<string, unknown>[]) => {
          const chair = l.filter((line) => line['type'] === 'ChairAssigned').at(-1) as Record<string, unknown>;
          const lines = appended(l, 'body-kp', 'CorrectionRecorded', {
            correctsEventId: chair['eventId'],
            correctedType: 'ChairAssigned',
            reason: 'x',
            corrections: { term: 2026, basis: 'election', previousViceChair: 'zw' },
            occurredAt: '2025-02-01T00:00:00.000Z',
          });
          return [...lines.slice(0, -1), { ...lines.at(-1), schemaVersion: 4 }];
        },
        /not what the ledger would have recorded/,
      ],
      [
        'a decision declared by one who did not chair',
        (l: Record<string, unknown>[]) => edited(l, 'NoConsensusRecorded', { declaredBy: 'ua' }),
        /not-the-chair/,
      ],
      [
        'a decision that names a superseded revision',
        (l: Record<string, unknown>[]) => edited(l, 'NoConsensusRecorded', { revision: 7 }),
        /stale-revision|not what the ledger would have recorded/,
      ],
      [
        'a no-consensus record that blames no one',
        (l: Record<string, unknown>[]) => edited(l, 'NoConsensusRecorded', { blockingParticipants: [] }),
        /not what the ledger would have recorded/,
      ],
      [
        'a statement that makes an observer a participant',
        (l: Record<string, unknown>[]) =>
          edited(l, 'StatementRecorded', { speakerRole: 'participant' }, (line) => (line['data'] as Record<string, unknown>)['speakerId'] === 'csc'),
        /not what the ledger would have recorded/,
      ],
      [
        'a proposal tabled by a non-member',
        (l: Record<string, unknown>[]) => edited(l, 'DefinitionAmendmentProposed', { proposedBy: ['zz'] }),
        /not-a-participant/,
      ],
      [
        'a communiqué after the meeting closed',
        (l: Record<string, unknown>[]) =>
          appended(l, 'meeting-plenary-2023', 'CommuniqueNotAdopted', { meetingId: 'plenary-2023', reason: 'x', occurredAt: '2023-11-10T00:00:00.000Z' }),
        /communique-already-recorded|meeting-closed/,
      ],
    ])('%s', (_, edit, message) => {
      const storage = target();
      const file = join(storage.dataDir, 'edited.jsonl');
      const lines = edit(kpLines());
      writeFileSync(file, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
      const result = concord(storage, ['import', file]);
      expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({
        status: 1,
        stderr: expect.stringMatching(new RegExp(`^concord: line ${lines.length}: .*${message.source}`)),
      });
    });
  });

  it.each([
    [
      'a recordedAt after the import',
      (line: Record<string, Record<string, unknown>>) => ({ ...line, metadata: { ...line.metadata, recordedAt: '2999-01-01T00:00:00.000Z' } }),
      /line 5: metadata.recordedAt 2999-01-01T00:00:00.000Z is after the import itself/,
    ],
    [
      'an occurredAt after its recordedAt',
      (line: Record<string, Record<string, unknown>>) => ({ ...line, data: { ...line.data, occurredAt: '2099-01-01T00:00:00.000Z' } }),
      /line 5: occurredAt 2099-01-01T00:00:00.000Z is after recordedAt/,
    ],
  ])('refuses %s, which would falsify the timelines', (_, spoil, message) => {
    const storage = target();
    const file = join(storage.dataDir, 'spoilt.jsonl');
    const lines = exported.trimEnd().split('\n');
    lines[4] = JSON.stringify(spoil(JSON.parse(lines[4] ?? '{}') as Record<string, Record<string, unknown>>));
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = concord(storage, ['import', file]);
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 1, stderr: expect.stringMatching(message) });
  });

  it.each([[['export', '--sideways']], [['import']], [['export', '--from', 'x']], [['replay-the-world']]])(
    'answers a bad call %j with exit code 2 and the usage',
    (args) => {
      const result = concord(source.storage, args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('usage: concord');
    },
  );

  it('answers a missing file as bad usage (exit code 2, as verify --export does), saying so before anything else and creating no ledger', () => {
    const empty = target();
    const firstLine = (result: { status: number | null; stderr: string }) => ({ status: result.status, firstLine: result.stderr.split('\n')[0] });
    expect(firstLine(concord(empty, ['import', '/nonexistent/ledger.jsonl']))).toEqual({
      status: 2,
      firstLine: 'concord: cannot read /nonexistent/ledger.jsonl: no such file',
    });
    expect(existsSync(join(empty.dataDir, 'ledger.sqlite'))).toBe(false);
    expect(firstLine(concord(source.storage, ['import', '/nonexistent/ledger.jsonl']))).toEqual({
      status: 2,
      firstLine: 'concord: cannot read /nonexistent/ledger.jsonl: no such file',
    });
    expect(firstLine(concord(source.storage, ['import', source.storage.dataDir]))).toEqual({
      status: 2,
      firstLine: `concord: cannot read ${source.storage.dataDir}: not a file`,
    });
  });

  it('refuses a range past the head as not reached (exit 1), and exports nothing from one past it', () => {
    const head = exported.trimEnd().split('\n').length;
    const beyondTo = concord(source.storage, ['export', '--to', String(head + 1)]);
    expect({ status: beyondTo.status, stdout: beyondTo.stdout }).toEqual({ status: 1, stdout: '' });
    expect(beyondTo.stderr).toMatch(new RegExp(`position ${head + 1} .*${head}`));
    expect(concord(source.storage, ['export', '--from', String(head + 2)]).status).toBe(1);
    expect(concord(source.storage, ['export', '--from', String(head + 1)])).toMatchObject({ status: 0, stdout: '' });
  });
});
