import { FactReader } from '@concord/governance';
import { EventStore } from '@concord/event-store';
import { loadBody, loadBodyAt, loadMeeting, loadProposal } from './aggregate-loader';

/** The facts a command is judged with, as the store holds them now (through the command side's cache). */
export function storeFactReader(store: EventStore): FactReader {
  return {
    body: async (bodyId) => (await loadBody(store, bodyId)).state,
    bodyAt: async (bodyId, moment) => (await loadBodyAt(store, bodyId, moment)).state,
    meeting: async (meetingId) => (await loadMeeting(store, meetingId)).state,
    proposal: async (proposalId) => (await loadProposal(store, proposalId)).state,
  };
}
