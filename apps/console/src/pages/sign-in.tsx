import { FormEvent, ReactNode, useState } from 'react';
import { Discarded, read, Refusal, session } from '../api/client';
import { RefusalNotice } from '../components';
import { STRINGS } from '../strings';
import { asRefusal } from '../use-answer';

const KEY_CHARACTERS = /^[\x21-\x7e]+$/;

/** Checks the key against the ledger before keeping it. */
export function SignIn({ onSignedIn, keyEnded }: { onSignedIn: () => void; keyEnded: Discarded | null }): ReactNode {
  const [key, setKey] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [notAKey, setNotAKey] = useState(false);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    // A key travels in a header, which holds visible ASCII only: anything else is no key, not a browser offline.
    const typed = key.trim();
    setRefusal(null);
    setNotAKey(!KEY_CHARACTERS.test(typed));
    if (!KEY_CHARACTERS.test(typed)) return;
    session.signIn(typed);
    try {
      await read('/v1/bodies?limit=1');
      onSignedIn();
    } catch (error) {
      session.signOut();
      setRefusal(asRefusal(error));
    }
  };
  return (
    <main className="sign-in">
      <h1>{STRINGS.product}</h1>
      <form onSubmit={(event) => void submit(event)}>
        <h2>{STRINGS.signIn.title}</h2>
        {notAKey && (
          <p role="alert" className="refusal refusal-sentence">
            {STRINGS.signIn.notAKey}
          </p>
        )}
        {keyEnded !== null && refusal === null && (
          <div role="alert" className="refusal">
            <p>{STRINGS.signIn.keyEnded}</p>
            {/* What the tab held was discarded, lest the next key send it: said, so the clerk checks before typing it again. */}
            {(keyEnded.drafts > 0 || keyEnded.sendings > 0) && <p>{STRINGS.signIn.discarded(keyEnded.drafts, keyEnded.sendings)}</p>}
          </div>
        )}
        <label htmlFor="api-key">{STRINGS.signIn.keyLabel}</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          value={key}
          onChange={(event) => setKey(event.target.value)}
          aria-describedby="api-key-help"
          required
        />
        <p id="api-key-help" className="help">
          {STRINGS.signIn.keyHelp}
        </p>
        <button type="submit">{STRINGS.signIn.submit}</button>
        {/* A key refused at sign-in is not one to sign in again with: said plainly, with the ledger's words beneath. */}
        {refusal &&
          (refusal.code === 'unauthorized' ? (
            <div role="alert" className="refusal">
              <p className="refusal-sentence">{STRINGS.signIn.refused}</p>
            </div>
          ) : (
            <RefusalNotice refusal={refusal} />
          ))}
      </form>
    </main>
  );
}
