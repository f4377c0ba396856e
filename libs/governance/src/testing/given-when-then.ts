import { DomainError, DomainErrorCode } from '../shared/domain-error';

/**
 * A tiny given/when/then harness for the pure deciders.
 *
 *   given = past events, folded with the aggregate's evolve function into a state;
 *   when  = one command, decided against that state;
 *   then  = the events the decider returns, or the DomainError code it refuses with.
 *
 * Facts from other streams and the command context are closed over by `decide`, so one harness
 * fits every decider whatever its extra arguments.
 */
export interface Decider<C, S, E> {
  readonly initialState: S;
  readonly evolve: (state: S, event: E) => S;
  readonly decide: (command: C, state: S) => E[];
}

export interface Outcome<E> {
  /** The command is accepted and yields exactly these events. */
  thenEvents(expected: readonly E[]): void;
  /** The command is refused with this code (and, when given, details containing these entries). */
  thenRefused(code: DomainErrorCode, details?: Readonly<Record<string, unknown>>): DomainError;
}

export interface Given<C, S, E> {
  readonly state: S;
  when(command: C): Outcome<E>;
}

export function fold<S, E>(evolve: (state: S, event: E) => S, initialState: S, events: readonly E[]): S {
  return events.reduce((state, event) => evolve(state, event), initialState);
}

export function givenWhenThen<C, S, E>(decider: Decider<C, S, E>): { given(history?: readonly E[]): Given<C, S, E> } {
  return {
    given(history: readonly E[] = []): Given<C, S, E> {
      const state = fold(decider.evolve, decider.initialState, history);
      return { state, when: (command: C) => outcomeOf(() => decider.decide(command, state)) };
    },
  };
}

export function outcomeOf<E>(act: () => E[]): Outcome<E> {
  return {
    thenEvents(expected: readonly E[]): void {
      expect(act()).toEqual(expected);
    },
    thenRefused(code: DomainErrorCode, details?: Readonly<Record<string, unknown>>): DomainError {
      const error = refusalOf(act);
      expect(error.code).toBe(code);
      if (details !== undefined) expect(error.details).toMatchObject(details);
      return error;
    },
  };
}

/** Runs `act` and returns the DomainError it throws; fails when it throws anything else or nothing. */
export function refusalOf(act: () => unknown): DomainError {
  let produced: unknown;
  try {
    produced = act();
  } catch (error: unknown) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`expected a DomainError, but the command was accepted and produced ${JSON.stringify(produced)}`);
}
