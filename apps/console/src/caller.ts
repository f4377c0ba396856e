import { createContext, useContext, useEffect, useState } from 'react';
import { read, Schemas } from './api/client';
import { asRefusal, Loaded } from './use-answer';

export type CallerAnswer = Schemas['CallerAnswer'];

/** The signed-in key as the ledger describes it (`GET /v1/me`). */
export const CallerContext = createContext<Loaded<CallerAnswer>>({ state: 'loading' });

/**
 * The key signed in, read once each sign-in: a key's role does not change with the ledger, and
 * what a key signed in before it said must not be shown meanwhile.
 */
export function useSignedInCaller(signedIn: boolean): Loaded<CallerAnswer> {
  const [caller, setCaller] = useState<Loaded<CallerAnswer>>({ state: 'loading' });
  useEffect(() => {
    setCaller({ state: 'loading' });
    if (!signedIn) return;
    let current = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    // A refusal that may pass (no answer, the ledger busy or briefly unavailable) is asked again,
    // after 2 s, then 4, 8… up to 30 s: until then the forms stay off, saying why. Any other stays.
    const ask = (afterMs: number): void => {
      read<CallerAnswer>('/v1/me')
        .then((answer) => current && setCaller({ state: 'loaded', answer }))
        .catch((error: unknown) => {
          if (!current) return;
          const refusal = asRefusal(error);
          setCaller({ state: 'refused', refusal });
          if (refusal.status === 0 || refusal.status === 429 || refusal.status >= 500) retry = setTimeout(() => ask(Math.min(afterMs * 2, 30_000)), afterMs);
        });
    };
    ask(2_000);
    return () => {
      current = false;
      clearTimeout(retry);
    };
  }, [signedIn]);
  return caller;
}

/**
 * Whether the signed-in key may record. Not until the ledger says so: a form offered to a key that
 * may only read would be refused after the clerk had typed it in.
 */
export function useMayRecord(): boolean {
  const caller = useContext(CallerContext);
  return caller.state === 'loaded' && caller.answer.mayRecord;
}
