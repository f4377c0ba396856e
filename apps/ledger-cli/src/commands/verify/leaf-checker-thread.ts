import { parentPort, workerData } from 'node:worker_threads';
import { LeafChecker, SignedRoot } from './leaf-checker';
import { LeafCheckerCommand, LeafCheckerReply, pageOf } from './leaf-checker-messages';

/** The audit's hashing on a second core: pages in, offsets of mismatched leaves out (see ThreadLeafCheck). */
function run(port: NonNullable<typeof parentPort>, signed: readonly SignedRoot[]): void {
  const checker = new LeafChecker(signed);
  const reply = (message: LeafCheckerReply): void => port.postMessage(message);
  port.on('message', (command: LeafCheckerCommand) => {
    try {
      if (command.kind === 'page') {
        const { entries, stored } = pageOf(command);
        reply({ kind: 'checked', id: command.id, mismatched: checker.checkNow(entries, stored) });
      } else reply({ kind: 'finished', result: checker.result() });
    } catch (error) {
      reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  });
}

if (parentPort !== null) run(parentPort, workerData as SignedRoot[]);
