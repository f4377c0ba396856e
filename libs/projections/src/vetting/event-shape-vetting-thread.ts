import { parentPort, workerData } from 'node:worker_threads';
import { SqliteLogPages } from '@concord/event-store';
import { rowProblem } from './row-vetting';
import { VetThrough, VettingReply, VettingThreadData } from './vetting-messages';

const PAGE = 2000;

/**
 * The read side's vetting on a second core (see ThreadVetting): reads the log from its own
 * connection as far as the fold has read it, checks each event, and says how far it vouches.
 */
function run(port: NonNullable<typeof parentPort>, { file, after }: VettingThreadData): void {
  const reply = (message: VettingReply): void => port.postMessage(message);
  let pages: SqliteLogPages;
  try {
    pages = SqliteLogPages.open(file);
  } catch (error) {
    return reply({ kind: 'refused', reason: `cannot read ${file}: ${(error as Error).message}` });
  }
  let vetted = after;
  let refused = false;
  port.on('message', ({ position }: VetThrough) => {
    try {
      while (!refused && vetted < position) {
        const rows = pages.read(vetted, position, PAGE);
        // The fold read these rows: a page that comes back short of them was changed under both.
        if (rows.length === 0) throw new Error(`no event after position ${vetted} up to ${position}`);
        for (const row of rows) {
          const problem = rowProblem(row);
          if (problem !== undefined) throw new Error(`the event at position ${row[0]}: ${problem}`);
          vetted = row[0];
        }
        reply({ kind: 'vouched', position: vetted });
      }
    } catch (error) {
      refused = true;
      reply({ kind: 'refused', reason: (error as Error).message });
    }
  });
}

if (parentPort !== null) run(parentPort, workerData as VettingThreadData);
