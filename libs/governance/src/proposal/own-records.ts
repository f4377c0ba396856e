import { ObjectionRaised, ObjectionWithdrawn, SupportExpressed } from './proposal-events';

/** The records a participant makes on a proposal of its own accord: each changes what its next one may be. */
export type OwnRecord = SupportExpressed | ObjectionRaised | ObjectionWithdrawn;

/** How a message names each of a participant's own records: "ru's withdrawal of its objection". */
export const OWN_RECORD_NAMES: Record<OwnRecord['type'], string> = {
  SupportExpressed: 'support',
  ObjectionRaised: 'objection',
  ObjectionWithdrawn: 'withdrawal of its objection',
};

export function isOwnRecord(event: { readonly type: string }): event is OwnRecord {
  return Object.hasOwn(OWN_RECORD_NAMES, event.type);
}
