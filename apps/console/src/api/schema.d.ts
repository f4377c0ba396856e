// Generated from /openapi.json by openapi-typescript: do not edit (UPDATE_DOCS=1 npx jest test/openapi-answers).
export interface paths {
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every key: the environment's and those issued, with role, when created and by whom, last used, revoked */
        get: operations["KeysController_list"];
        put?: never;
        /** Issue a named key; the answer carries the key itself, shown this once (only its digest is kept) */
        post: operations["KeysController_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an issued key: refused from the next request on, on every instance; revoking again changes nothing */
        delete: operations["KeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The key this request is sent with: its id, holder and role, and whether it may record; never the key itself */
        get: operations["MeController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/checkpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The latest checkpoint, byte for byte as signed: origin, tree size, base64 root hash, a blank line, the signature lines
         * @description Save it: any later checkpoint can be proven to extend it (`GET /v1/audit/proofs/consistency`).
         */
        get: operations["AuditController_checkpoint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Checkpoints of at least `fromSize` events, smallest first: size, root, note, key and when signed */
        get: operations["AuditController_list"];
        put?: never;
        /** Sign a checkpoint of the log as it is now (if it grew since the latest) and return it */
        post: operations["AuditController_sign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every key that signed checkpoints, in Go's note verifier format and as PEM, with when it signed */
        get: operations["AuditController_keys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/proofs/inclusion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFC 9162 inclusion proof of the event at `position` in the tree of `treeSize` events (default: the latest checkpoint) */
        get: operations["AuditController_inclusion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/proofs/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFC 9162 consistency proof: the tree of `to` events keeps the tree of `from` events unchanged */
        get: operations["AuditController_consistency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The store answers, with its head position; needs no key (503 store-unavailable when it does not, or failed a request within the last 60 s) */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers requests; asks nothing of the store */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the store answers and the read models have caught up with it; 503 not-ready while shutting down, 503 store-unavailable when the store does not answer or failed a request within the last 10 s */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics: requests by route and status, durations, events appended, head and read-side positions, SSE subscribers, webhooks and their backlog; needs no key */
        get: operations["MetricsController_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bodies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bodies established by the point, in the order they were recorded, a page at a time */
        get: operations["BodyListController_bodies"];
        put?: never;
        /** Establish a body with the definition in force (BodyEstablished) */
        post: operations["BodiesController_establish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bodies/{bodyId}/participants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Admit a participant (ParticipantAdmitted) */
        post: operations["BodiesController_admitParticipant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bodies/{bodyId}/observers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Admit an observer (ObserverAdmitted) */
        post: operations["BodiesController_admitObserver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bodies/{bodyId}/participants/{participantId}/suspension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend a participant (ParticipantSuspended) */
        post: operations["BodiesController_suspend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bodies/{bodyId}/participants/{participantId}/reinstatement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reinstate a suspended participant (ParticipantReinstated) */
        post: operations["BodiesController_reinstate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bodies/{bodyId}/members/{memberId}/withdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that a participant or observer withdrew (MemberWithdrew) */
        post: operations["BodiesController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bodies/{bodyId}/vice-chair": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Select the Vice-Chair of a term (ViceChairSelected) */
        post: operations["BodiesController_selectViceChair"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bodies/{bodyId}/chair": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign the Chair of a term, with its basis (ChairAssigned) */
        post: operations["BodiesController_assignChair"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bodies/{bodyId}/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The body's meetings convened by the point, in the order they were recorded, a page at a time */
        get: operations["BodyQueriesController_meetings"];
        put?: never;
        /** Convene a meeting of the body (MeetingConvened) */
        post: operations["BodiesController_convene"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bodies/{bodyId}/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The body's proposals with their consensus status, in the order tabled, optionally filtered by status or searched, a page at a time */
        get: operations["BodyQueriesController_proposals"];
        put?: never;
        /** Table a proposal (DefinitionAmendmentProposed or ProposalTabled) */
        post: operations["BodiesController_table"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bodies/{bodyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The body: participants and observers with their status, the current term's offices, the definition in force */
        get: operations["BodyQueriesController_body"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bodies/{bodyId}/chairs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every term with its Chair, Vice-Chair and the Chair's basis */
        get: operations["BodyQueriesController_chairs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bodies/{bodyId}/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statements made at the body's meetings, optionally those a search finds, a page at a time */
        get: operations["BodyQueriesController_statements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bodies/{bodyId}/definition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The definition in force and every earlier version, with the amendment that changed it and the dates it was in force */
        get: operations["BodyQueriesController_definition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bodies/{bodyId}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Membership changes, offices and decisions over a period of world time, oldest first, a page at a time */
        get: operations["BodyQueriesController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings/{meetingId}/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The statements made at the meeting, in the order recorded (in world time, in the order they occurred), optionally those a search finds, a page at a time */
        get: operations["MeetingsController_statements"];
        put?: never;
        /** Record a statement by a participant or observer (StatementRecorded) */
        post: operations["MeetingsController_statement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings/{meetingId}/communique": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record whether a communiqué was adopted (CommuniqueAdopted / CommuniqueNotAdopted) */
        post: operations["MeetingsController_communique"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings/{meetingId}/closure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the meeting (MeetingClosed) */
        post: operations["MeetingsController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/meetings/{meetingId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The meeting: kind, dates, communiqué, whether it is closed, the proposals tabled, deferred to or decided at it, and its first 50 statements with how many there are (nextStatementsCursor reads on) */
        get: operations["MeetingsController_meeting"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{proposalId}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revise the proposal's text (ProposalRevised); support given to the old text lapses */
        post: operations["ProposalsController_revise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{proposalId}/support": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a participant's support for the current revision (SupportExpressed) */
        post: operations["ProposalsController_support"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{proposalId}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a participant's formal objection (ObjectionRaised); observers are refused */
        post: operations["ProposalsController_object"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{proposalId}/objections/{participantId}/withdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that a participant withdrew its standing objection (ObjectionWithdrawn) */
        post: operations["ProposalsController_withdrawObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{proposalId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the Chair's declaration: consensus (ConsensusDeclared) or none (NoConsensusRecorded) */
        post: operations["ProposalsController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{proposalId}/deferral": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Defer the proposal, optionally to a named meeting (ProposalDeferred); it stays open */
        post: operations["ProposalsController_defer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{proposalId}/withdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw the proposal (ProposalWithdrawn) */
        post: operations["ProposalsController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{proposalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The proposal's consensus status: who supports, who objects, who blocks, whether consensus is possible */
        get: operations["ProposalsController_proposal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{proposalId}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The proposal's timeline: each record with both times, its actor, what it changed in the consensus status, and its corrections beside it */
        get: operations["ProposalsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct a recorded event, named by eventId or by stream and revision (CorrectionRecorded); the original stays in the log */
        post: operations["CorrectionsController_correct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The global log as CloudEvents, in position order
         * @description Pass `next` as `after` to read the following page, and `nextEventId` as `afterEventId` to have the ledger check that the event there is still the one you read (`409 feed-position-rewritten` after its log was rolled back to an older copy and written on: events you processed after that point are not in it, and those recorded since lie at positions you passed). `next` moves past the events the filters leave out, so they are never read again. A page scans at most 10,000 events, so a sparse filter may answer fewer than `limit` with `next` below `headPosition`: keep reading while `next < headPosition`.
         */
        get: operations["EventsController_page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-Sent Events: catch up from a position, then follow live
         * @description Each message: `id: <position>` (with `ids=position-and-event`, `id: <position>:<event id>`), `data: <CloudEvent>`. Reconnect with `Last-Event-ID` to resume exactly after the last event received; an id that names its event is checked first (`409 feed-position-rewritten` where the log was rolled back to an older copy and written on since). A comment heartbeat comes at least every 15 s; on a filtered stream that read past events it left out, an `event: progress` message with `id: <position>` instead, to resume after. A client that falls more than the buffer behind receives `event: overflow` naming its last delivered position and is disconnected.
         */
        get: operations["EventsController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This key's webhooks and where each one's delivery stands */
        get: operations["WebhooksController_list"];
        put?: never;
        /** Register a webhook; the answer carries its signing secret, shown this once */
        post: operations["WebhooksController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook: status, deliveredThrough, lastError, lastAttemptAt, nextAttemptAt */
        get: operations["WebhooksController_get"];
        put?: never;
        post?: never;
        /** Stop and forget a webhook */
        delete: operations["WebhooksController_delete"];
        options?: never;
        head?: never;
        /** Change its target, selection or note; where its delivery stands is kept */
        patch: operations["WebhooksController_update"];
        trace?: never;
    };
    "/v1/webhooks/{webhookId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new signing secret, shown this once; the one it replaces signs beside it for previousValidForSeconds */
        post: operations["WebhooksController_rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{webhookId}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The webhook's latest delivery attempts and pings, newest first
         * @description Each POST the ledger made to the webhook's target: what it sent, when, how long the receiver took, its status and the error. The latest 100 are kept. Pass `next` as `before` for older ones.
         */
        get: operations["WebhooksController_attempts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{webhookId}/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the webhook a signed test message now and answer how the receiver took it
         * @description Whatever the webhook's status; its delivery state is untouched. The answer is the attempt, kept among the others: a receiver that refuses it still answers 200 here, with `delivered: false`, its `status` and `error`.
         */
        post: operations["WebhooksController_ping"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{webhookId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver again from a position; the webhook becomes active */
        post: operations["WebhooksController_replay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{webhookId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop deliveries until resumed (the receiver is down for maintenance); where delivery stands is kept */
        post: operations["WebhooksController_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{webhookId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused or disabled webhook from where it stopped */
        post: operations["WebhooksController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every webhook, whatever key registered it (ownerKeyId), and where its delivery stands */
        get: operations["AdminWebhooksController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a webhook, whatever key registered it: nothing more is delivered to it */
        delete: operations["AdminWebhooksController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schemas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event type and schema version whose data schema is published; needs no key */
        get: operations["SchemasController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schemas/CloudEvent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The JSON Schema of the CloudEvents envelope every event leaves the ledger in, `data` left open; needs no key */
        get: operations["SchemasController_cloudEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schemas/{type}/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The JSON Schema (draft-07) of the data of one event type at one schema version (`v1`, `v2` ...), exactly as the ledger validates it; needs no key */
        get: operations["SchemasController_eventSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/asyncapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The AsyncAPI 3.0 document of the event stream (SSE) and webhook deliveries; needs no key */
        get: operations["AsyncApiController_asyncApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        IssueKeyDto: {
            /**
             * @description Who will hold the key, e.g. a clerk's full name: every event it records names them as its actor. Unique among keys not revoked.
             * @example Amina Okafor
             */
            name: string;
            /**
             * @description What the key may do: secretariat records, auditor and integrator read (integrators also manage their webhooks), admin manages keys.
             * @example secretariat
             * @enum {string}
             */
            role: "secretariat" | "auditor" | "integrator" | "admin";
        };
        EstablishBodyDto: {
            /**
             * @description When it happened in the world (ISO 8601 date or date-time); never in the future.
             * @example 2022-06-21T10:30:00Z
             */
            occurredAt: string;
            /**
             * @description The body's id, chosen once and never reused.
             * @example kimberley-process
             */
            bodyId: string;
            /**
             * @description The body's name.
             * @example Kimberley Process
             */
            name: string;
            /**
             * @description The definition in force when the body is established (e.g. of conflict diamonds).
             * @example Rough diamonds used by rebel movements or their allies to finance conflict aimed at undermining legitimate governments
             */
            definition: string;
        };
        AdmitParticipantDto: {
            /**
             * @description When it happened in the world (ISO 8601 date or date-time); never in the future.
             * @example 2022-06-21T10:30:00Z
             */
            occurredAt: string;
            /**
             * @description The participant's id (e.g. ru, eu).
             * @example ru
             */
            participantId: string;
            /**
             * @description The participant's name.
             * @example Russian Federation
             */
            name: string;
            /** @enum {string} */
            kind: "state" | "regional-organisation";
        };
        AdmitObserverDto: {
            /**
             * @description When it happened in the world (ISO 8601 date or date-time); never in the future.
             * @example 2022-06-21T10:30:00Z
             */
            occurredAt: string;
            /**
             * @description The observer's id (e.g. csc, wdc).
             * @example csc
             */
            observerId: string;
            /**
             * @description The observer's name.
             * @example KP Civil Society Coalition
             */
            name: string;
        };
        SuspendParticipantDto: {
            /**
             * @description When it happened in the world (ISO 8601 date or date-time); never in the future.
             * @example 2022-06-21T10:30:00Z
             */
            occurredAt: string;
            /**
             * @description Why the participant is suspended (or suspends itself).
             * @example Suspended itself pending review of its exports.
             */
            reason: string;
        };
        OccurredAtDto: {
            /**
             * @description When it happened in the world (ISO 8601 date or date-time); never in the future.
             * @example 2022-06-21T10:30:00Z
             */
            occurredAt: string;
        };
        SelectViceChairDto: {
            /**
             * @description When it happened in the world (ISO 8601 date or date-time); never in the future.
             * @example 2022-06-21T10:30:00Z
             */
            occurredAt: string;
            /**
             * @description The participant selected as Vice-Chair.
             * @example zw
             */
            participantId: string;
            /**
             * @description The calendar year of the Vice-Chair's term: the year of occurredAt or one of the two after it.
             * @example 2021
             */
            term: number;
        };
        AssignChairDto: {
            /**
             * @description When it happened in the world (ISO 8601 date or date-time); never in the future.
             * @example 2022-06-21T10:30:00Z
             */
            occurredAt: string;
            /**
             * @description The participant assigned as Chair.
             * @example bw
             */
            participantId: string;
            /**
             * @description The calendar year of the Chair's term: the year of occurredAt or one of the two after it.
             * @example 2021
             */
            term: number;
            /**
             * @description Why this participant chairs: succession only for the previous term's Vice-Chair.
             * @enum {string}
             */
            basis: "succession" | "election" | "postponement" | "custodial";
        };
        ConveneMeetingDto: {
            /**
             * @description When it happened in the world (ISO 8601 date or date-time); never in the future.
             * @example 2022-06-21T10:30:00Z
             */
            occurredAt: string;
            /**
             * @description The meeting's id.
             * @example kasane-2022
             */
            meetingId: string;
            /** @enum {string} */
            kind: "plenary" | "intersessional" | "special" | "written-procedure";
            /**
             * @description Where the meeting takes place (or "written procedure").
             * @example Kasane, Botswana
             */
            location: string;
            /**
             * @description The first day of the meeting.
             * @example 2022-06-20
             */
            opensOn: string;
            /**
             * @description The last day of the meeting (for a written procedure: the deadline).
             * @example 2022-06-20
             */
            closesOn: string;
        };
        TableProposalDto: {
            /**
             * @description When it happened in the world (ISO 8601 date or date-time); never in the future.
             * @example 2022-06-21T10:30:00Z
             */
            occurredAt: string;
            /**
             * @description The proposal's id.
             * @example ukraine-war-2022
             */
            proposalId: string;
            /**
             * @description `definition-amendment` records DefinitionAmendmentProposed; the others ProposalTabled.
             * @enum {string}
             */
            kind: "definition-amendment" | "administrative-decision" | "admission" | "agenda-item" | "other";
            /**
             * @description A short title.
             * @example Discuss the war in Ukraine
             */
            title: string;
            /**
             * @description The text proposed; for a definition amendment, the whole definition as it would read.
             * @example The KP discusses how rough diamonds finance the war in Ukraine.
             */
            text: string;
            /**
             * @description The participants tabling it.
             * @example [
             *       "ua",
             *       "eu"
             *     ]
             */
            proposedBy: string[];
            /**
             * @description The meeting at which it was tabled, if any.
             * @example kasane-2022
             */
            meetingId?: string;
        };
        RecordStatementDto: {
            /**
             * @description When it happened in the world (ISO 8601 date or date-time); never in the future.
             * @example 2022-06-21T10:30:00Z
             */
            occurredAt: string;
            /**
             * @description The participant or observer who spoke.
             * @example ua
             */
            speakerId: string;
            /**
             * @description The proposal the statement is about, if any.
             * @example ukraine-war-2022
             */
            proposalId?: string;
            /**
             * @description What was said, as the secretariat records it.
             * @example Ukraine asks the KP to discuss how rough diamonds finance the war.
             */
            summary: string;
        };
        RecordCommuniqueDto: {
            /**
             * @description When it happened in the world (ISO 8601 date or date-time); never in the future.
             * @example 2022-06-21T10:30:00Z
             */
            occurredAt: string;
            /**
             * @description Whether the meeting adopted a communiqué.
             * @example false
             */
            adopted: boolean;
            /**
             * @description The communiqué's text; required when adopted, refused otherwise.
             * @example The plenary welcomed the admission of …
             */
            text?: string;
            /**
             * @description Why no communiqué was adopted; required when not adopted, refused otherwise.
             * @example No consensus on the war in Ukraine.
             */
            reason?: string;
        };
        ReviseProposalDto: {
            /**
             * @description When it happened in the world (ISO 8601 date or date-time); never in the future.
             * @example 2022-06-21T10:30:00Z
             */
            occurredAt: string;
            /**
             * @description The revised text, in full.
             * @example The KP discusses how rough diamonds finance the war in Ukraine and its neighbours.
             */
            text: string;
        };
        ExpressSupportDto: {
            /**
             * @description When it happened in the world (ISO 8601 date or date-time); never in the future.
             * @example 2022-06-21T10:30:00Z
             */
            occurredAt: string;
            /**
             * @description The participant expressing support.
             * @example eu
             */
            participantId: string;
            /**
             * @description The revision the participant supports, as the clerk read it; refused as stale-revision when the text has been revised since.
             * @example 2
             */
            revision?: number;
        };
        RaiseObjectionDto: {
            /**
             * @description When it happened in the world (ISO 8601 date or date-time); never in the future.
             * @example 2022-06-21T10:30:00Z
             */
            occurredAt: string;
            /**
             * @description The participant raising the objection; only a participant can block consensus.
             * @example ru
             */
            participantId: string;
            /**
             * @description The grounds of the objection.
             * @example an attempt to politicize the KP
             */
            grounds: string;
            /**
             * @description The revision objected to, as the clerk read it; refused as stale-revision when the text has been revised since.
             * @example 2
             */
            revision?: number;
        };
        DeclareOutcomeDto: {
            /**
             * @description When it happened in the world (ISO 8601 date or date-time); never in the future.
             * @example 2022-06-21T10:30:00Z
             */
            occurredAt: string;
            /** @enum {string} */
            outcome: "consensus" | "no-consensus";
            /**
             * @description The Chair (or the Vice-Chair acting for it) of the term the decision falls in.
             * @example bw
             */
            declaredBy: string;
            /**
             * @description The meeting (or written procedure) at which the outcome was declared.
             * @example gaborone-2022
             */
            meetingId: string;
            /**
             * @description The revision decided on; refused as stale-revision when no longer current.
             * @example 2
             */
            revision?: number;
        };
        DeferProposalDto: {
            /**
             * @description When it happened in the world (ISO 8601 date or date-time); never in the future.
             * @example 2022-06-21T10:30:00Z
             */
            occurredAt: string;
            /**
             * @description The meeting the proposal is deferred to, if known.
             * @example gaborone-2022
             */
            toMeetingId?: string;
        };
        WithdrawProposalDto: {
            /**
             * @description When it happened in the world (ISO 8601 date or date-time); never in the future.
             * @example 2022-06-21T10:30:00Z
             */
            occurredAt: string;
            /**
             * @description Why the proposal is withdrawn.
             * @example Superseded by the plenary agenda.
             */
            reason: string;
            /**
             * @description The proposers who withdraw it, each one of the proposal's `proposedBy` (else 422 not-a-proposer). Leave it out when who withdrew it is not recorded: the event then says `withdrawnBy: null`.
             * @example [
             *       "ua"
             *     ]
             */
            withdrawnBy?: string[];
        };
        RecordCorrectionDto: {
            /**
             * @description When it happened in the world (ISO 8601 date or date-time); never in the future.
             * @example 2022-06-21T10:30:00Z
             */
            occurredAt: string;
            /**
             * Format: uuid
             * @description The eventId of the record being corrected; or give correctsStream and correctsRevision.
             * @example 0190c5e0-7a1b-7c3d-9e4f-5a6b7c8d9e0f
             */
            correctsEventId?: string;
            /**
             * @description The stream of the record being corrected, as a history shows it (with correctsRevision, instead of correctsEventId).
             * @example body-kimberley-process
             */
            correctsStream?: string;
            /**
             * @description The record's revision in that stream (its streamRevision, from 0).
             * @example 3
             */
            correctsRevision?: number;
            /**
             * @description Why the record is corrected.
             * @example The minutes record American spelling; it was keyed as British.
             */
            reason: string;
            /**
             * @description The corrected field values, e.g. {"grounds": "..."}; descriptive fields of each event type, and who holds an office and on what basis (see the CorrectionRecorded schema).
             * @example {
             *       "grounds": "Corrected wording of the objection"
             *     }
             */
            corrections: {
                [key: string]: unknown;
            };
        };
        RegisterWebhookDto: {
            /**
             * @description Where events are POSTed: http or https, no credentials; private addresses are refused unless the ledger allows them.
             * @example https://registry.example.org/concord-events
             */
            url: string;
            /**
             * @description Only these event types; all types when absent or null.
             * @example [
             *       "ObjectionRaised",
             *       "ConsensusDeclared",
             *       "NoConsensusRecorded"
             *     ]
             */
            types?: ("BodyEstablished" | "ParticipantAdmitted" | "ObserverAdmitted" | "ParticipantSuspended" | "ParticipantReinstated" | "MemberWithdrew" | "ViceChairSelected" | "ChairAssigned" | "MeetingConvened" | "StatementRecorded" | "CommuniqueAdopted" | "CommuniqueNotAdopted" | "MeetingClosed" | "DefinitionAmendmentProposed" | "ProposalTabled" | "ProposalRevised" | "SupportExpressed" | "ObjectionRaised" | "ObjectionWithdrawn" | "ConsensusDeclared" | "NoConsensusRecorded" | "ProposalDeferred" | "ProposalWithdrawn" | "CorrectionRecorded")[] | null;
            /**
             * @description Only the events of this body; every body when absent or null.
             * @example kp
             */
            bodyId?: string | null;
            /**
             * @description Deliver the events after this global position; by default the head at registration, so only new events.
             * @example 0
             */
            after?: number;
            /**
             * @description A note for the integrator's own use.
             * @example Decisions for the KP newsletter
             */
            description?: string | null;
        };
        UpdateWebhookDto: {
            /**
             * @description A new target, checked as at registration. On an active webhook the failures counted so far are cleared and the next event is tried at once.
             * @example https://registry.example.org/concord-events-v2
             */
            url?: string;
            /**
             * @description Only these event types from the next event not yet acknowledged on; null for all.
             * @example [
             *       "ConsensusDeclared",
             *       "NoConsensusRecorded"
             *     ]
             */
            types?: ("BodyEstablished" | "ParticipantAdmitted" | "ObserverAdmitted" | "ParticipantSuspended" | "ParticipantReinstated" | "MemberWithdrew" | "ViceChairSelected" | "ChairAssigned" | "MeetingConvened" | "StatementRecorded" | "CommuniqueAdopted" | "CommuniqueNotAdopted" | "MeetingClosed" | "DefinitionAmendmentProposed" | "ProposalTabled" | "ProposalRevised" | "SupportExpressed" | "ObjectionRaised" | "ObjectionWithdrawn" | "ConsensusDeclared" | "NoConsensusRecorded" | "ProposalDeferred" | "ProposalWithdrawn" | "CorrectionRecorded")[] | null;
            /**
             * @description Only the events of this body from the next event not yet acknowledged on; null for every body.
             * @example kp
             */
            bodyId?: string | null;
            /**
             * @description A note for the integrator's own use; null removes it.
             * @example Decisions for the KP newsletter
             */
            description?: string | null;
        };
        RotateWebhookSecretDto: {
            /**
             * @description How long the secret replaced goes on signing every delivery beside the new one (a second `v1,` signature), so the receiver can switch without refusing any; 0 stops every earlier secret at once (one that leaked). 86400 (a day) when left out.
             * @example 86400
             */
            previousValidForSeconds?: number;
        };
        ReplayWebhookDto: {
            /**
             * @description Deliver again every selected event from this global position on (inclusive).
             * @example 1
             */
            from: number;
        };
        /** @description RFC 9457 problem details; `code` is stable and catalogued in docs/errors.md. */
        Problem: {
            /** Format: uri */
            type: string;
            title: string;
            status: number;
            /** @enum {string} */
            code: "already-a-member" | "body-already-established" | "body-not-found" | "chair-term-taken" | "checkpoint-not-found" | "communique-already-recorded" | "concurrency-conflict" | "correction-not-applicable" | "cors-origin-refused" | "custodial-without-previous-chair" | "event-not-found" | "feed-position-rewritten" | "forbidden" | "headers-too-large" | "holds-other-office" | "idempotency-key-reused" | "internal-error" | "key-name-taken" | "key-not-found" | "key-not-revocable" | "log-inconsistent" | "log-unreadable" | "meeting-already-convened" | "meeting-closed" | "meeting-not-found" | "meeting-of-another-body" | "method-not-allowed" | "not-a-member" | "not-a-participant" | "not-a-proposer" | "not-ready" | "not-the-chair" | "objection-already-standing" | "objection-not-standing" | "objections-standing" | "observer-cannot-object" | "occurred-in-future" | "occurred-out-of-order" | "office-term-out-of-range" | "participant-not-suspended" | "participant-suspended" | "payload-too-large" | "position-beyond-tree" | "position-not-found" | "precondition-failed" | "proposal-already-exists" | "proposal-closed" | "proposal-not-found" | "proposal-of-another-body" | "rate-limited" | "request-timeout" | "request-too-complex" | "revision-unchanged" | "route-not-found" | "schema-not-found" | "signing-key-superseded" | "stale-revision" | "store-unavailable" | "succession-without-vice-chair" | "support-already-expressed" | "tree-size-not-signed" | "unauthorized" | "unsupported-media-type" | "validation-failed" | "vice-chair-term-taken" | "webhook-not-found" | "webhook-replay-ahead" | "webhook-url-refused";
            detail: string;
            instance: string;
            /** @description For validation-failed: each failing field and why. */
            errors?: {
                field?: string;
                messages?: string[];
            }[];
            /** @description For method-not-allowed: the methods the path answers, as the `Allow` header names them. */
            allowed?: string[];
        };
        /** @description A recorded command: the events written (or, for a replayed retry, first written) and where. */
        CommandAnswer: components["schemas"]["CommandResponse"];
        CommandResponse: {
            eventIds: string[];
            stream: string;
            streamRevision: number;
            position: number;
        };
        BodyListAnswer: {
            bodies: components["schemas"]["BodySummaryView"][];
            nextCursor: string | null;
            position: number;
            asOf?: string;
            effectiveAt?: string;
        };
        /** @description The fields an answer carries to say which point it describes. */
        PointFields: {
            position: number;
            asOf?: string;
            effectiveAt?: string;
        };
        /** @description A body as a list of bodies shows it; the body query answers the rest. */
        BodySummaryView: {
            bodyId: string;
            name: string;
            establishedAt: string;
            participants: number;
            observers: number;
            streamRevision: number;
        };
        BodyAnswer: {
            position: number;
            asOf?: string;
            effectiveAt?: string;
            bodyId: string;
            name: string;
            establishedAt: string;
            participants: {
                participantId: string;
                name: string;
                kind: string | null;
                status: string;
            }[];
            observers: {
                observerId: string;
                name: string;
                status: string;
            }[];
            /** @description The term of the point asked about (a calendar year), with whoever was recorded for it. */
            currentTerm: components["schemas"]["ChairTermView"];
            /** @description The latest term with a Chair or Vice-Chair recorded by the point, which may be earlier or later than `currentTerm`; null when none is. */
            latestRecordedTerm: components["schemas"]["ChairTermView"] | null;
            definition: components["schemas"]["DefinitionVersionView"];
            streamRevision: number;
        };
        BodyView: {
            bodyId: string;
            name: string;
            establishedAt: string;
            participants: {
                participantId: string;
                name: string;
                kind: string | null;
                status: string;
            }[];
            observers: {
                observerId: string;
                name: string;
                status: string;
            }[];
            /** @description The term of the point asked about (a calendar year), with whoever was recorded for it. */
            currentTerm: components["schemas"]["ChairTermView"];
            /** @description The latest term with a Chair or Vice-Chair recorded by the point, which may be earlier or later than `currentTerm`; null when none is. */
            latestRecordedTerm: components["schemas"]["ChairTermView"] | null;
            definition: components["schemas"]["DefinitionVersionView"];
            streamRevision: number;
        };
        ChairTermView: {
            term: number;
            chair: string | null;
            viceChair: string | null;
            basis: string | null;
        };
        DefinitionVersionView: {
            text: string;
            effectiveFrom: string;
            proposalId: string | null;
        };
        BodyChairsAnswer: {
            chairs: components["schemas"]["ChairTermView"][];
            position: number;
            asOf?: string;
            effectiveAt?: string;
            bodyId: string;
        };
        BodyProposalsAnswer: {
            proposals: components["schemas"]["ProposalView"][];
            nextCursor: string | null;
            position: number;
            asOf?: string;
            effectiveAt?: string;
            bodyId: string;
        };
        /** @description A proposal's facts and its consensus status, as the proposal query answers them. */
        ProposalView: {
            status: components["schemas"]["ProposalStatus"];
            revision: number;
            supporters: string[];
            standingObjections: {
                participantId: string;
                grounds: string;
                since: string;
            }[];
            blockingParticipants: string[];
            consensusPossible: boolean;
            proposalId: string;
            bodyId: string;
            kind: components["schemas"]["ProposalKind"];
            title: string;
            text: string;
            proposedBy: string[];
            meetingId: string | null;
            deferredTo: string | null;
            decision: {
                /** @enum {string} */
                outcome: "consensus" | "no-consensus";
                declaredBy: string;
                declaredAs: string;
                meetingId: string;
                occurredAt: string;
                /** @description The participants recorded as blocking when no consensus was found; empty on consensus. */
                blockedBy: string[];
            } | null;
            /** @description Why and by whom it was withdrawn, once withdrawn; `withdrawnBy` is null when the record does not say who. */
            withdrawal: components["schemas"]["ProposalWithdrawal"] | null;
            /** @description The proposal stream's revision, to send back in `If-Match`. */
            streamRevision: number;
        };
        ConsensusStatus: {
            status: components["schemas"]["ProposalStatus"];
            revision: number;
            supporters: string[];
            standingObjections: {
                participantId: string;
                grounds: string;
                since: string;
            }[];
            blockingParticipants: string[];
            consensusPossible: boolean;
        };
        /** @enum {string} */
        ProposalStatus: "open" | "adopted" | "not-adopted" | "withdrawn";
        /** @enum {string} */
        ProposalKind: "definition-amendment" | "administrative-decision" | "admission" | "agenda-item" | "other";
        ProposalWithdrawal: {
            reason: string;
            /** @description The proposers who withdrew it, sorted; null when the record does not say who. */
            withdrawnBy: string[] | null;
            occurredAt: string;
        };
        BodyMeetingsAnswer: {
            meetings: components["schemas"]["MeetingSummaryView"][];
            nextCursor: string | null;
            position: number;
            asOf?: string;
            effectiveAt?: string;
            bodyId: string;
        };
        /** @description A meeting as the list of a body's meetings shows it; the meeting query answers the rest. */
        MeetingSummaryView: {
            meetingId: string;
            kind: components["schemas"]["MeetingKind"];
            location: string;
            opensOn: string;
            closesOn: string;
            /** @enum {string} */
            status: "open" | "closed";
            closedAt: string | null;
            /** @enum {string|null} */
            communique: "adopted" | "not-adopted" | null;
            statements: number;
            streamRevision: number;
        };
        /** @enum {string} */
        MeetingKind: "plenary" | "intersessional" | "special" | "written-procedure";
        BodyStatementsAnswer: {
            statements: components["schemas"]["BodyStatementView"][];
            nextCursor: string | null;
            position: number;
            asOf?: string;
            effectiveAt?: string;
            bodyId: string;
        };
        /** @description A statement as a body-wide list shows it: the meeting it was made at beside what `StatementView` says. */
        BodyStatementView: {
            eventId: string;
            speakerId: string;
            /** @enum {string} */
            speakerRole: "participant" | "observer";
            proposalId: string | null;
            summary: string;
            occurredAt: string;
            meetingId: string;
        };
        StatementView: {
            eventId: string;
            speakerId: string;
            /** @enum {string} */
            speakerRole: "participant" | "observer";
            proposalId: string | null;
            summary: string;
            occurredAt: string;
        };
        BodyDefinitionAnswer: {
            inForce: components["schemas"]["DefinitionVersionView"];
            versions: components["schemas"]["DefinitionVersion"][];
            position: number;
            asOf?: string;
            effectiveAt?: string;
            bodyId: string;
        };
        DefinitionVersion: {
            version: number;
            text: string;
            effectiveFrom: string;
            /** @description When the next version took over; `null` for the definition in force. */
            effectiveUntil: string | null;
            /** @description The adopted amendment that made this the definition; `null` for the definition as established. */
            amendedBy: {
                proposalId: string;
                title: string;
                meetingId: string;
                declaredBy: string;
            } | null;
        };
        BodyHistoryAnswer: {
            from: string | null;
            to: string;
            entries: components["schemas"]["HistoryEntry"][];
            nextCursor: string | null;
            position: number;
            asOf?: string;
            effectiveAt?: string;
            bodyId: string;
        };
        /** @description One recorded event as auditors read it: as recorded, and beside it every correction that applies. */
        HistoryEntry: {
            position: number;
            stream: string;
            streamRevision: number;
            eventId: string;
            type: string;
            /** @description The version `data` is served at: the current one, since stored events of older versions are read upcast. */
            schemaVersion: number;
            /** @description World time as it reads at the point (a correction may have moved it). */
            occurredAt: string;
            recordedAt: string;
            actor: components["schemas"]["Actor"];
            /** @description The data as recorded, before any correction (upcast to the current version, like every read). */
            data: {
                [key: string]: unknown;
            };
            /** @description The data with the corrections below applied; `null` when nothing corrects it. */
            correctedData: {
                [key: string]: unknown;
            } | null;
            /** @description The type the event reads as once corrected, where a correction changed it (a decision's outcome: `ConsensusDeclared` read as `NoConsensusRecorded`, or back); `null` where it reads as recorded. */
            correctedType: string | null;
            corrections: components["schemas"]["CorrectionNote"][];
        };
        /**
         * @description The store port: the only thing the ledger asks of a store. Every adapter (in-memory, SQLite, PostgreSQL, EventStoreDB) passes the one contract suite in `contract/event-store.contract.ts`.
         *
         *     Numbering is the same on every adapter:
         *     - a stream revision is the 0-based index of an event in its stream (the first event is 0);
         *     - a global position is a 1-based integer, assigned at commit, ascending without gaps;
         *     - the head position of an empty store is 0, so "read after 0" reads everything.
         */
        Actor: {
            id: string;
            role: string;
            /** @description The key holder's name, when the key was issued to a named person; absent for the environment's keys. */
            name?: string;
        };
        CorrectionNote: {
            eventId: string;
            position: number;
            occurredAt: string;
            recordedAt: string;
            actor: components["schemas"]["Actor"];
            reason: string;
            corrections: {
                [key: string]: components["schemas"]["CorrectedValue"];
            };
        };
        /** @description A corrected value; a list only where the ledger works one out (a decision's blocking participants). */
        CorrectedValue: string | number | boolean | null | string[];
        MeetingAnswer: {
            /** @description Reads on from the statements shown (`GET /v1/meetings/:meetingId/statements?cursor=`); null when all are shown. */
            nextStatementsCursor: string | null;
            position: number;
            asOf?: string;
            effectiveAt?: string;
            /** @description How many statements were made at the meeting by the point; `statements` holds the first of them. */
            statementCount: number;
            proposals: components["schemas"]["MeetingProposalView"][];
            streamRevision: number;
            meetingId: string;
            bodyId: string;
            kind: components["schemas"]["MeetingKind"];
            location: string;
            opensOn: string;
            closesOn: string;
            /** @enum {string} */
            status: "open" | "closed";
            closedAt: string | null;
            communique: components["schemas"]["CommuniqueView"] | null;
            statements: components["schemas"]["StatementView"][];
        };
        /** @description The meeting as its query answers it: its statements only the first of them (a meeting may hear tens of thousands; `statementsOfMeeting` reads on), with how many there are. */
        MeetingAtPoint: {
            /** @description How many statements were made at the meeting by the point; `statements` holds the first of them. */
            statementCount: number;
            proposals: components["schemas"]["MeetingProposalView"][];
            streamRevision: number;
            meetingId: string;
            bodyId: string;
            kind: components["schemas"]["MeetingKind"];
            location: string;
            opensOn: string;
            closesOn: string;
            /** @enum {string} */
            status: "open" | "closed";
            closedAt: string | null;
            communique: components["schemas"]["CommuniqueView"] | null;
            statements: components["schemas"]["StatementView"][];
        };
        MeetingView: {
            meetingId: string;
            bodyId: string;
            kind: components["schemas"]["MeetingKind"];
            location: string;
            opensOn: string;
            closesOn: string;
            /** @enum {string} */
            status: "open" | "closed";
            closedAt: string | null;
            communique: components["schemas"]["CommuniqueView"] | null;
            statements: components["schemas"]["StatementView"][];
        };
        CommuniqueView: {
            /** @constant */
            adopted: true;
            text: string;
            occurredAt: string;
        } | {
            /** @constant */
            adopted: false;
            reason: string;
            occurredAt: string;
        };
        /** @description A proposal as a meeting lists it: what was done with it there. */
        MeetingProposalView: {
            proposalId: string;
            title: string;
            status: components["schemas"]["ProposalStatus"];
            /** @description Tabled at this meeting. */
            tabledHere: boolean;
            /** @description Its latest deferral named this meeting. */
            deferredHere: boolean;
            /** @description Decided (consensus or no consensus) at this meeting. */
            decidedHere: boolean;
        };
        MeetingStatementsAnswer: {
            statements: components["schemas"]["StatementView"][];
            nextCursor: string | null;
            position: number;
            asOf?: string;
            effectiveAt?: string;
            meetingId: string;
        };
        ProposalAnswer: {
            position: number;
            asOf?: string;
            effectiveAt?: string;
            status: components["schemas"]["ProposalStatus"];
            revision: number;
            supporters: string[];
            standingObjections: {
                participantId: string;
                grounds: string;
                since: string;
            }[];
            blockingParticipants: string[];
            consensusPossible: boolean;
            proposalId: string;
            bodyId: string;
            kind: components["schemas"]["ProposalKind"];
            title: string;
            text: string;
            proposedBy: string[];
            meetingId: string | null;
            deferredTo: string | null;
            decision: {
                /** @enum {string} */
                outcome: "consensus" | "no-consensus";
                declaredBy: string;
                declaredAs: string;
                meetingId: string;
                occurredAt: string;
                /** @description The participants recorded as blocking when no consensus was found; empty on consensus. */
                blockedBy: string[];
            } | null;
            /** @description Why and by whom it was withdrawn, once withdrawn; `withdrawnBy` is null when the record does not say who. */
            withdrawal: components["schemas"]["ProposalWithdrawal"] | null;
            /** @description The proposal stream's revision, to send back in `If-Match`. */
            streamRevision: number;
        };
        ProposalHistoryAnswer: {
            position: number;
            asOf?: string;
            effectiveAt?: string;
            proposalId: string;
            entries: components["schemas"]["ProposalHistoryEntry"][];
        };
        ProposalHistoryEntry: {
            position: number;
            stream: string;
            streamRevision: number;
            eventId: string;
            type: string;
            /** @description The version `data` is served at: the current one, since stored events of older versions are read upcast. */
            schemaVersion: number;
            /** @description World time as it reads at the point (a correction may have moved it). */
            occurredAt: string;
            recordedAt: string;
            actor: components["schemas"]["Actor"];
            /** @description The data as recorded, before any correction (upcast to the current version, like every read). */
            data: {
                [key: string]: unknown;
            };
            /** @description The data with the corrections below applied; `null` when nothing corrects it. */
            correctedData: {
                [key: string]: unknown;
            } | null;
            /** @description The type the event reads as once corrected, where a correction changed it (a decision's outcome: `ConsensusDeclared` read as `NoConsensusRecorded`, or back); `null` where it reads as recorded. */
            correctedType: string | null;
            corrections: components["schemas"]["CorrectionNote"][];
            /** @description The consensus status once this entry was recorded. */
            consensus: components["schemas"]["ConsensusSnapshot"];
            /** @description Each consensus field this entry changed, from its value before. */
            changes: {
                [key: string]: {
                    from: unknown;
                    to: unknown;
                };
            };
        };
        ConsensusSnapshot: {
            status: components["schemas"]["ProposalStatus"];
            revision: number;
            supporters: string[];
            standingObjections: {
                participantId: string;
                grounds: string;
                since: string;
            }[];
            blockingParticipants: string[];
            consensusPossible: boolean;
        };
        EventPageAnswer: components["schemas"]["FeedPage"];
        FeedPage: {
            events: components["schemas"]["LedgerCloudEvent"][];
            /** @description Pass as `after` for the next page: past every event read, the ones filtered out included. */
            next: number;
            /** @description The id of the event at `next`, null at position 0: pass it as `afterEventId` with `after` to have the ledger check, before it answers, that the event there is still the one this page read. */
            nextEventId: string | null;
            headPosition: number;
        };
        /** @description The one envelope in which an event leaves the ledger (feed, SSE, webhooks): a CloudEvents 1.0 structured-mode JSON object. `data` is always at the current schema version of its type, and `type` names that version, so a consumer never sees an old shape. */
        LedgerCloudEvent: {
            /** @constant */
            specversion: "1.0";
            id: string;
            source: string;
            type: string;
            subject: string;
            time: string;
            /** @constant */
            datacontenttype: "application/json";
            dataschema: string;
            /** @description The global position zero-padded to 20 digits, so that it sorts as a string. */
            sequence: string;
            position: number;
            recordedat: string;
            bodyid: string;
            actor: string;
            /** @description Present when the key was issued to a named holder. */
            actorname?: string;
            correlationid: string;
            causationid: string | null;
            data: {
                [key: string]: unknown;
            };
        };
        WebhookAnswer: components["schemas"]["WebhookView"];
        /** @description What a webhook answer shows: everything but the secrets and, of the previous secrets still signing, when each stops. */
        WebhookView: {
            previousSecretsExpireAt: string[];
            webhookId: string;
            /** @description The id of the integrator key that registered it: only that key sees and manages it. */
            ownerKeyId: string;
            url: string;
            types: string[] | null;
            bodyId: string | null;
            description: string | null;
            createdAt: string;
            status: components["schemas"]["WebhookStatus"];
            /** @description Every selected event up to this global position was acknowledged with a 2xx (or filtered out). */
            deliveredThrough: number;
            consecutiveFailures: number;
            lastError: string | null;
            lastAttemptAt: string | null;
            nextAttemptAt: string | null;
            lastDeliveredAt: string | null;
        };
        /** @enum {string} */
        WebhookStatus: "active" | "paused" | "disabled";
        RegisteredWebhookAnswer: components["schemas"]["RegisteredWebhook"];
        RegisteredWebhook: {
            secret: string;
            previousSecretsExpireAt: string[];
            webhookId: string;
            /** @description The id of the integrator key that registered it: only that key sees and manages it. */
            ownerKeyId: string;
            url: string;
            types: string[] | null;
            bodyId: string | null;
            description: string | null;
            createdAt: string;
            status: components["schemas"]["WebhookStatus"];
            /** @description Every selected event up to this global position was acknowledged with a 2xx (or filtered out). */
            deliveredThrough: number;
            consecutiveFailures: number;
            lastError: string | null;
            lastAttemptAt: string | null;
            nextAttemptAt: string | null;
            lastDeliveredAt: string | null;
        };
        WebhookListAnswer: {
            webhooks: components["schemas"]["WebhookView"][];
        };
        WebhookAttemptAnswer: components["schemas"]["WebhookAttempt"];
        /** @description An attempt as stored: numbered in the order recorded, which pages of the log follow. */
        WebhookAttempt: {
            webhookId: string;
            /** @description `event`: a delivery of the log's event; `ping`: a test message asked for by the integrator. */
            kind: components["schemas"]["WebhookAttemptKind"];
            /** @description The `webhook-id` header sent: the event's id, the same on every attempt of that event. */
            messageId: string;
            /** @description The event's position in the log; null for a ping. */
            position: number | null;
            /** @description The CloudEvent `type` sent. */
            type: string;
            url: string;
            startedAt: string;
            durationMs: number;
            /** @description The receiver's status, when it answered. */
            status: number | null;
            /** @description A 2xx: the receiver acknowledged it. */
            delivered: boolean;
            /** @description Why it failed, as `lastError` says it; null when delivered. */
            error: string | null;
            attemptId: number;
        };
        /** @description One POST to a webhook's target, as it was made and answered. */
        WebhookAttemptRecord: {
            webhookId: string;
            /** @description `event`: a delivery of the log's event; `ping`: a test message asked for by the integrator. */
            kind: components["schemas"]["WebhookAttemptKind"];
            /** @description The `webhook-id` header sent: the event's id, the same on every attempt of that event. */
            messageId: string;
            /** @description The event's position in the log; null for a ping. */
            position: number | null;
            /** @description The CloudEvent `type` sent. */
            type: string;
            url: string;
            startedAt: string;
            durationMs: number;
            /** @description The receiver's status, when it answered. */
            status: number | null;
            /** @description A 2xx: the receiver acknowledged it. */
            delivered: boolean;
            /** @description Why it failed, as `lastError` says it; null when delivered. */
            error: string | null;
        };
        /** @enum {string} */
        WebhookAttemptKind: "event" | "ping";
        WebhookAttemptListAnswer: components["schemas"]["WebhookAttemptPage"];
        /** @description One page of a webhook's attempts, newest first; `next` is the `before` of the page after it, null at the oldest kept. */
        WebhookAttemptPage: {
            attempts: components["schemas"]["WebhookAttempt"][];
            next: number | null;
        };
        KeyAnswer: components["schemas"]["KeyView"];
        /** @description A key as `GET /v1/keys` shows it: never the key, nor its digest. */
        KeyView: {
            keyId: string;
            /** @description The holder's name; null for a key set by the environment. */
            name: string | null;
            role: components["schemas"]["Role"];
            /**
             * @description `issued` through the API, or set by `environment` (`CONCORD_API_KEYS` or the generated file), which the API cannot revoke.
             * @enum {string}
             */
            source: "issued" | "environment";
            createdAt: string | null;
            createdBy: string | null;
            /** @description To the minute: a key's use is written down at most once a minute per process. */
            lastUsedAt: string | null;
            revokedAt: string | null;
            revokedBy: string | null;
        };
        /** @enum {string} */
        Role: "secretariat" | "auditor" | "integrator" | "admin";
        NewKeyAnswer: components["schemas"]["NewKey"];
        NewKey: {
            keyId: string;
            /** @description The holder's name; null for a key set by the environment. */
            name: string | null;
            role: components["schemas"]["Role"];
            /**
             * @description `issued` through the API, or set by `environment` (`CONCORD_API_KEYS` or the generated file), which the API cannot revoke.
             * @enum {string}
             */
            source: "issued" | "environment";
            createdAt: string | null;
            createdBy: string | null;
            /** @description To the minute: a key's use is written down at most once a minute per process. */
            lastUsedAt: string | null;
            revokedAt: string | null;
            revokedBy: string | null;
            /** @description The key itself, shown this once: only its digest is kept. */
            key: string;
        };
        KeyListAnswer: {
            keys: components["schemas"]["KeyView"][];
        };
        CallerAnswer: {
            mayRecord: boolean;
            keyId: string;
            /** @description The holder's name; null for a key set by the environment. */
            name: string | null;
            role: components["schemas"]["Role"];
        };
        CheckpointAnswer: components["schemas"]["CheckpointView"];
        CheckpointView: {
            treeSize: number;
            rootHash: string;
            note: string;
            keyName: string;
            signedAt: string;
        };
        CheckpointListAnswer: {
            checkpoints: components["schemas"]["CheckpointView"][];
        };
        SigningKeysAnswer: {
            keys: components["schemas"]["PublishedKey"][];
        };
        /** @description A key that signed checkpoints, published so that its checkpoints stay verifiable after rotation. */
        PublishedKey: {
            name: string;
            /** @description Go's `note` verifier format: `<name>+<hex key hash>+<base64(0x01 || public key)>`. */
            verifierKey: string;
            publicKeyPem: string;
            from: string;
            /** @description When the next key took over; null while it signs. */
            until: string | null;
        };
        InclusionProofAnswer: components["schemas"]["InclusionProofView"];
        InclusionProofView: {
            position: number;
            leafIndex: number;
            treeSize: number;
            /** @description The exact string hashed into the leaf: the event as stored, as RFC 8785 canonical JSON. */
            entry: string;
            leafHash: string;
            auditPath: string[];
        };
        ConsistencyProofAnswer: components["schemas"]["ConsistencyProofView"];
        ConsistencyProofView: {
            from: number;
            to: number;
            proof: string[];
        };
        HealthAnswer: {
            /** @constant */
            status: "ok";
            headPosition: number;
        };
        ReadinessAnswer: {
            /** @constant */
            status: "ready";
            headPosition: number;
            readPosition: number;
        };
        SchemaListAnswer: {
            schemas: components["schemas"]["PublishedSchema"][];
        };
        /** @description One event version whose `data` schema the API serves, as `GET /v1/schemas` lists it. */
        PublishedSchema: {
            type: string;
            version: number;
            /** @description New events of the type are written at this version, and every envelope carries it. */
            current: boolean;
            /** @description Where the schema is served: the `dataschema` of the envelopes of this version. */
            url: string;
            cloudEventType: string;
        };
        LivenessAnswer: {
            /** @constant */
            status: "live";
        };
    };
    responses: {
        /** @description `method-not-allowed`: the path does not answer this method. Answered before any key is asked for. */
        MethodNotAllowed: {
            headers: {
                /** @description The methods the path answers, comma-separated: those the document lists for it, and HEAD wherever GET. */
                Allow?: string;
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": {
                    /** @enum {integer} */
                    status?: 405;
                    /** @enum {string} */
                    code?: "method-not-allowed";
                } & WithRequired<components["schemas"]["Problem"], "allowed">;
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The request's id, in every answer and in every log line of the request: the client's own `X-Request-Id` when it sent a plain token, else a new one. */
        "X-Request-Id": string;
        /** @description The stream's revision (a quoted integer): after a recorded command, or of a body, meeting or proposal read now (not at a past point, where it is absent). Send it as `If-Match` with the next command so that it is refused (412) if anything was recorded on the stream meanwhile. */
        ETag: string;
        /** @description `true` when the command was recorded before under the same `Idempotency-Key` and this is that first answer again; absent otherwise. */
        "Idempotent-Replayed": "true";
        /** @description Seconds to wait before sending again. */
        "Retry-After": number;
        /** @description The scheme to authenticate with: `Bearer realm="concord-ledger"`. */
        "WWW-Authenticate": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    KeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every key, without the keys themselves */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyListAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    KeysController_issue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueKeyDto"];
            };
        };
        responses: {
            /** @description Issued; the key is shown this once */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewKeyAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    KeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    MeController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key the request was sent with, never the key itself */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallerAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AuditController_checkpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The latest signed checkpoint, byte-exact */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                limit?: number;
                fromSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Earlier checkpoints */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckpointListAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AuditController_sign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A checkpoint signed now (or the latest, when nothing is new) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckpointAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AuditController_keys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every key that signed checkpoints */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningKeysAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AuditController_inclusion: {
        parameters: {
            query: {
                treeSize?: number;
                position: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An inclusion proof (RFC 9162) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InclusionProofAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AuditController_consistency: {
        parameters: {
            query: {
                to: number;
                /** @description The size of the checkpoint saved; 0 is the empty tree a new ledger signs first, a prefix of every tree, whose proof is empty */
                from: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A consistency proof (RFC 9162) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsistencyProofAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The store answers */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthAnswer"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process answers */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LivenessAnswer"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessAnswer"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    MetricsController_scrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    BodyListController_bodies: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description nextCursor of the previous page; the page is read at the same point as the first, whatever was recorded since */
                cursor?: string;
                /** @description Recorded time: the answer as the ledger gave it then; late entries recorded afterwards are invisible. A date alone means the end of that UTC day. */
                asOf?: string;
                /** @description World time: the state of affairs then, from every record stored so far that occurred by then, late entries included. */
                effectiveAt?: string;
                /** @description The ledger exactly as it was right after the event at this global position. */
                atPosition?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of bodies */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BodyListAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BodiesController_establish: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EstablishBodyDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BodiesController_admitParticipant: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path: {
                bodyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdmitParticipantDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BodiesController_admitObserver: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path: {
                bodyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdmitObserverDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BodiesController_suspend: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path: {
                bodyId: string;
                participantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuspendParticipantDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BodiesController_reinstate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path: {
                bodyId: string;
                participantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OccurredAtDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BodiesController_withdraw: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path: {
                bodyId: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OccurredAtDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BodiesController_selectViceChair: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path: {
                bodyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SelectViceChairDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BodiesController_assignChair: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path: {
                bodyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignChairDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BodyQueriesController_meetings: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description nextCursor of the previous page; the page is read at the same point as the first, whatever was recorded since */
                cursor?: string;
                /** @description Recorded time: the answer as the ledger gave it then; late entries recorded afterwards are invisible. A date alone means the end of that UTC day. */
                asOf?: string;
                /** @description World time: the state of affairs then, from every record stored so far that occurred by then, late entries included. */
                effectiveAt?: string;
                /** @description The ledger exactly as it was right after the event at this global position. */
                atPosition?: number;
            };
            header?: never;
            path: {
                bodyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the body's meetings */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BodyMeetingsAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BodiesController_convene: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path: {
                bodyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConveneMeetingDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BodyQueriesController_proposals: {
        parameters: {
            query?: {
                /** @description Only those whose title and text hold every word of q, in any order, as a word or part of one, ignoring case, accents and the punctuation of q */
                q?: string;
                status?: "open" | "adopted" | "not-adopted" | "withdrawn";
                /** @description Items per page */
                limit?: number;
                /** @description nextCursor of the previous page; the page is read at the same point as the first, whatever was recorded since */
                cursor?: string;
                /** @description Recorded time: the answer as the ledger gave it then; late entries recorded afterwards are invisible. A date alone means the end of that UTC day. */
                asOf?: string;
                /** @description World time: the state of affairs then, from every record stored so far that occurred by then, late entries included. */
                effectiveAt?: string;
                /** @description The ledger exactly as it was right after the event at this global position. */
                atPosition?: number;
            };
            header?: never;
            path: {
                bodyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the body's proposals */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BodyProposalsAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BodiesController_table: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path: {
                bodyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TableProposalDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BodyQueriesController_body: {
        parameters: {
            query?: {
                /** @description Recorded time: the answer as the ledger gave it then; late entries recorded afterwards are invisible. A date alone means the end of that UTC day. */
                asOf?: string;
                /** @description World time: the state of affairs then, from every record stored so far that occurred by then, late entries included. */
                effectiveAt?: string;
                /** @description The ledger exactly as it was right after the event at this global position. */
                atPosition?: number;
            };
            header?: never;
            path: {
                bodyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The body at the point */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BodyAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BodyQueriesController_chairs: {
        parameters: {
            query?: {
                /** @description Recorded time: the answer as the ledger gave it then; late entries recorded afterwards are invisible. A date alone means the end of that UTC day. */
                asOf?: string;
                /** @description World time: the state of affairs then, from every record stored so far that occurred by then, late entries included. */
                effectiveAt?: string;
                /** @description The ledger exactly as it was right after the event at this global position. */
                atPosition?: number;
            };
            header?: never;
            path: {
                bodyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every term with its offices */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BodyChairsAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BodyQueriesController_statements: {
        parameters: {
            query?: {
                /** @description Only those whose summary hold every word of q, in any order, as a word or part of one, ignoring case, accents and the punctuation of q */
                q?: string;
                /** @description Items per page */
                limit?: number;
                /** @description nextCursor of the previous page; the page is read at the same point as the first, whatever was recorded since */
                cursor?: string;
                /** @description Recorded time: the answer as the ledger gave it then; late entries recorded afterwards are invisible. A date alone means the end of that UTC day. */
                asOf?: string;
                /** @description World time: the state of affairs then, from every record stored so far that occurred by then, late entries included. */
                effectiveAt?: string;
                /** @description The ledger exactly as it was right after the event at this global position. */
                atPosition?: number;
            };
            header?: never;
            path: {
                bodyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of statements at the body's meetings */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BodyStatementsAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BodyQueriesController_definition: {
        parameters: {
            query?: {
                /** @description Recorded time: the answer as the ledger gave it then; late entries recorded afterwards are invisible. A date alone means the end of that UTC day. */
                asOf?: string;
                /** @description World time: the state of affairs then, from every record stored so far that occurred by then, late entries included. */
                effectiveAt?: string;
                /** @description The ledger exactly as it was right after the event at this global position. */
                atPosition?: number;
            };
            header?: never;
            path: {
                bodyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The definition in force and its versions */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BodyDefinitionAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BodyQueriesController_history: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page; the page is read at the same point as the first, whatever was recorded since */
                cursor?: unknown;
                /** @description Entries per page, 1 to 500 (default 100) */
                limit?: unknown;
                /** @description End of the period (a date ends at 23:59:59.999 UTC); default the moment of effectiveAt, else the latest moment a record held at the point may be dated: 14 hours after asOf, the recorded time of atPosition, or now (a day begun at UTC+14) */
                to?: unknown;
                /** @description Start of the period (a date starts at 00:00 UTC) */
                from?: unknown;
                /** @description Recorded time: the answer as the ledger gave it then; late entries recorded afterwards are invisible. A date alone means the end of that UTC day. */
                asOf?: string;
                /** @description World time: the state of affairs then, from every record stored so far that occurred by then, late entries included. */
                effectiveAt?: string;
                /** @description The ledger exactly as it was right after the event at this global position. */
                atPosition?: number;
            };
            header?: never;
            path: {
                bodyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the body's history */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BodyHistoryAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    MeetingsController_statements: {
        parameters: {
            query?: {
                /** @description Only those whose summary hold every word of q, in any order, as a word or part of one, ignoring case, accents and the punctuation of q */
                q?: string;
                /** @description Items per page */
                limit?: number;
                /** @description nextCursor of the previous page; the page is read at the same point as the first, whatever was recorded since */
                cursor?: string;
                /** @description Recorded time: the answer as the ledger gave it then; late entries recorded afterwards are invisible. A date alone means the end of that UTC day. */
                asOf?: string;
                /** @description World time: the state of affairs then, from every record stored so far that occurred by then, late entries included. */
                effectiveAt?: string;
                /** @description The ledger exactly as it was right after the event at this global position. */
                atPosition?: number;
            };
            header?: never;
            path: {
                meetingId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the statements made at the meeting */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeetingStatementsAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    MeetingsController_statement: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path: {
                meetingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordStatementDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    MeetingsController_communique: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path: {
                meetingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordCommuniqueDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    MeetingsController_close: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path: {
                meetingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OccurredAtDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    MeetingsController_meeting: {
        parameters: {
            query?: {
                /** @description Recorded time: the answer as the ledger gave it then; late entries recorded afterwards are invisible. A date alone means the end of that UTC day. */
                asOf?: string;
                /** @description World time: the state of affairs then, from every record stored so far that occurred by then, late entries included. */
                effectiveAt?: string;
                /** @description The ledger exactly as it was right after the event at this global position. */
                atPosition?: number;
            };
            header?: never;
            path: {
                meetingId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The meeting at the point */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeetingAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProposalsController_revise: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviseProposalDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProposalsController_support: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExpressSupportDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProposalsController_object: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RaiseObjectionDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProposalsController_withdrawObjection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path: {
                proposalId: string;
                participantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OccurredAtDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProposalsController_decide: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclareOutcomeDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProposalsController_defer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeferProposalDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProposalsController_withdraw: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawProposalDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProposalsController_proposal: {
        parameters: {
            query?: {
                /** @description Recorded time: the answer as the ledger gave it then; late entries recorded afterwards are invisible. A date alone means the end of that UTC day. */
                asOf?: string;
                /** @description World time: the state of affairs then, from every record stored so far that occurred by then, late entries included. */
                effectiveAt?: string;
                /** @description The ledger exactly as it was right after the event at this global position. */
                atPosition?: number;
            };
            header?: never;
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proposal and its consensus status */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProposalsController_history: {
        parameters: {
            query?: {
                /** @description Recorded time: the answer as the ledger gave it then; late entries recorded afterwards are invisible. A date alone means the end of that UTC day. */
                asOf?: string;
                /** @description World time: the state of affairs then, from every record stored so far that occurred by then, late entries included. */
                effectiveAt?: string;
                /** @description The ledger exactly as it was right after the event at this global position. */
                atPosition?: number;
            };
            header?: never;
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proposal's timeline */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalHistoryAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CorrectionsController_correct: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request answer the first result and record nothing new; the same key with another request is 409 idempotency-key-reused. 8-128 of letters, digits, ".", "_", ":", "-". */
                "Idempotency-Key"?: string;
                /** @description A quoted stream revision ("3", or "-1" for a stream that must not exist yet): the command is refused with 412 precondition-failed if the stream has moved on. */
                "If-Match"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Correlation-Id"?: string;
                /** @description Carried into the recorded events' metadata (1-128 of letters, digits, ".", "_", ":", "-"; otherwise 400). */
                "X-Causation-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordCorrectionDto"];
            };
        };
        responses: {
            /** @description Recorded (or, for a retry with the same Idempotency-Key, recorded before: `Idempotent-Replayed: true`). `ETag` is the stream revision for the next `If-Match`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `precondition-failed` */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    EventsController_page: {
        parameters: {
            query?: {
                /** @description Only the events of this body (its own stream, its meetings and proposals) */
                bodyId?: string;
                /** @description Only these event types, comma-separated: BodyEstablished, ParticipantAdmitted, ObserverAdmitted, ParticipantSuspended, ParticipantReinstated, MemberWithdrew, ViceChairSelected, ChairAssigned, MeetingConvened, StatementRecorded, CommuniqueAdopted, CommuniqueNotAdopted, MeetingClosed, DefinitionAmendmentProposed, ProposalTabled, ProposalRevised, SupportExpressed, ObjectionRaised, ObjectionWithdrawn, ConsensusDeclared, NoConsensusRecorded, ProposalDeferred, ProposalWithdrawn, CorrectionRecorded */
                types?: string;
                limit?: number;
                /** @description The id of the event at `after`, as a page gave it (`nextEventId`): the page is refused (`409 feed-position-rewritten`) if another event is there now */
                afterEventId?: string;
                /** @description Events strictly after this global position */
                after?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the event feed, as CloudEvents */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPageAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `feed-position-rewritten` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    EventsController_stream: {
        parameters: {
            query?: {
                /** @description The id of the last event received, for clients that cannot send the `Last-Event-ID` header (`EventSource` polyfills); wins over `after`, and the header wins over it. Empty: none received */
                lastEventId?: string;
                bodyId?: string;
                /** @description Only these event types, comma-separated: BodyEstablished, ParticipantAdmitted, ObserverAdmitted, ParticipantSuspended, ParticipantReinstated, MemberWithdrew, ViceChairSelected, ChairAssigned, MeetingConvened, StatementRecorded, CommuniqueAdopted, CommuniqueNotAdopted, MeetingClosed, DefinitionAmendmentProposed, ProposalTabled, ProposalRevised, SupportExpressed, ObjectionRaised, ObjectionWithdrawn, ConsensusDeclared, NoConsensusRecorded, ProposalDeferred, ProposalWithdrawn, CorrectionRecorded */
                types?: string;
                /** @description `position-and-event`: each `id` is `<position>:<event id>`, which a reconnect sends back and the ledger checks, so a log restored from an older copy is not followed as if it were the one read */
                ids?: "position" | "position-and-event";
                /** @description The id of the event at `after`, checked before the stream opens (`409 feed-position-rewritten` if another is there now); not where `Last-Event-ID` or `lastEventId` is sent, which says where to resume instead */
                afterEventId?: string;
                after?: number;
            };
            header?: {
                /** @description The id of the last event received; wins over `lastEventId` and `after`. Empty: none received */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-sent events: each ledger event as a CloudEvent, `id` its position, or with `ids=position-and-event` `<position>:<event id>` (resume with `Last-Event-ID`) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `feed-position-rewritten` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's webhooks */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookListAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterWebhookDto"];
            };
        };
        responses: {
            /** @description Registered; the secret is shown this once */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredWebhookAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook and its delivery state */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookDto"];
            };
        };
        responses: {
            /** @description The webhook as changed, or as it was if nothing changed */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_rotateSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateWebhookSecretDto"];
            };
        };
        responses: {
            /** @description The new secret, shown this once; previousSecretsExpireAt says until when the earlier ones still sign */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredWebhookAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_attempts: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Attempts numbered below this: the `next` of the page before */
                before?: number;
            };
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the webhook's attempts, newest first */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAttemptListAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_ping: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ping as it went, whatever the receiver answered */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAttemptAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_replay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplayWebhookDto"];
            };
        };
        responses: {
            /** @description Delivery starts again from the position given */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_pause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Paused (or as it was, if not active) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_resume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Delivery resumes */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AdminWebhooksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every webhook, with the key that registered it */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookListAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AdminWebhooksController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unauthorized` */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `cors-origin-refused`, `forbidden` */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-already-established`, `concurrency-conflict`, `idempotency-key-reused`, `key-name-taken`, `log-inconsistent`, `meeting-already-convened`, `proposal-already-exists`, `signing-key-superseded` */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `payload-too-large` */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `unsupported-media-type` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `already-a-member`, `chair-term-taken`, `communique-already-recorded`, `correction-not-applicable`, `custodial-without-previous-chair`, `holds-other-office`, `key-not-revocable`, `meeting-closed`, `meeting-of-another-body`, `not-a-member`, `not-a-participant`, `not-a-proposer`, `not-the-chair`, `objection-already-standing`, `objection-not-standing`, `objections-standing`, `observer-cannot-object`, `occurred-in-future`, `occurred-out-of-order`, `office-term-out-of-range`, `participant-not-suspended`, `participant-suspended`, `proposal-closed`, `proposal-of-another-body`, `revision-unchanged`, `stale-revision`, `succession-without-vice-chair`, `support-already-expressed`, `vice-chair-term-taken`, `webhook-replay-ahead`, `webhook-url-refused` */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `not-ready`, `store-unavailable` */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SchemasController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every published schema */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchemaListAnswer"];
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SchemasController_cloudEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CloudEvents envelope schema */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/schema+json": Record<string, never>;
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SchemasController_eventSchema: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                type: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event type's data schema */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/schema+json": Record<string, never>;
                };
            };
            /** @description `request-too-complex`, `validation-failed` */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `body-not-found`, `checkpoint-not-found`, `event-not-found`, `key-not-found`, `meeting-not-found`, `position-beyond-tree`, `position-not-found`, `proposal-not-found`, `route-not-found`, `schema-not-found`, `tree-size-not-signed`, `webhook-not-found` */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `request-timeout` */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate-limited` */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `headers-too-large` */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `internal-error`, `log-unreadable` */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AsyncApiController_asyncApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The AsyncAPI 3.0 document of the event stream and webhooks */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
}
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};
