import { FormEvent, ReactNode, useState } from 'react';
import { read, readText, Refusal, Schemas } from '../api/client';
import { checkInclusion, parseSignedCheckpoint, SignedCheckpoint, signerOf, verifierKeyProblem } from '../audit/browser-verifier';
import { Answer, RefusalNotice } from '../components';
import { STRINGS } from '../strings';
import { asRefusal, useAnswer } from '../use-answer';

const A = STRINGS.audit;

interface Findings {
  readonly signedBy: string | null;
  /** Whether the signature was checked against a key the auditor saved, rather than the published ones. */
  readonly againstSavedKey: boolean;
  readonly leafMatches: boolean;
  readonly included: boolean;
  readonly position: number;
  readonly treeSize: number;
  readonly entry: string;
}

/**
 * Checks the checkpoint's signature and one event's inclusion, hashing and verifying here
 * (WebCrypto). A key the auditor saved earlier is checked instead of the keys this server publishes.
 */
/** What keeps a position asked from being checked against a checkpoint of `treeSize` events, in the auditor's words; null when nothing does. */
function positionProblem(asked: string, treeSize: number): string | null {
  if (treeSize === 0) return A.nothingSigned;
  if (asked === '') return null;
  if (!/^\d+$/.test(asked)) return A.positionMalformed;
  const position = Number(asked);
  if (position < 1) return A.positionFromOne;
  return position > treeSize ? A.positionBeyond(position, treeSize) : null;
}

async function check(checkpoint: SignedCheckpoint, verifierKeys: readonly string[], againstSavedKey: boolean, position: number): Promise<Findings> {
  const signer = await signerOf(checkpoint, verifierKeys);
  const proof = await read<Schemas['InclusionProofAnswer']>(`/v1/audit/proofs/inclusion?position=${position}&treeSize=${checkpoint.treeSize}`);
  const { leafMatches, included } = await checkInclusion(position, checkpoint, proof);
  return { signedBy: signer, againstSavedKey, leafMatches, included, position, treeSize: checkpoint.treeSize, entry: proof.entry };
}

/** What the proof shows: an event in a signed log only when the root it leads to is signed. */
function inclusionLine(findings: Findings): [ok: boolean, text: string] {
  if (!findings.included) return [false, A.notIncluded(findings.position)];
  if (findings.signedBy === null) return [false, A.includedUnsigned(findings.position)];
  return [true, A.included(findings.position, findings.treeSize)];
}

function FindingsList({ findings }: { findings: Findings }): ReactNode {
  const line = (ok: boolean, text: string): ReactNode => <li className={ok ? 'ok' : 'failed'}>{text}</li>;
  return (
    <section aria-labelledby="findings">
      <h2 id="findings">{A.findings}</h2>
      <div role="status">
        <ul>
          {line(
            findings.signedBy !== null,
            findings.signedBy !== null ? A.signatureValid(findings.signedBy) : findings.againstSavedKey ? A.signatureInvalidSaved : A.signatureInvalid,
          )}
          {line(findings.leafMatches, findings.leafMatches ? A.leafMatches : A.leafDiffers)}
          {line(...inclusionLine(findings))}
        </ul>
      </div>
      <h3>{A.entry}</h3>
      <pre className="entry">{findings.entry}</pre>
    </section>
  );
}

/**
 * The latest signed checkpoint, read as `useAnswer` reads every answer: again when the ledger
 * records, and by itself after a refusal that may pass, so a ledger away for a while leaves no page
 * whose check cannot be made until it is opened anew.
 */
async function readSignedCheckpoint(path: string): Promise<{ note: string; parsed: SignedCheckpoint }> {
  const note = await readText(path);
  return { note, parsed: parseSignedCheckpoint(note) };
}

export function AuditPage({ pointAsked = false }: { pointAsked?: boolean }): ReactNode {
  const [checkpoint, reloadCheckpoint] = useAnswer('/v1/audit/checkpoint', readSignedCheckpoint);
  const [savedKey, setSavedKey] = useState('');
  const [keys, reloadKeys] = useAnswer<Schemas['SigningKeysAnswer']>('/v1/audit/keys');
  const [position, setPosition] = useState('');
  const [findings, setFindings] = useState<Findings | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [inputProblem, setInputProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (checkpoint.state !== 'loaded' || keys.state !== 'loaded') return;
    setRefusal(null);
    setFindings(null);
    const saved = savedKey.trim();
    const keyProblem = saved ? await verifierKeyProblem(saved) : null;
    const asked = position.trim();
    const { parsed } = checkpoint.answer;
    const problem = keyProblem ? A.savedKeyMalformed(keyProblem) : positionProblem(asked, parsed.treeSize);
    setInputProblem(problem);
    if (problem !== null) return;
    setChecking(true);
    try {
      const verifierKeys = saved ? [saved] : keys.answer.keys.map((key) => key.verifierKey);
      setFindings(await check(parsed, verifierKeys, saved !== '', asked ? Number(asked) : parsed.treeSize));
    } catch (error) {
      setRefusal(asRefusal(error));
    } finally {
      setChecking(false);
    }
  };
  return (
    <main>
      <h1>{A.title}</h1>
      <p>{A.intro}</p>
      {pointAsked && <p className="muted">{A.noTimeTravel}</p>}
      <section aria-labelledby="checkpoint">
        <h2 id="checkpoint">{A.checkpoint}</h2>
        <Answer loaded={checkpoint}>
          {({ note, parsed }) => (
            <>
              <pre className="entry">{note}</pre>
              <p>{A.size(parsed.treeSize)}</p>
            </>
          )}
        </Answer>
        <button
          type="button"
          onClick={() => {
            reloadCheckpoint();
            reloadKeys();
          }}
        >
          {A.refresh}
        </button>
      </section>
      <section aria-labelledby="keys">
        <h2 id="keys">{A.keys}</h2>
        <Answer loaded={keys}>
          {(answer) => (
            <ul>
              {answer.keys.map((key) => (
                <li key={key.verifierKey}>
                  <code>{key.verifierKey}</code>
                </li>
              ))}
            </ul>
          )}
        </Answer>
      </section>
      <form aria-labelledby="check-heading" className="command" onSubmit={(event) => void submit(event)}>
        <h2 id="check-heading">{A.check}</h2>
        <p>
          <label htmlFor="audit-key">{A.savedKey}</label>
          <input id="audit-key" aria-describedby="audit-key-hint" value={savedKey} onChange={(event) => setSavedKey(event.target.value)} />
        </p>
        <p id="audit-key-hint" className="muted">
          {A.savedKeyHint}
        </p>
        <p>
          <label htmlFor="audit-position">{A.position}</label>
          <input id="audit-position" inputMode="numeric" value={position} onChange={(event) => setPosition(event.target.value)} />
        </p>
        <button type="submit" disabled={checking || checkpoint.state !== 'loaded' || keys.state !== 'loaded'}>
          {checking ? A.checking : A.check}
        </button>
        {inputProblem && (
          <p role="alert" className="refusal">
            {inputProblem}
          </p>
        )}
        {refusal && <RefusalNotice refusal={refusal} />}
      </form>
      {findings && <FindingsList findings={findings} />}
    </main>
  );
}
