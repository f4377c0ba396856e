import { GovernanceEventType } from '../events';
import { CURRENT_SCHEMA_VERSION, isGovernanceEventType } from './event-schemas';

/**
 * Upcasting: how an event's shape evolves without editing history. A stored event keeps the
 * `schemaVersion` and `data` it was written with, forever; when it is read, `upcast` turns its data
 * into the current version's shape by applying one upcaster per version step (1 -> 2 -> 3 ...).
 * Nothing is written back.
 *
 * How to add version 2 of an event, e.g. `ObjectionRaised` (`ProposalWithdrawn` v2 is a worked example):
 * 1. Change the event's TypeScript type in `proposal/proposal-events.ts` to the new shape, and the
 *    decider/evolver that produce and consume it. Keep the old shape as `ObjectionRaisedV1Data`
 *    beside it, for the v1 schema (its spec names that type explicitly).
 * 2. In `event-schemas.ts`, add the v2 schema to `LATER_VERSIONS` (`ObjectionRaised: { 2: ... }`,
 *    `$id` ending `/ObjectionRaised/v2.json`) and leave v1 exactly as it is: it still describes
 *    the events stored before the change. Set `CURRENT_SCHEMA_VERSION.ObjectionRaised = 2`.
 * 3. Here, register the step from 1: `ObjectionRaised: { 1: (data) => ({ ...data, newField: default }) }`.
 *    The function is pure, total over every valid v1 payload, and returns a valid v2 payload
 *    (the unit tests validate it). Upcasters are never removed: v1 events stay in the log.
 * 4. Regenerate `docs/events.md` (`UPDATE_DOCS=1 npx jest libs/governance/src/schemas`).
 * A later version 3 adds the step `2: (data) => ...`; a v1 event then passes through both.
 */

export type EventPayload = Readonly<Record<string, unknown>>;
export type Upcaster = (data: EventPayload) => EventPayload;

/** type -> fromVersion -> the step that turns a `fromVersion` payload into a `fromVersion + 1` one. */
export type UpcasterTable = Readonly<Partial<Record<GovernanceEventType, Readonly<Record<number, Upcaster>>>>>;

/** Every step ever registered, kept forever: stored events of every old version are still read. */
export const UPCASTERS: UpcasterTable = {
  ProposalWithdrawn: {
    // v1 did not record who withdrew the proposal, so v2 says "not recorded" (null), never "nobody".
    1: ({ proposalId, reason, occurredAt }) => ({ proposalId, reason, withdrawnBy: null, occurredAt }),
  },
  CorrectionRecorded: {
    // v2, v3 and v4 only allow more fields to be corrected: an earlier correction reads the same.
    1: (data) => data,
    2: (data) => data,
    3: (data) => data,
  },
};

export interface UpcastResult {
  readonly schemaVersion: number;
  readonly data: EventPayload;
}

/** A stored event this version cannot read: of no type it knows, or of a version it has no upcaster to (a newer ledger's). */
export class NotUpcastableError extends Error {
  override readonly name = 'NotUpcastableError';
}

/**
 * Checks, without its data, that an event of this type and schema version can be read: the type
 * is known, the version a positive integer no newer than the current one (else a newer ledger
 * wrote it), and an upcaster registered for each step from it to the current one. Throws as
 * `upcast` does; returns the current version. A fold that skims the log checks every event so,
 * also those whose data it never parses, so that it refuses what parsing them would.
 */
export function assertUpcastable(type: string, schemaVersion: number, table: UpcasterTable = UPCASTERS, currentVersion?: number): number {
  if (!isGovernanceEventType(type)) throw new NotUpcastableError(`cannot upcast an event of unknown type ${JSON.stringify(type)}`);
  const target = currentVersion ?? CURRENT_SCHEMA_VERSION[type];
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
    throw new NotUpcastableError(`cannot upcast ${type}: schemaVersion ${schemaVersion} is not a positive integer`);
  }
  if (schemaVersion > target) {
    throw new NotUpcastableError(
      `cannot upcast ${type} from schemaVersion ${schemaVersion}: the current version is ${target}, so it was written by a newer ledger`,
    );
  }
  const steps = table[type];
  for (let version = schemaVersion; version < target; version += 1) {
    if (steps === undefined || !Object.hasOwn(steps, version)) {
      throw new NotUpcastableError(`cannot upcast ${type} from schemaVersion ${version} to ${version + 1}: no upcaster is registered for that step`);
    }
  }
  return target;
}

/**
 * The stored `data` of an event, brought to the current schema version of its type. Pure: the input
 * is never mutated. Throws when the type is unknown, the version is not a positive integer or is
 * newer than the current one (written by a newer ledger), or a step of the chain is missing.
 *
 * `currentVersion` defaults to `CURRENT_SCHEMA_VERSION[type]`; tests inject it with their own table.
 */
export function upcast(type: string, schemaVersion: number, data: EventPayload, table: UpcasterTable = UPCASTERS, currentVersion?: number): UpcastResult {
  const target = assertUpcastable(type, schemaVersion, table, currentVersion);
  // Known, with every step registered: assertUpcastable checked both.
  const steps = table[type as GovernanceEventType] as Readonly<Record<number, Upcaster>>;
  let current = data;
  for (let version = schemaVersion; version < target; version += 1) current = (steps[version] as Upcaster)(current);
  return { schemaVersion: target, data: current };
}
