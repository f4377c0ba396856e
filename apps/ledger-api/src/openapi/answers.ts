import type { FeedPage, PublishedSchema, RegisteredWebhook, WebhookAttempt, WebhookAttemptPage, WebhookView } from '@concord/integration';
import type {
  BodyStatementView,
  BodySummaryView,
  BodyView,
  ChairTermView,
  DefinitionVersion,
  DefinitionVersionView,
  HistoryEntry,
  MeetingAtPoint,
  MeetingSummaryView,
  PointFields,
  ProposalHistoryEntry,
  StatementView,
  ProposalView,
} from '@concord/projections';
import type { CheckpointView, ConsistencyProofView, InclusionProofView, PublishedKey } from '@concord/transparency';
import type { KeyView, NewKey } from '../auth/keys/key-service';
import type { CommandResponse } from '../http/command-response';

/**
 * Every JSON success answer of the API, by name. The controllers return these very types, and the
 * OpenAPI document's success schemas are generated from them (`npm run openapi:answers` writes
 * `answer-schemas.json`; a test fails when it is out of date), so the document cannot describe an
 * answer other than the one the code gives.
 */

/** A recorded command: the events written (or, for a replayed retry, first written) and where. */
export type CommandAnswer = CommandResponse;

type OfBody<T> = { readonly bodyId: string } & PointFields & T;
type Page = { readonly nextCursor: string | null };

export type BodyListAnswer = PointFields & Page & { readonly bodies: BodySummaryView[] };
export type BodyAnswer = BodyView & PointFields;
export type BodyChairsAnswer = OfBody<{ readonly chairs: ChairTermView[] }>;
export type BodyProposalsAnswer = OfBody<Page & { readonly proposals: ProposalView[] }>;
export type BodyMeetingsAnswer = OfBody<Page & { readonly meetings: MeetingSummaryView[] }>;
export type BodyStatementsAnswer = OfBody<Page & { readonly statements: BodyStatementView[] }>;
export type BodyDefinitionAnswer = OfBody<{ readonly inForce: DefinitionVersionView; readonly versions: DefinitionVersion[] }>;
export type BodyHistoryAnswer = OfBody<Page & { readonly from: string | null; readonly to: string; readonly entries: HistoryEntry[] }>;
export type MeetingAnswer = MeetingAtPoint &
  PointFields & {
    /** Reads on from the statements shown (`GET /v1/meetings/:meetingId/statements?cursor=`); null when all are shown. */
    readonly nextStatementsCursor: string | null;
  };
export type MeetingStatementsAnswer = { readonly meetingId: string } & PointFields & Page & { readonly statements: StatementView[] };
export type ProposalAnswer = ProposalView & PointFields;
export type ProposalHistoryAnswer = { readonly proposalId: string; readonly entries: ProposalHistoryEntry[] } & PointFields;

export type EventPageAnswer = FeedPage;
export type WebhookAnswer = WebhookView;
export type RegisteredWebhookAnswer = RegisteredWebhook;
export type WebhookListAnswer = { readonly webhooks: WebhookView[] };
export type WebhookAttemptAnswer = WebhookAttempt;
export type WebhookAttemptListAnswer = WebhookAttemptPage;

export type KeyAnswer = KeyView;
export type NewKeyAnswer = NewKey;
export type KeyListAnswer = { readonly keys: KeyView[] };
export type CallerAnswer = Pick<KeyView, 'keyId' | 'name' | 'role'> & { readonly mayRecord: boolean };

export type CheckpointAnswer = CheckpointView;
export type CheckpointListAnswer = { readonly checkpoints: CheckpointView[] };
export type SigningKeysAnswer = { readonly keys: PublishedKey[] };
export type InclusionProofAnswer = InclusionProofView;
export type ConsistencyProofAnswer = ConsistencyProofView;

export type HealthAnswer = { readonly status: 'ok'; readonly headPosition: number };
export type ReadinessAnswer = { readonly status: 'ready'; readonly headPosition: number; readonly readPosition: number };
export type SchemaListAnswer = { readonly schemas: PublishedSchema[] };
export type LivenessAnswer = { readonly status: 'live' };
