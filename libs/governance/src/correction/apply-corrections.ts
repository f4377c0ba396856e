import { GovernanceEvent } from '../events';
import { CorrectionRecorded } from './correction-events';

export interface IdentifiedEvent {
  readonly eventId: string;
  readonly event: GovernanceEvent;
}

/**
 * An event as it reads once a correction's values replace the fields it names. A decision whose
 * `outcome` is corrected reads as the other type: consensus declared, or no consensus recorded with
 * the blocking participants the correction carries.
 */
export function withCorrection(event: GovernanceEvent, corrections: CorrectionRecorded['data']['corrections']): GovernanceEvent {
  const { outcome, ...fields } = corrections;
  const data = { ...event.data, ...fields };
  if (outcome === undefined || (event.type !== 'ConsensusDeclared' && event.type !== 'NoConsensusRecorded')) return { ...event, data } as GovernanceEvent;
  if (outcome === 'consensus') {
    const { blockingParticipants: _dropped, ...declared } = data as typeof data & { blockingParticipants?: unknown };
    return { type: 'ConsensusDeclared', data: declared } as GovernanceEvent;
  }
  return { type: 'NoConsensusRecorded', data } as GovernanceEvent;
}

/**
 * A stream's events as they read now: every correction merged, in order, into the event it names,
 * and the corrections themselves set aside. Deciders and read models both fold this, so a corrected
 * date counts for the rules exactly as it shows in the answers.
 */
export function applyCorrections(events: readonly IdentifiedEvent[]): IdentifiedEvent[] {
  const corrected = new Map<string, CorrectionRecorded['data']['corrections']>();
  for (const { event } of events) {
    if (event.type !== 'CorrectionRecorded') continue;
    const { correctsEventId, corrections } = event.data;
    corrected.set(correctsEventId, { ...(corrected.get(correctsEventId) ?? {}), ...corrections });
  }
  return events.flatMap(({ eventId, event }) => {
    if (event.type === 'CorrectionRecorded') return [];
    const corrections = corrected.get(eventId);
    return [{ eventId, event: corrections ? withCorrection(event, corrections) : event }];
  });
}
