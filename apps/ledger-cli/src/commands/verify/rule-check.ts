import { EventStore } from '@concord/event-store';
import { ConsensusPolicy } from '@concord/governance';
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
      const page = await store.readAll({ after, limit: Math.min(PAGE, head - after) });
      if (page.length === 0) return undefined;
      for (const { position, stream, streamRevision, eventId, type, schemaVersion, data, metadata } of page) {
        const refusal = await rules.check({ position, stream, streamRevision, event: { eventId, type, schemaVersion, data, metadata } });
        if (refusal !== undefined)
          return {
            kind: 'rule-broken',
            position,
            message: `the ledger would not have recorded the event at position ${position}: ${refusal} (a row written into the store by hand, or recorded under CONCORD_SUSPENDED_OBJECTIONS_BLOCK set otherwise than now)`,
          };
      }
      progress.advance(page.length);
      after = page.at(-1)?.position ?? head;
    }
    return undefined;
  } finally {
    progress.finish();
  }
}
