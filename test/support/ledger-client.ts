import type { BodyView, ChairTermView, MeetingAtPoint, ProposalView } from '../../libs/projections/src/read-models';
import { HttpAnswer, LedgerHarness, RequestOptions } from './ledger-harness';

/** The answer to every recorded command. */
export interface Created {
  readonly eventIds: string[];
  readonly stream: string;
  readonly streamRevision: number;
  readonly position: number;
}

export type { BodyView, ChairTermView, MeetingAtPoint, ProposalView };

let counter = 0;

/** Meeting and proposal ids are global to the ledger: every test takes fresh ones. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Status first, with the body alongside, so that a failure shows what the ledger said. */
function expectStatus(answer: HttpAnswer, status: number): void {
  expect({ status: answer.status, body: answer.body }).toMatchObject({ status });
}

/** A 201 with the command answer, and `ETag` carrying its stream revision. */
export function expectCreated(answer: HttpAnswer): Created {
  expectStatus(answer, 201);
  const created = answer.body as unknown as Created;
  expect(created).toEqual({
    eventIds: [expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)],
    stream: expect.any(String),
    streamRevision: expect.any(Number),
    position: expect.any(Number),
  });
  expect(answer.headers.get('etag')).toBe(`"${created.streamRevision}"`);
  return created;
}

export async function record(ledger: LedgerHarness, path: string, body: unknown, options: RequestOptions = {}): Promise<Created> {
  return expectCreated(await ledger.post(path, body, options));
}

export async function read<T>(ledger: LedgerHarness, path: string, options: RequestOptions = {}): Promise<T> {
  const answer = await ledger.get(path, options);
  expectStatus(answer, 200);
  return answer.body as unknown as T;
}

export const readBody = (ledger: LedgerHarness, bodyId: string): Promise<BodyView> => read<BodyView>(ledger, `/v1/bodies/${bodyId}`);
export const readChairs = async (ledger: LedgerHarness, bodyId: string): Promise<ChairTermView[]> =>
  (await read<{ chairs: ChairTermView[] }>(ledger, `/v1/bodies/${bodyId}/chairs`)).chairs;
export const readProposal = (ledger: LedgerHarness, proposalId: string): Promise<ProposalView> => read<ProposalView>(ledger, `/v1/proposals/${proposalId}`);
export const readMeeting = (ledger: LedgerHarness, meetingId: string): Promise<MeetingAtPoint> => read<MeetingAtPoint>(ledger, `/v1/meetings/${meetingId}`);

export async function readProposalIds(ledger: LedgerHarness, bodyId: string, status?: string): Promise<string[]> {
  const query = status === undefined ? '' : `?status=${status}`;
  return (await read<{ proposals: ProposalView[] }>(ledger, `/v1/bodies/${bodyId}/proposals${query}`)).proposals.map((proposal) => proposal.proposalId);
}

/** The store's head position: it moves if and only if something was recorded. */
export async function headPosition(ledger: LedgerHarness): Promise<number> {
  return (await read<{ headPosition: number }>(ledger, '/health', { role: null })).headPosition;
}
