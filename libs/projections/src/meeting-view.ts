import { AppendOnlyList, MeetingEvent, MeetingKind } from '@concord/governance';

export interface StatementView {
  readonly eventId: string;
  readonly speakerId: string;
  readonly speakerRole: 'participant' | 'observer';
  readonly proposalId: string | null;
  readonly summary: string;
  readonly occurredAt: string;
}

export type CommuniqueView = { adopted: true; text: string; occurredAt: string } | { adopted: false; reason: string; occurredAt: string };

export interface MeetingView {
  readonly meetingId: string;
  readonly bodyId: string;
  readonly kind: MeetingKind;
  readonly location: string;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly status: 'open' | 'closed';
  readonly closedAt: string | null;
  readonly communique: CommuniqueView | null;
  readonly statements: readonly StatementView[];
}

/** The meeting as its fold keeps it: its statements appended to without a copy each (a meeting may hear tens of thousands). */
export interface FoldedMeeting extends Omit<MeetingView, 'statements'> {
  readonly statements: AppendOnlyList<StatementView>;
}

/** The meeting as the secretariat reads it back; `undefined` until it is convened. */
export function evolveMeetingView(view: FoldedMeeting | undefined, event: MeetingEvent, eventId: string): FoldedMeeting | undefined {
  if (event.type === 'MeetingConvened') {
    const { meetingId, bodyId, kind, location, opensOn, closesOn } = event.data;
    return { meetingId, bodyId, kind, location, opensOn, closesOn, status: 'open', closedAt: null, communique: null, statements: AppendOnlyList.empty() };
  }
  if (!view) return view;
  switch (event.type) {
    case 'StatementRecorded': {
      const { speakerId, speakerRole, proposalId, summary, occurredAt } = event.data;
      return { ...view, statements: view.statements.append({ eventId, speakerId, speakerRole, proposalId, summary, occurredAt }) };
    }
    case 'CommuniqueAdopted':
      return { ...view, communique: { adopted: true, text: event.data.text, occurredAt: event.data.occurredAt } };
    case 'CommuniqueNotAdopted':
      return { ...view, communique: { adopted: false, reason: event.data.reason, occurredAt: event.data.occurredAt } };
    case 'MeetingClosed':
      return { ...view, status: 'closed', closedAt: event.data.occurredAt };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
