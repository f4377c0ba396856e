import { generateKeyPairSync, hash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { concord } from './support/concord-cli';
import { LedgerHarness } from './support/ledger-harness';
import { removeStorage } from './support/ledger-storage';
import { formatVerifierKey } from '../libs/verifier/src';

jest.setTimeout(60_000); // a real ledger process, and the CLI as a child process

/** What an auditor does offline with what the ledger gave them: proofs, checkpoints, an export. */
describe('the concord CLI for proofs: prove, verify-proof, verify --export', () => {
  let ledger: LedgerHarness;
  let verifierKey: string;
  let savedSize: number;
  const file = (name: string, content: string): string => {
    const path = join(ledger.dataDir, name);
    writeFileSync(path, content);
    return path;
  };
  const run = (...args: string[]) => concord(ledger.storage, args);
  let earlier: string;
  let later: string;
  let consistency: Record<string, unknown>;
  let emptyCheckpoint: string;
  let consistencyFromEmpty: Record<string, unknown>;

  beforeAll(async () => {
    ledger = await LedgerHarness.start();
    await recordKimberleyProcess(ledger);
    const first = await ledger.request('POST', '/v1/audit/checkpoints', undefined, { role: 'auditor' });
    savedSize = first.body.treeSize as number;
    earlier = file('earlier.txt', first.body.note as string);
    const kp = await recordKimberleyProcess(ledger);
    await tableProposal(ledger, kp.bodyId);
    const second = await ledger.request('POST', '/v1/audit/checkpoints', undefined, { role: 'auditor' });
    later = file('later.txt', second.body.note as string);
    consistency = (await ledger.get(`/v1/audit/proofs/consistency?from=${savedSize}&to=${second.body.treeSize as number}`)).body;
    const [signedFirst] = (await ledger.get('/v1/audit/checkpoints?fromSize=0&limit=1')).body.checkpoints as { treeSize: number; note: string }[];
    expect(signedFirst?.treeSize).toBe(0);
    emptyCheckpoint = file('empty.txt', (signedFirst as { note: string }).note);
    consistencyFromEmpty = (await ledger.get(`/v1/audit/proofs/consistency?from=0&to=${second.body.treeSize as number}`)).body;
    verifierKey = ((await ledger.get('/v1/audit/keys')).body.keys as { verifierKey: string }[])[0]?.verifierKey as string;
    await ledger.stop({ keepData: true });
  });
  afterAll(() => removeStorage(ledger.storage));
  /** The log's own key name with another public key: a key well formed that did not sign its checkpoints. */
  const keyThatSignedNothing = (): string => {
    const otherPublicKey = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
    return formatVerifierKey(verifierKey.split('+')[0] as string, new Uint8Array(otherPublicKey));
  };

  it('prints an inclusion proof from the store that verify-proof accepts, and refuses it altered', () => {
    const proved = run('prove', '3', '--tree-size', String(savedSize));
    expect({ status: proved.status, stderr: proved.stderr }).toMatchObject({ status: 0 });
    const proof = JSON.parse(proved.stdout) as Record<string, unknown>;
    expect(proof).toMatchObject({ position: 3, leafIndex: 2, treeSize: savedSize });
    const checked = run('verify-proof', file('inclusion.json', proved.stdout), '--checkpoint', earlier, '--key', verifierKey);
    expect({ status: checked.status, stdout: checked.stdout }).toEqual({
      status: 0,
      stdout: `the event at position 3 is in the log of ${savedSize} events signed by localhost/concord-ledger\n`,
    });
    const altered = { ...proof, entry: (proof.entry as string).replace('"position":3', '"position":3 ') };
    expect(run('verify-proof', file('altered.json', JSON.stringify(altered)), '--checkpoint', earlier, '--key', verifierKey).status).toBe(1);
    const contradicting = { ...proof, leafIndex: 3 };
    const refused = run('verify-proof', file('contradicting.json', JSON.stringify(contradicting)), '--checkpoint', earlier, '--key', verifierKey);
    expect({ status: refused.status, stderr: refused.stderr.trim() }).toEqual({
      status: 1,
      stderr: 'concord: the proof contradicts itself: leafIndex 3 is not position 3 - 1',
    });
    for (const notAProof of ['null', '3', '[]']) {
      const read = run('verify-proof', file('not-a-proof.json', notAProof), '--checkpoint', earlier, '--key', verifierKey);
      expect({ status: read.status, stderr: read.stderr.trim() }).toEqual({
        status: 1,
        stderr: expect.stringMatching(/^concord: \S+not-a-proof\.json is not a proof: a proof is a JSON object$/),
      });
    }
    const { entry: _entry, ...noEntry } = proof;
    const notJson = { ...proof, entry: 'not json', leafHash: hash('sha256', Buffer.concat([Buffer.from([0]), Buffer.from('not json')]), 'base64') };
    for (const [name, malformed, said] of [
      ['no-entry.json', noEntry, "the inclusion proof has no entry: the event's text, as hashed, is its entry"],
      ['position-text.json', { ...proof, position: 'position' }, 'the inclusion proof\'s position "position" is not a position (1 or more)'],
      ['entry-not-json.json', notJson, "the proof's entry is not the event at position 3"],
    ] as const) {
      const read = run('verify-proof', file(name, JSON.stringify(malformed)), '--checkpoint', earlier, '--key', verifierKey);
      expect({ name, status: read.status, stderr: read.stderr.trim() }).toEqual({ name, status: 1, stderr: `concord: ${said}` });
    }
    const elsewhere = { ...proof, position: 4, leafIndex: 3 };
    expect(run('verify-proof', file('elsewhere.json', JSON.stringify(elsewhere)), '--checkpoint', earlier, '--key', verifierKey).status).toBe(1);
    // Against a checkpoint of another size: refused, not silently checked against the wrong root.
    expect(run('verify-proof', file('inclusion.json', proved.stdout), '--checkpoint', later, '--key', verifierKey).stderr).toMatch(
      /tree of \d+ events; the checkpoint signs \d+/,
    );
    // --old-checkpoint belongs to a consistency proof: bad usage with an inclusion proof, not ignored.
    const misused = run('verify-proof', file('inclusion.json', proved.stdout), '--checkpoint', earlier, '--old-checkpoint', later, '--key', verifierKey);
    expect({ status: misused.status, stdout: misused.stdout }).toEqual({ status: 2, stdout: '' });
    expect(misused.stderr).toMatch(/--old-checkpoint is for a consistency proof/);
  });

  it('says a --checkpoint file that is no checkpoint is bad usage, and one signed by another key a finding', () => {
    const proved = run('prove', '3', '--tree-size', String(savedSize));
    const proof = file('inclusion.json', proved.stdout);
    const notCheckpoint = file('not-a-checkpoint.txt', '{"treeSize": 3}\n');
    for (const refused of [
      run('verify-proof', proof, '--checkpoint', notCheckpoint, '--key', verifierKey),
      run('verify', '--export', file('empty.jsonl', ''), '--checkpoint', notCheckpoint, '--key', verifierKey),
    ]) {
      expect({ status: refused.status, stdout: refused.stdout }).toEqual({ status: 2, stdout: '' });
      expect(refused.stderr).toMatch(/--checkpoint .*not-a-checkpoint\.txt is not a signed checkpoint \(malformed note/);
    }
    const unsigned = run('verify-proof', proof, '--checkpoint', earlier, '--key', keyThatSignedNothing());
    expect(unsigned.status).toBe(1);
    expect(unsigned.stderr).toMatch(/is not signed by a key given with --key/);
  });

  it('checks a consistency proof between the checkpoint saved and a later one', () => {
    const proof = file('consistency.json', JSON.stringify(consistency));
    const checked = run('verify-proof', proof, '--old-checkpoint', earlier, '--checkpoint', later, '--key', verifierKey);
    expect({ status: checked.status, stderr: checked.stderr }).toMatchObject({ status: 0 });
    expect(checked.stdout).toMatch(new RegExp(`extends the one of ${savedSize} unchanged`));
    const hashes = consistency.proof as string[];
    const forged = file('forged.json', JSON.stringify({ ...consistency, proof: [...hashes.slice(1), hashes[0]] }));
    const refused = run('verify-proof', forged, '--old-checkpoint', earlier, '--checkpoint', later, '--key', verifierKey);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/NOT proven to extend .* a rollback or a fork/);
  });

  it('checks that a later checkpoint extends the empty one a new ledger signed first, as the README tells an auditor', () => {
    const proof = file('consistency-from-empty.json', JSON.stringify(consistencyFromEmpty));
    const checked = run('verify-proof', proof, '--old-checkpoint', emptyCheckpoint, '--checkpoint', later, '--key', verifierKey);
    expect({ status: checked.status, stderr: checked.stderr }).toEqual({ status: 0, stderr: '' });
    expect(checked.stdout).toMatch(/extends the one of 0 unchanged/);
  });

  it('says a proof given with the wrong checkpoints is bad usage, exit 2, before any signature is checked', () => {
    const inclusion = file('inclusion.json', run('prove', '3', '--tree-size', String(savedSize)).stdout);
    const consistencyProof = file('consistency.json', JSON.stringify(consistency));
    const notCheckpoint = file('not-a-checkpoint.txt', '{"treeSize": 3}\n');
    const expectBadUsage = (refused: { status: number | null; stdout: string; stderr: string }, message: RegExp): void => {
      expect({ status: refused.status, stdout: refused.stdout }).toEqual({ status: 2, stdout: '' });
      expect(refused.stderr).toMatch(message);
      expect(refused.stderr).not.toMatch(/is not signed by a key given with --key/);
    };
    for (const key of [verifierKey, keyThatSignedNothing()]) {
      expectBadUsage(
        run('verify-proof', consistencyProof, '--checkpoint', later, '--key', key),
        /^concord: a consistency proof needs --old-checkpoint: it is checked between the checkpoint saved earlier/,
      );
      expectBadUsage(
        run('verify-proof', inclusion, '--checkpoint', earlier, '--old-checkpoint', later, '--key', key),
        /^concord: an inclusion proof is checked against the one checkpoint of its tree size \(--checkpoint\); --old-checkpoint is for a consistency proof/,
      );
      expectBadUsage(
        run('verify-proof', consistencyProof, '--checkpoint', later, '--old-checkpoint', notCheckpoint, '--key', key),
        /^concord: --old-checkpoint .*not-a-checkpoint\.txt is not a signed checkpoint/,
      );
    }
  });

  it('verifies an export offline against a saved checkpoint, and names what an edited export breaks', () => {
    const exported = run('export');
    const ledgerFile = file('ledger.jsonl', exported.stdout);
    const checked = run('verify', '--export', ledgerFile, '--checkpoint', earlier, '--key', verifierKey);
    expect({ status: checked.status, stderr: checked.stderr }).toMatchObject({ status: 0 });
    expect(checked.stdout).toMatch(/verified \d+ events against 1 signed checkpoint: nothing altered/);
    const editedText = exported.stdout.replace('"name":"Botswana"', '"name":"Botswane"');
    expect(editedText).not.toBe(exported.stdout);
    const edited = file('edited.jsonl', editedText);
    const refused = run('verify', '--export', edited, '--checkpoint', earlier, '--key', verifierKey);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/\[checkpoint-mismatch\] the first \d+ events do not hash to the root signed in the checkpoint in .*earlier\.txt/);
    const wrongKey = run('verify', '--export', ledgerFile, '--checkpoint', earlier, '--key', 'someone+00000000+AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=');
    expect(wrongKey.status).toBe(2);
    for (const garbage of [
      run('verify', '--export', ledgerFile, '--checkpoint', earlier, '--key', 'garbage'),
      run('verify', '--key', 'garbage'),
      run('verify-proof', file('inclusion.json', '{}'), '--checkpoint', earlier, '--key', 'garbage'),
    ]) {
      expect({ status: garbage.status, stdout: garbage.stdout }).toEqual({ status: 2, stdout: '' });
      expect(garbage.stderr).toContain('--key "garbage" is not a verifier key (a verifier key is <name>+<hash>+<key>)');
    }
    expect(run('verify', '--export', ledgerFile).status).toBe(2);
    // A file the call names that is not there is a mistake in the call, said with the option that named it.
    const missing = '/nonexistent/file.txt';
    for (const [result, named] of [
      [run('verify', '--export', missing, '--checkpoint', earlier, '--key', verifierKey), '--export'],
      [run('verify', '--export', ledgerFile, '--checkpoint', missing, '--key', verifierKey), '--checkpoint'],
      [run('verify', '--checkpoint', missing, '--key', verifierKey), '--checkpoint'],
      [run('verify-proof', missing, '--checkpoint', earlier, '--key', verifierKey), 'the proof file'],
      [run('verify-proof', file('inclusion.json', '{}'), '--checkpoint', missing, '--key', verifierKey), '--checkpoint'],
    ] as const) {
      expect({ status: result.status, firstLine: result.stderr.split('\n')[0] }).toEqual({
        status: 2,
        firstLine: `concord: ${named} ${missing} cannot be read: no such file`,
      });
    }
  });

  it('names the event missing from an export whose later lines were renumbered down to close the gap', () => {
    const lines = run('export').stdout.trimEnd().split('\n');
    const events = lines.map((line) => JSON.parse(line) as { position: number; stream: string });
    // An event in the middle, between two of its own stream's, so that the revision skipped names its position exactly.
    const removed = events.find(
      ({ position }) =>
        position >= savedSize / 2 && position < savedSize && new Set(events.slice(position - 2, position + 1).map(({ stream }) => stream)).size === 1,
    )?.position as number;
    expect(removed).toEqual(expect.any(Number));
    const renumbered = lines
      .filter((_, index) => index !== removed - 1)
      .map((line) => {
        const event = JSON.parse(line) as { position: number };
        return event.position > removed ? JSON.stringify({ ...event, position: event.position - 1 }) : line;
      });
    const exportFile = file('renumbered.jsonl', `${renumbered.join('\n')}\n`);
    const missing = new RegExp(
      `^\\s+position ${removed}: \\[event-missing\\] stream \\S+ has no revision \\d+ .*: the log lacks an event recorded at position ${removed}, `,
      'm',
    );
    const againstTheWholeLog = run('verify', '--export', exportFile, '--checkpoint', later, '--key', verifierKey);
    expect(againstTheWholeLog.status).toBe(1);
    expect(againstTheWholeLog.stdout).toMatch(missing);
    expect(againstTheWholeLog.stdout).toMatch(/\[rolled-back\] .* events were removed \(after it, or before it and the later ones renumbered down\)/);
    const againstAnEarlierCheckpoint = run('verify', '--export', exportFile, '--checkpoint', earlier, '--key', verifierKey);
    expect(againstAnEarlierCheckpoint.status).toBe(1);
    expect(againstAnEarlierCheckpoint.stdout).toMatch(missing);
    expect(againstAnEarlierCheckpoint.stdout).toMatch(/\[checkpoint-mismatch\] the first \d+ events do not hash to the root signed/);
  });
});
