import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
// The proofs are checked by the standalone verifier only: nothing here imports the server's tree.
import { EMPTY_TREE_ROOT, leafHash, parseCheckpoint, verifyConsistency, verifyInclusion, verifyNote } from '../libs/verifier/src';
import { recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { headPosition } from './support/ledger-client';
import { LedgerHarness } from './support/ledger-harness';
import { expectInvalidField, expectProblem } from './support/problems';

jest.setTimeout(60_000); // a real ledger process, and a proof asked for every event

const fromBase64 = (value: unknown): Uint8Array => new Uint8Array(Buffer.from(value as string, 'base64'));

interface SignedTree {
  readonly size: number;
  readonly rootHash: Uint8Array;
}

describe('The transparency log: signed checkpoints and RFC 9162 proofs', () => {
  let ledger: LedgerHarness;
  let verifierKey: string;

  const sign = async (): Promise<Record<string, unknown>> => {
    const answer = await ledger.request('POST', '/v1/audit/checkpoints', undefined, { role: 'auditor' });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const latestNote = async (): Promise<string> => {
    const response = await fetch(`${ledger.baseUrl}/v1/audit/checkpoint`, { headers: { authorization: 'Bearer auditor-key-for-tests-00000001' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    return response.text();
  };
  const signedTree = (note: string): SignedTree => parseCheckpoint(verifyNote(note, [verifierKey]).text);

  beforeAll(async () => {
    ledger = await LedgerHarness.start({
      CONCORD_CHECKPOINT_EVERY: '5',
      CONCORD_CHECKPOINT_INTERVAL_S: '1',
      CONCORD_PUBLIC_URL: 'https://ledger.example.org/kp',
    });
    const kp = await recordKimberleyProcess(ledger);
    await tableProposal(ledger, kp.bodyId);
    const keys = await ledger.get('/v1/audit/keys', { role: 'integrator' });
    expect(keys.status).toBe(200);
    const published = keys.body.keys as { name: string; verifierKey: string; publicKeyPem: string; until: string | null }[];
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({
      name: 'ledger.example.org/kp/concord-ledger',
      until: null,
      publicKeyPem: expect.stringContaining('BEGIN PUBLIC KEY'),
    });
    verifierKey = (published[0] as { verifierKey: string }).verifierKey;
  });
  afterAll(() => ledger.stop());

  it('generates its signing key into the data directory, readable by its owner only', () => {
    expect(statSync(join(ledger.dataDir, 'checkpoint-signing-key.pem')).mode & 0o777).toBe(0o600);
  });

  it('creates every file of its data directory readable by its owner only: the SQLite file holds the webhooks’ secrets', () => {
    const files = readdirSync(ledger.dataDir);
    if (ledger.storage.selection.kind === 'sqlite') expect(files).toEqual(expect.arrayContaining(['ledger.sqlite', 'ledger.sqlite-wal']));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      // A file written through a temporary one of its own name (last-signed-checkpoint.txt) may be renamed away between the listing and this look.
      const stats = statSync(join(ledger.dataDir, name), { throwIfNoEntry: false });
      if (stats !== undefined) expect([name, stats.mode & 0o077]).toEqual([name, 0]);
    }
  });

  it('signs a checkpoint of the whole log on demand, in the C2SP format, and serves it byte for byte', async () => {
    const head = await headPosition(ledger);
    const signed = await sign();
    expect(signed.treeSize).toBe(head);
    const note = await latestNote();
    expect(note).toBe(signed.note);
    expect(note).toMatch(
      new RegExp(
        `^ledger\\.example\\.org/kp/concord-ledger\\n${head}\\n[A-Za-z0-9+/]{43}=\\n\\n— ledger\\.example\\.org/kp/concord-ledger [A-Za-z0-9+/]+=*\\n$`,
      ),
    );
    const tree = signedTree(note);
    expect(tree.size).toBe(head);
    expect(Buffer.from(tree.rootHash).toString('base64')).toBe(signed.rootHash);
  });

  it('proves every event included in the signed tree, with the exact entry it hashed', async () => {
    const tree = signedTree(await latestNote());
    for (let position = 1; position <= tree.size; position += 1) {
      const answer = await ledger.get(`/v1/audit/proofs/inclusion?position=${position}`, { role: 'auditor' });
      expect(answer.status).toBe(200);
      const { entry, leafIndex, treeSize, auditPath } = answer.body as { entry: string; leafIndex: number; treeSize: number; auditPath: string[] };
      expect({ leafIndex, treeSize }).toEqual({ leafIndex: position - 1, treeSize: tree.size });
      const event = JSON.parse(entry) as Record<string, unknown>;
      expect(Object.keys(event)).toEqual(['data', 'eventId', 'metadata', 'position', 'schemaVersion', 'stream', 'streamRevision', 'type']);
      expect(event.position).toBe(position);
      expect(Buffer.from(leafHash(entry)).toString('base64')).toBe(answer.body.leafHash);
      expect(verifyInclusion({ leafHash: leafHash(entry), leafIndex, treeSize, auditPath: auditPath.map(fromBase64), rootHash: tree.rootHash })).toBe(true);
      // The same path does not prove the event at another place.
      if (tree.size > 1) {
        const elsewhere = leafIndex === 0 ? 1 : 0;
        expect(
          verifyInclusion({ leafHash: leafHash(entry), leafIndex: elsewhere, treeSize, auditPath: auditPath.map(fromBase64), rootHash: tree.rootHash }),
        ).toBe(false);
      }
    }
  });

  it('proves that a later checkpoint extends a saved one, and signs by itself as the log grows', async () => {
    const saved = signedTree(await latestNote());
    // CONCORD_CHECKPOINT_EVERY=5 and _INTERVAL_S=1: checkpoints follow the log without being asked.
    const signedAtHead = async (): Promise<SignedTree> => {
      const head = await headPosition(ledger);
      let signed: SignedTree = saved;
      for (const deadline = Date.now() + 10_000; signed.size < head && Date.now() < deadline; await new Promise((done) => setTimeout(done, 100))) {
        signed = signedTree(await latestNote());
      }
      expect(signed.size).toBe(head);
      return signed;
    };
    const kp = await recordKimberleyProcess(ledger);
    await signedAtHead();
    await tableProposal(ledger, kp.bodyId);
    const later = await signedAtHead();
    const head = later.size;
    const listed = await ledger.get(`/v1/audit/checkpoints?fromSize=${saved.size}`, { role: 'integrator' });
    const sizes = (listed.body.checkpoints as { treeSize: number; note: string }[]).map((checkpoint) => checkpoint.treeSize);
    expect(sizes[0]).toBe(saved.size);
    expect(sizes.at(-1)).toBe(head);
    expect(sizes.length).toBeGreaterThan(2);
    for (const [from, to] of [
      [saved.size, later.size],
      [1, later.size],
      [later.size, later.size],
      ...sizes.slice(1).map((size, index) => [sizes[index] as number, size]),
    ] as [number, number][]) {
      const answer = await ledger.get(`/v1/audit/proofs/consistency?from=${from}&to=${to}`, { role: 'auditor' });
      expect(answer.status).toBe(200);
      const fromTree = from === saved.size ? saved : { size: from, rootHash: await rootOf(from) };
      const toTree = to === later.size ? later : { size: to, rootHash: await rootOf(to) };
      const proof = (answer.body.proof as string[]).map(fromBase64);
      expect(verifyConsistency({ fromSize: from, toSize: to, proof, fromRoot: fromTree.rootHash, toRoot: toTree.rootHash })).toBe(true);
    }
    // A proof does not hold for a root that was not signed.
    const answer = await ledger.get(`/v1/audit/proofs/consistency?from=${saved.size}&to=${later.size}`);
    const forged = new Uint8Array(saved.rootHash);
    forged[0] = (forged[0] as number) ^ 1;
    expect(
      verifyConsistency({
        fromSize: saved.size,
        toSize: later.size,
        proof: (answer.body.proof as string[]).map(fromBase64),
        fromRoot: forged,
        toRoot: later.rootHash,
      }),
    ).toBe(false);
  });

  it('proves that every later checkpoint extends the empty one a new ledger signed, with an empty proof', async () => {
    const listed = await ledger.get('/v1/audit/checkpoints?fromSize=0&limit=1', { role: 'auditor' });
    const [first] = listed.body.checkpoints as { treeSize: number; note: string }[];
    expect(first?.treeSize).toBe(0);
    const empty = signedTree((first as { note: string }).note);
    expect(Buffer.from(empty.rootHash)).toEqual(Buffer.from(EMPTY_TREE_ROOT));
    const later = signedTree(await latestNote());
    for (const to of [later, empty]) {
      const answer = await ledger.get(`/v1/audit/proofs/consistency?from=0&to=${to.size}`, { role: 'auditor' });
      expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: { from: 0, to: to.size, proof: [] } });
      expect(verifyConsistency({ fromSize: 0, toSize: to.size, proof: [], fromRoot: empty.rootHash, toRoot: to.rootHash })).toBe(true);
    }
  });

  /** The signed root of a checkpointed size (or of size 1, the first leaf). */
  async function rootOf(size: number): Promise<Uint8Array> {
    // The tree of one event is its leaf.
    if (size === 1) return leafHash(((await ledger.get('/v1/audit/proofs/inclusion?position=1&treeSize=1')).body as { entry: string }).entry);
    const listed = await ledger.get(`/v1/audit/checkpoints?fromSize=${size}&limit=1`);
    const [checkpoint] = listed.body.checkpoints as { treeSize: number; note: string }[];
    expect(checkpoint?.treeSize).toBe(size);
    return signedTree((checkpoint as { note: string }).note).rootHash;
  }

  it('refuses what it cannot prove with catalogued problems', async () => {
    const { size } = signedTree(await latestNote());
    expectProblem(await ledger.get(`/v1/audit/proofs/consistency?from=1&to=${size + 1}`), 404, 'tree-size-not-signed');
    expectProblem(await ledger.get(`/v1/audit/proofs/inclusion?position=${size + 1}`), 404, 'position-beyond-tree');
    expectInvalidField(await ledger.get('/v1/audit/proofs/inclusion'), 'position');
    expectInvalidField(await ledger.get('/v1/audit/proofs/inclusion?position=0'), 'position');
    expectInvalidField(await ledger.get('/v1/audit/proofs/inclusion?position=1&size=3'), 'size');
    expectInvalidField(await ledger.get('/v1/audit/proofs/consistency?from=3&to=2'), 'from');
    expectInvalidField(await ledger.get('/v1/audit/proofs/consistency?from=-1&to=2'), 'from');
    expectInvalidField(await ledger.get('/v1/audit/checkpoints?limit=0'), 'limit');
    expectProblem(await ledger.request('POST', '/v1/audit/checkpoints', undefined, { role: 'integrator' }), 403, 'forbidden');
  });
});
