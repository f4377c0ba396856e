import { LedgerHarness } from './ledger-harness';
import { Created, record, uniqueId } from './ledger-client';

/** The Kimberley Process as the secretariat would record it over HTTP (docs/domain.md). */

export const CONFLICT_DIAMONDS = 'Rough diamonds used by rebel movements or their allies to finance conflict aimed at undermining legitimate governments';
export const WIDENED_DEFINITION = `${CONFLICT_DIAMONDS}, or used to finance aggression by a state against another state`;

export const PARTICIPANTS = [
  { participantId: 'ru', name: 'Russian Federation', kind: 'state' },
  { participantId: 'by', name: 'Belarus', kind: 'state' },
  { participantId: 'ua', name: 'Ukraine', kind: 'state' },
  { participantId: 'bw', name: 'Botswana', kind: 'state' },
  { participantId: 'eu', name: 'European Union', kind: 'regional-organisation' },
  { participantId: 'ae', name: 'United Arab Emirates', kind: 'state' },
  { participantId: 'zw', name: 'Zimbabwe', kind: 'state' },
] as const;

export const OBSERVERS = [
  { observerId: 'csc', name: 'KP Civil Society Coalition' },
  { observerId: 'wdc', name: 'World Diamond Council' },
] as const;

export interface KimberleyProcess {
  readonly bodyId: string;
  /** The June 2022 intersessional in Kasane, Botswana (20-24 June). */
  readonly intersessional: string;
  /** The November 2022 plenary in Gaborone (7-11 November). */
  readonly plenary: string;
}

/** Establishes a body with the definition of conflict diamonds in force; `bodyId` defaults to a fresh id. */
export async function establishBody(ledger: LedgerHarness, bodyId = uniqueId('body'), definition = CONFLICT_DIAMONDS): Promise<string> {
  await record(ledger, '/v1/bodies', { bodyId, name: 'Kimberley Process', definition, occurredAt: '2003-01-01' });
  return bodyId;
}

export async function admitParticipant(ledger: LedgerHarness, bodyId: string, participantId: string, kind = 'state'): Promise<Created> {
  return record(ledger, `/v1/bodies/${bodyId}/participants`, { participantId, name: participantId.toUpperCase(), kind, occurredAt: '2003-01-01' });
}

export async function conveneMeeting(
  ledger: LedgerHarness,
  bodyId: string,
  fields: { kind?: string; location?: string; opensOn?: string; closesOn?: string; meetingId?: string; occurredAt?: string } = {},
): Promise<string> {
  const opensOn = fields.opensOn ?? '2022-06-20';
  const meeting = { meetingId: uniqueId('meeting'), kind: 'intersessional', location: 'Kasane', opensOn, closesOn: opensOn, occurredAt: opensOn, ...fields };
  await record(ledger, `/v1/bodies/${bodyId}/meetings`, meeting);
  return meeting.meetingId;
}

/**
 * The KP from 2003: participants ru, by, ua, bw, eu, ae, zw; observers csc and wdc; Russia Chair
 * for 2021 by postponement, Botswana Vice-Chair for 2021 and Chair for 2022 by succession; the June
 * 2022 intersessional in Kasane and the November 2022 plenary in Gaborone.
 */
export async function recordKimberleyProcess(ledger: LedgerHarness, bodyId = uniqueId('kp')): Promise<KimberleyProcess> {
  await establishBody(ledger, bodyId);
  for (const participant of PARTICIPANTS) {
    await record(ledger, `/v1/bodies/${bodyId}/participants`, { ...participant, occurredAt: '2003-01-01' });
  }
  for (const observer of OBSERVERS) {
    await record(ledger, `/v1/bodies/${bodyId}/observers`, { ...observer, occurredAt: '2003-01-01' });
  }
  await record(ledger, `/v1/bodies/${bodyId}/chair`, { participantId: 'ru', term: 2021, basis: 'postponement', occurredAt: '2021-01-01' });
  await record(ledger, `/v1/bodies/${bodyId}/vice-chair`, { participantId: 'bw', term: 2021, occurredAt: '2021-01-01' });
  await record(ledger, `/v1/bodies/${bodyId}/chair`, { participantId: 'bw', term: 2022, basis: 'succession', occurredAt: '2022-01-01' });
  const intersessional = await conveneMeeting(ledger, bodyId, { kind: 'intersessional', location: 'Kasane', opensOn: '2022-06-20', closesOn: '2022-06-24' });
  const plenary = await conveneMeeting(ledger, bodyId, { kind: 'plenary', location: 'Gaborone', opensOn: '2022-11-07', closesOn: '2022-11-11' });
  return { bodyId, intersessional, plenary };
}

export interface TableFields {
  readonly proposalId?: string;
  readonly kind?: string;
  readonly title?: string;
  readonly text?: string;
  readonly proposedBy?: string[];
  readonly meetingId?: string;
  readonly occurredAt?: string;
}

/** Tables a proposal (by default an agenda item by Ukraine on 21 June 2022) and returns its id and answer. */
export async function tableProposal(ledger: LedgerHarness, bodyId: string, fields: TableFields = {}): Promise<{ proposalId: string; created: Created }> {
  const proposalId = fields.proposalId ?? uniqueId('proposal');
  const created = await record(ledger, `/v1/bodies/${bodyId}/proposals`, {
    proposalId,
    kind: 'agenda-item',
    title: 'Discuss the war in Ukraine',
    text: 'The KP discusses whether diamonds finance the war in Ukraine.',
    proposedBy: ['ua'],
    occurredAt: '2022-06-21T09:00:00Z',
    ...fields,
  });
  return { proposalId, created };
}

export const object = (
  ledger: LedgerHarness,
  proposalId: string,
  participantId: string,
  grounds = 'an attempt to politicize the KP',
  occurredAt = '2022-06-22',
) => ledger.post(`/v1/proposals/${proposalId}/objections`, { participantId, grounds, occurredAt });

export const support = (ledger: LedgerHarness, proposalId: string, participantId: string, occurredAt = '2022-06-22') =>
  ledger.post(`/v1/proposals/${proposalId}/support`, { participantId, occurredAt });

export const decide = (
  ledger: LedgerHarness,
  proposalId: string,
  fields: { outcome: string; declaredBy?: string; meetingId: string; occurredAt?: string; revision?: number },
) => ledger.post(`/v1/proposals/${proposalId}/decision`, { declaredBy: 'bw', occurredAt: '2022-11-10', ...fields });
