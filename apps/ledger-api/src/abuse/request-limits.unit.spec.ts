import { Admission, isRefusal, LimitRefusal, RequestLimits } from './request-limits';

function admitted(outcome: Admission | LimitRefusal): Admission {
  if (isRefusal(outcome)) throw new Error(`refused: ${JSON.stringify(outcome)}`);
  return outcome;
}

/** A keyed request from start to end: admitted, then its key found good or wrong. */
function keyed(limits: RequestLimits, address: string, keyWasWrong: boolean): LimitRefusal | undefined {
  const outcome = limits.admit(address, 'some-key');
  if (isRefusal(outcome)) return outcome;
  limits.settle(outcome, keyWasWrong);
  return undefined;
}

describe('RequestLimits', () => {
  it('refuses an address over its allowance whatever key it sends', () => {
    const limits = new RequestLimits({ perKeyPerMinute: 0, perAddressPerMinute: 3, authFailuresPerMinute: 0 }, () => 0);
    for (let i = 0; i < 3; i += 1) admitted(limits.admit('10.0.0.1', undefined));
    expect(limits.admit('10.0.0.1', 'k')).toEqual({ limit: 'address', perMinute: 3, retryAfterSeconds: 20 });
    admitted(limits.admit('10.0.0.2', undefined));
  });

  it('counts each key apart, from any address', () => {
    const limits = new RequestLimits({ perKeyPerMinute: 2, perAddressPerMinute: 0, authFailuresPerMinute: 0 }, () => 0);
    admitted(limits.admit('10.0.0.1', 'one'));
    admitted(limits.admit('10.0.0.2', 'one'));
    expect(limits.admit('10.0.0.3', 'one')).toMatchObject({ limit: 'key', perMinute: 2 });
    admitted(limits.admit('10.0.0.3', 'two'));
    // Requests without a key have no key allowance to spend.
    admitted(limits.admit('10.0.0.3', undefined));
  });

  it('once an address has spent its wrong keys, refuses its keyed requests until the allowance refills', () => {
    let now = 0;
    const limits = new RequestLimits({ perKeyPerMinute: 0, perAddressPerMinute: 0, authFailuresPerMinute: 2 }, () => now);
    expect(keyed(limits, '10.0.0.1', true)).toBeUndefined();
    expect(keyed(limits, '10.0.0.1', true)).toBeUndefined();
    expect(limits.admit('10.0.0.1', 'the-right-key')).toEqual({ limit: 'authentication-failures', perMinute: 2, retryAfterSeconds: 30 });
    admitted(limits.admit('10.0.0.1', undefined));
    admitted(limits.admit('10.0.0.2', 'guess'));
    now += 30_000;
    expect(keyed(limits, '10.0.0.1', false)).toBeUndefined();
  });

  it('bounds the guesses in flight from an address with a wrong key on record, and gives good keys their token back', () => {
    const limits = new RequestLimits({ perKeyPerMinute: 0, perAddressPerMinute: 0, authFailuresPerMinute: 5 }, () => 0);
    keyed(limits, '10.0.0.1', true);
    // Four tokens left: four requests may be in flight before their keys are checked; the fifth waits.
    const inFlight = [1, 2, 3, 4].map(() => admitted(limits.admit('10.0.0.1', 'guess')));
    expect(limits.admit('10.0.0.1', 'guess')).toMatchObject({ limit: 'authentication-failures' });
    // Good keys give back what was taken ahead; wrong ones keep it spent.
    limits.settle(inFlight[0] as Admission, false);
    limits.settle(inFlight[1] as Admission, false);
    limits.settle(inFlight[2] as Admission, true);
    limits.settle(inFlight[3] as Admission, true);
    // Two given back: two more in flight, not three.
    admitted(limits.admit('10.0.0.1', 'guess'));
    admitted(limits.admit('10.0.0.1', 'guess'));
    expect(limits.admit('10.0.0.1', 'guess')).toMatchObject({ limit: 'authentication-failures' });
  });

  it('takes nothing ahead from a clean address, however many requests it has in flight', () => {
    const limits = new RequestLimits({ perKeyPerMinute: 0, perAddressPerMinute: 0, authFailuresPerMinute: 2 }, () => 0);
    const inFlight = Array.from({ length: 50 }, () => admitted(limits.admit('10.0.0.1', 'good')));
    expect(inFlight.every((admission) => !admission.failureReserved)).toBe(true);
  });

  it('limits nothing when every allowance is 0', () => {
    const limits = new RequestLimits({ perKeyPerMinute: 0, perAddressPerMinute: 0, authFailuresPerMinute: 0 }, () => 0);
    for (let i = 0; i < 1000; i += 1) expect(keyed(limits, 'a', true)).toBeUndefined();
  });
});
