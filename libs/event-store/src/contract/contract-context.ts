/// <reference types="jest" />
import { ConcurrencyError } from '../event-store.errors';
import { EventStore, ExpectedRevision } from '../event-store.port';
import { SubscriptionProbe } from './subscription-probe';

/** What each part of the contract gets from the suite: this test's fresh store, and probes. */
export interface ContractContext {
  store(): EventStore;
  /** A subscription on this test's store, stopped after the test even if the test fails. */
  subscribe(options?: { after?: number }): SubscriptionProbe;
}

/** Resolves with what the promise rejected with, and fails the test if it fulfilled instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

export async function expectConcurrencyError(
  promise: Promise<unknown>,
  expected: { stream: string; expectedRevision: ExpectedRevision; actualRevision: number },
): Promise<void> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(ConcurrencyError);
  expect(error).toMatchObject(expected);
}

/** Positions from..to inclusive, to compare against what a store reports. */
export function positionsFrom(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** Lets a subscription run for a while, to show it yields nothing more than it should. */
export function settle(ms = 150): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
