import { ReactNode, useContext } from 'react';
import { CallerContext } from './caller';
import { STRINGS } from './strings';

/** Said where a page's forms would be, when the signed-in key may not record or the ledger has not said whether it may. */
export function RecordingOff(): ReactNode {
  const caller = useContext(CallerContext);
  if (caller.state === 'loading' || (caller.state === 'loaded' && caller.answer.mayRecord)) return null;
  const said = caller.state === 'loaded' ? STRINGS.signIn.readsOnly(caller.answer.role) : STRINGS.signIn.callerUnknown(caller.refusal.detail);
  return <p className="notice recording-off">{said}</p>;
}
