import { DEFAULT_CONSENSUS_POLICY, normaliseIsoDateTime } from '@concord/governance';
import { EventStore, InMemoryEventStore } from '@concord/event-store';
import { ProjectionRunner } from '@concord/projections';
import { BodyCommandsHandler } from '../commands/body-commands.handler';
import { CommandExecutor } from '../commands/command-executor';
import { CommandMetadata } from '../commands/command-metadata';
import { CorrectionCommandsHandler } from '../commands/correction-commands.handler';
import { MeetingCommandsHandler } from '../commands/meeting-commands.handler';
import { ProposalCommandsHandler } from '../commands/proposal-commands.handler';
import { LedgerQueries } from '../queries/ledger-queries';
import { Clock } from '../support/clock';
import { PendingStamps } from '../support/pending-stamps';
import { toDomainEvent } from '../support/stored-to-domain';

export const at = normaliseIsoDateTime;

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private current = new Date('2026-01-15T12:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(moment: string): void {
    this.current = new Date(moment);
  }
}

let sequence = 0;

export function metadata(overrides: Partial<CommandMetadata> = {}): CommandMetadata {
  sequence += 1;
  const commandId = overrides.commandId ?? `command-${sequence}`;
  return {
    commandId,
    correlationId: commandId,
    causationId: null,
    actor: { id: 'secretariat-test', role: 'secretariat' },
    fingerprint: overrides.fingerprint ?? `fingerprint-of-${commandId}`,
    ...overrides,
  };
}

/** The whole ledger without HTTP: handlers and queries over one store and a manual clock. */
export function ledgerFixture(store: EventStore = new InMemoryEventStore(), clock = new ManualClock()) {
  const stamps = new PendingStamps();
  const executor = new CommandExecutor(store, clock, {}, stamps);
  const runner = new ProjectionRunner(store, toDomainEvent);
  const queries = new LedgerQueries(runner, DEFAULT_CONSENSUS_POLICY, clock, stamps);
  return {
    store,
    clock,
    runner,
    queries,
    bodies: new BodyCommandsHandler(store, executor),
    meetings: new MeetingCommandsHandler(store, executor),
    proposals: new ProposalCommandsHandler(store, executor, DEFAULT_CONSENSUS_POLICY),
    corrections: new CorrectionCommandsHandler(store, executor, DEFAULT_CONSENSUS_POLICY),
  };
}

export type LedgerFixture = ReturnType<typeof ledgerFixture>;

/** Records a correction of the stored event `correctsEventId`, dated `date`. */
export function recordCorrection(ledger: LedgerFixture, correctsEventId: string, corrections: Record<string, string>, reason: string, date: string) {
  return ledger.corrections.handle({ type: 'RecordCorrection', data: { correctsEventId, reason, corrections, occurredAt: at(date) } }, metadata());
}

/** The KP body with a few participants, an observer, offices for 2021–2022 and the 2022 meetings. */
export async function recordKimberleyProcess(ledger: LedgerFixture): Promise<void> {
  const kp = 'kp';
  await ledger.bodies.handle(
    kp,
    {
      type: 'EstablishBody',
      data: { bodyId: kp, name: 'Kimberley Process', definition: 'rough diamonds used by rebel movements to finance conflict', occurredAt: at('2003-01-01') },
    },
    metadata(),
  );
  for (const [participantId, name] of [
    ['ru', 'Russia'],
    ['by', 'Belarus'],
    ['ua', 'Ukraine'],
    ['bw', 'Botswana'],
  ] as const) {
    await ledger.bodies.handle(kp, { type: 'AdmitParticipant', data: { participantId, name, kind: 'state', occurredAt: at('2003-01-01') } }, metadata());
  }
  await ledger.bodies.handle(
    kp,
    { type: 'AdmitObserver', data: { observerId: 'csc', name: 'Civil Society Coalition', occurredAt: at('2003-01-01') } },
    metadata(),
  );
  await ledger.bodies.handle(kp, { type: 'SelectViceChair', data: { participantId: 'bw', term: 2021, occurredAt: at('2020-11-20') } }, metadata());
  await ledger.bodies.handle(
    kp,
    { type: 'AssignChair', data: { participantId: 'ru', term: 2021, basis: 'postponement', occurredAt: at('2020-11-20') } },
    metadata(),
  );
  await ledger.bodies.handle(
    kp,
    { type: 'AssignChair', data: { participantId: 'bw', term: 2022, basis: 'succession', occurredAt: at('2021-11-12') } },
    metadata(),
  );
  await ledger.meetings.convene(
    kp,
    {
      type: 'ConveneMeeting',
      data: { meetingId: 'is-2022', kind: 'intersessional', location: 'Kasane', opensOn: '2022-06-20', closesOn: '2022-06-24', occurredAt: at('2022-06-20') },
    },
    metadata(),
  );
  await ledger.meetings.convene(
    kp,
    {
      type: 'ConveneMeeting',
      data: { meetingId: 'pl-2022', kind: 'plenary', location: 'Gaborone', opensOn: '2022-11-07', closesOn: '2022-11-11', occurredAt: at('2022-11-07') },
    },
    metadata(),
  );
}

export const tableDefinition = (proposalId = 'p-def') => ({
  type: 'TableProposal' as const,
  data: {
    proposalId,
    kind: 'definition-amendment' as const,
    title: 'Widen the definition of conflict diamonds',
    text: 'rough diamonds used to finance conflict, including aggression by states',
    proposedBy: ['ua'],
    meetingId: 'is-2022',
    occurredAt: at('2022-06-21'),
  },
});
