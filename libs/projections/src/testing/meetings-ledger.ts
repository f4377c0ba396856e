import { InMemoryEventStore } from '@concord/event-store';
import { at, ledgerFixture, LedgerFixture, metadata, recordCorrection, recordKimberleyProcess } from '../../../ledger/src/testing/ledger-fixture';

async function table(ledger: LedgerFixture, proposalId: string, meetingId: string | null, date: string): Promise<void> {
  const data = {
    proposalId,
    kind: 'administrative-decision' as const,
    title: `Item ${proposalId}`,
    text: 'A decision.',
    proposedBy: ['ua'],
    meetingId,
    occurredAt: at(date),
  };
  await ledger.proposals.table('kp', { type: 'TableProposal', data }, metadata());
}

async function decide(ledger: LedgerFixture, proposalId: string, outcome: 'consensus' | 'no-consensus', meetingId: string, date: string): Promise<void> {
  if (outcome === 'no-consensus')
    await ledger.proposals.handle(
      proposalId,
      { type: 'RaiseObjection', data: { participantId: 'ru', grounds: 'not yet', revision: null, occurredAt: at(date) } },
      metadata(),
    );
  const data = { outcome, declaredBy: 'bw', meetingId, revision: null, occurredAt: at(date) };
  await ledger.proposals.handle(proposalId, { type: 'DeclareOutcome', data }, metadata());
}

const defer = (ledger: LedgerFixture, proposalId: string, toMeetingId: string | null, date: string) =>
  ledger.proposals.handle(proposalId, { type: 'DeferProposal', data: { toMeetingId, occurredAt: at(date) } }, metadata());

const withdraw = (ledger: LedgerFixture, proposalId: string, reason: string, date: string) =>
  ledger.proposals.handle(proposalId, { type: 'WithdrawProposal', data: { reason, withdrawnBy: null, occurredAt: at(date) } }, metadata());

/**
 * The KP body's two meetings of 2022, proposals tabled at them, deferred to them or from them,
 * decided at them, withdrawn, and many that name neither; `between` runs half-way.
 */
export async function meetingsLedger(between: (ledger: LedgerFixture) => Promise<void> = async () => undefined): Promise<LedgerFixture> {
  const ledger = ledgerFixture(new InMemoryEventStore());
  await recordKimberleyProcess(ledger);
  for (let index = 0; index < 12; index += 1) await table(ledger, `unrelated-${index}`, null, '2022-03-01');
  await table(ledger, 'deferred-then-decided', 'is-2022', '2022-06-21');
  await table(ledger, 'adopted-there', 'is-2022', '2022-06-21');
  await table(ledger, 'deferred-to-nowhere', 'is-2022', '2022-06-21');
  await table(ledger, 'deferred-then-withdrawn', 'is-2022', '2022-06-21');
  await decide(ledger, 'adopted-there', 'consensus', 'is-2022', '2022-06-23');
  await between(ledger);
  await defer(ledger, 'deferred-then-decided', 'pl-2022', '2022-06-24');
  await defer(ledger, 'deferred-to-nowhere', null, '2022-06-24');
  await defer(ledger, 'deferred-then-withdrawn', 'pl-2022', '2022-06-24');
  await withdraw(ledger, 'deferred-then-withdrawn', 'Moot.', '2022-09-01');
  await table(ledger, 'tabled-nowhere-decided-at-plenary', null, '2022-07-01');
  await table(ledger, 'withdrawn-at-plenary', 'pl-2022', '2022-11-08');
  await withdraw(ledger, 'withdrawn-at-plenary', 'Superseded.', '2022-11-09');
  await decide(ledger, 'deferred-then-decided', 'no-consensus', 'pl-2022', '2022-11-10');
  await decide(ledger, 'tabled-nowhere-decided-at-plenary', 'consensus', 'pl-2022', '2022-11-10');
  // No consensus recorded though no objection stood, corrected into consensus: adopted from the correction on.
  await table(ledger, 'corrected-to-adopted', null, '2022-11-08');
  await ledger.proposals.handle(
    'corrected-to-adopted',
    { type: 'DeclareOutcome', data: { outcome: 'no-consensus', declaredBy: 'bw', meetingId: 'pl-2022', revision: null, occurredAt: at('2022-11-10') } },
    metadata(),
  );
  const decision = (await ledger.store.readStream('proposal-corrected-to-adopted')).at(-1);
  await recordCorrection(ledger, decision?.eventId ?? '', { outcome: 'consensus' }, 'the minutes say otherwise', '2022-12-01');
  for (let index = 12; index < 20; index += 1) await table(ledger, `unrelated-${index}`, null, '2022-12-01');
  // Dates corrected: a decision moved later (across 2022-07-20), a tabling moved earlier (across 2022-10-02).
  const adoption = (await ledger.store.readStream('proposal-adopted-there')).at(-1);
  await recordCorrection(ledger, adoption?.eventId ?? '', { occurredAt: at('2022-08-01') }, 'the minutes are dated later', '2022-12-02');
  const tabling = (await ledger.store.readStream('proposal-unrelated-15')).at(0);
  await recordCorrection(ledger, tabling?.eventId ?? '', { occurredAt: at('2022-10-01') }, 'tabled earlier than entered', '2022-12-02');
  return ledger;
}
