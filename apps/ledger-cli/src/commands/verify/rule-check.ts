import { EventStore, isStoreUnavailable, readAllReadable } from '@concord/event-store';
import { ConsensusPolicy } from '@concord/governance';
import { eventShapeProblem } from '@concord/governance/schemas';
import { Progress } from '../../progress';
import { ImportRules } from '../import-rules';
import { AuditProblem } from './log-audit';

const PAGE = 1000;

/**
 * The first event of the store's log that the ledger's rules refuse, decided again in position
 * order as `concord import` decides an export (a decision by a participant who is not the Chair,
 * over a standing objection, on a closed proposal). A row written into the store by hand can have
 * every field its schema asks for and still be such an event: the hashes and signatures vouch for
 * what was stored, not for whether the ledger would have recorded it. The check stops at the first
 * one: what follows it would be judged on a history the ledger never had.
 */
export async function firstRuleBroken(store: EventStore, head: number, policy: ConsensusPolicy): Promise<AuditProblem | undefined> {
  const rules = new ImportRules(policy);
  const progress = new Progress('verify --rules', head);
  try {
    for (let after = 0; after < head;) {
      const { events: page, unreadable: unread } = await readAllReadable(store, after, Math.min(PAGE, head - after));
      const unreadable = unread && undecidable(`the event at position ${unread.position}`, unread.position, new Error(unread.reason));
      for (const { position, stream, streamRevision, eventId, type, schemaVersion, data, metadata } of page) {
        // What makes it no record at all is said as such (plain verify's event-invalid), not as the rules' failure to read it.
        const shapeProblem = eventShapeProblem({ stream, eventId, type, schemaVersion, data, metadata });
        if (shapeProblem !== undefined) return undecidable(`the event at position ${position}`, position, new Error(shapeProblem));
        let refusal: string | undefined;
        try {
          refusal = await rules.check({ position, stream, streamRevision, event: { eventId, type, schemaVersion, data, metadata } });
        } catch (error) {
          if (isStoreUnavailable(error)) throw error;
          return undecidable(`the event at position ${position}`, position, error);
        }
        if (refusal !== undefined)
          return {
            kind: 'rule-broken',
            position,
            message: `the ledger would not have recorded the event at position ${position}: ${refusal} (a row written into the store by hand, or recorded under CONCORD_SUSPENDED_OBJECTIONS_BLOCK set otherwise than now)`,
          };
      }
      if (unreadable !== undefined) return unreadable;
      if (page.length === 0) return undefined;
      progress.advance(page.length);
      after = page.at(-1)?.position ?? head;
    }
    return undefined;
  } finally {
    progress.finish();
  }
}

/** An event the rules cannot decide, since it cannot be read as a record: none the ledger would have recorded. */
function undecidable(which: string, position: number | undefined, error: unknown): AuditProblem {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    kind: 'rule-broken',
    ...(position === undefined ? {} : { position }),
    message: `the rules cannot decide ${which}: it cannot be read as a record the ledger writes (${reason}); nothing after it was decided`,
  };
}
