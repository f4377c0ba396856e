import { LayeredMap } from '../shared/layered-map';
import { ChairBasis, MemberRole, ParticipantKind } from './body-events';

export type MemberStatus = 'active' | 'suspended' | 'withdrawn';

export interface Member {
  readonly id: string;
  readonly role: MemberRole;
  readonly name: string;
  readonly kind: ParticipantKind | null;
  readonly status: MemberStatus;
  /** When it was (last) admitted, in world time. */
  readonly admittedAt: string;
  /**
   * When its status last changed (admitted, suspended, reinstated, withdrew), in world time: a
   * member's own records are entered in the order they happened, since the body as it stands now
   * reads them in the order they were recorded.
   */
  readonly statusSince: string;
  /**
   * The latest office given to it (in world time) since it was last admitted, if any: a suspension
   * or withdrawal cannot be dated before it, since the office found the member an active
   * participant on its date. A corrected office reads as given to the member it names.
   */
  readonly latestOffice?: OfficeGiven;
}

/** An office as given to a member: which, for which term, and on what date. */
export interface OfficeGiven {
  readonly type: 'ChairAssigned' | 'ViceChairSelected';
  readonly term: number;
  readonly occurredAt: string;
}

export interface ChairTerm {
  readonly participantId: string;
  readonly basis: ChairBasis;
}

export type BodyState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'established';
      readonly bodyId: string;
      readonly name: string;
      readonly establishedAt: string;
      /** Layered, so that a fold sets a member without copying every other one. */
      readonly members: LayeredMap<string, Member>;
      readonly chairs: LayeredMap<number, ChairTerm>;
      readonly viceChairs: LayeredMap<number, string>;
    };

export type EstablishedBody = Extract<BodyState, { status: 'established' }>;

export const initialBodyState: BodyState = { status: 'unknown' };

/** A participant that may table, support, object or take office: admitted and not suspended. */
export function isActiveParticipant(body: EstablishedBody, memberId: string): boolean {
  const member = body.members.get(memberId);
  return member?.role === 'participant' && member.status === 'active';
}
