import { FactReader } from '@concord/governance';
import { DecidedOn, EventStore } from '@concord/event-store';
import { Loaded, loadBody, loadBodyAt, loadMeeting, loadProposal } from './aggregate-loader';

/** A command's facts, read from the store, and the streams they came from at the revisions read. */
export interface RecordedFacts {
  readonly reader: FactReader;
  /** The body streams read, but `target`, each at the lowest revision read: what the append must find unchanged. */
  decidedOn(target: string): DecidedOn[];
}

/**
 * Only a body's stream is held to the revision read. Who may act, who chairs, who may object
 * change there, seldom, and a record decided on an old reading of them breaks a rule. A meeting's
 * stream moves with every statement of a sitting, and a proposal's with every support: holding a
 * decision to their revision would refuse it again and again while the sitting goes on, for
 * changes (a statement, a support) that decide nothing about it.
 */
const BODY_STREAM = 'body-';

/**
 * The facts one attempt of a command is judged with, as the store holds them now (through the
 * command side's cache), noting each stream read: the append is refused if another writer moved
 * one of them meanwhile (a suspension recorded between the read and the append), and the command
 * is decided again on what the store then holds.
 */
export function readFacts(store: EventStore): RecordedFacts {
  const revisions = new Map<string, number>();
  const noted = <S>(loaded: Loaded<S>): S => {
    const earlier = revisions.get(loaded.stream);
    revisions.set(loaded.stream, earlier === undefined ? loaded.revision : Math.min(earlier, loaded.revision));
    return loaded.state;
  };
  return {
    reader: {
      body: async (bodyId) => noted(await loadBody(store, bodyId)),
      bodyAt: async (bodyId, moment) => noted(await loadBodyAt(store, bodyId, moment)),
      meeting: async (meetingId) => noted(await loadMeeting(store, meetingId)),
      proposal: async (proposalId) => noted(await loadProposal(store, proposalId)),
    },
    decidedOn: (target) =>
      [...revisions].filter(([stream]) => stream !== target && stream.startsWith(BODY_STREAM)).map(([stream, revision]) => ({ stream, revision })),
  };
}
