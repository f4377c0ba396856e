import { parentPort } from 'node:worker_threads';
import { eventShapeProblem } from '@concord/governance/schemas';
import { VettedEvent, vettedEventsOf, VettingBatch, VettingReply } from './vetting-batch';

/** Whether the ledger would vouch for the event: its text is JSON, and `eventShapeProblem` finds nothing. */
function vouchesFor(event: VettedEvent): boolean {
  let data: unknown;
  let metadata: unknown;
  try {
    data = JSON.parse(event.data);
    metadata = JSON.parse(event.metadata);
  } catch {
    return false;
  }
  return eventShapeProblem({ ...event, data, metadata }) === undefined;
}

/** The read side's vetting on a second core: batches of a fold in, whether each is vouched for out (see ThreadVetting). */
function run(port: NonNullable<typeof parentPort>): void {
  port.on('message', (batch: VettingBatch) => {
    let vouched = true;
    try {
      for (const event of vettedEventsOf(batch)) {
        vouched = vouchesFor(event);
        if (!vouched) break;
      }
    } catch {
      vouched = false;
    }
    const reply: VettingReply = { kind: 'vetted', id: batch.id, vouched };
    port.postMessage(reply);
  });
}

if (parentPort !== null) run(parentPort);
