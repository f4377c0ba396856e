import { MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import { AppendResult } from '../event-store.port';
import { Outcome } from './group-commit';
import { toErrorRecord } from './thread-errors';
import { WriterCommand, WriterReply } from './writer-messages';

export type AppendCommand = Extract<WriterCommand, { kind: 'append' }>;

/**
 * At most this many groups share one transaction: the groups of one event-loop turn are few, and
 * the bound keeps one transaction (and the groups a failed one fails with it) from growing with a
 * backlog.
 */
export const MAX_GROUPS_PER_TRANSACTION = 64;

/** What the writer thread runs in one go: appends to commit in one transaction, and whether to close after them. */
export interface WriterTurn {
  readonly appends: readonly AppendCommand[];
  readonly closeAfter: boolean;
}

/**
 * `first` and the commands already queued behind it on `port`, taken at once instead of one per
 * turn of the thread's event loop, up to `maxAppends` appends or a close, whichever comes first
 * (what follows stays queued, to be taken in a later turn). The groups sent while the writer was
 * committing the last transaction then share the next one.
 */
export function takeTurn(first: WriterCommand, port: MessagePort, maxAppends = MAX_GROUPS_PER_TRANSACTION): WriterTurn {
  const appends: AppendCommand[] = [];
  for (let next: WriterCommand | undefined = first; next !== undefined; next = appends.length < maxAppends ? queuedBehind(port) : undefined) {
    if (next.kind === 'close') return { appends, closeAfter: true };
    appends.push(next);
  }
  return { appends, closeAfter: false };
}

/**
 * The answer to each group of a transaction: its own appends' outcomes, in the order it sent them,
 * or, when the transaction as a whole failed (it could not begin or commit), that failure for every
 * group in it.
 */
export function repliesTo(commands: readonly AppendCommand[], transaction: Outcome<readonly Outcome<AppendResult>[]>): WriterReply[] {
  if (!transaction.ok) {
    const error = toErrorRecord(transaction.error);
    return commands.map((command) => ({ kind: 'failed', id: command.id, error }));
  }
  let first = 0;
  return commands.map((command) => {
    const own = transaction.value.slice(first, first + command.requests.length);
    first += command.requests.length;
    return { kind: 'appended', id: command.id, outcomes: own.map((outcome) => (outcome.ok ? outcome : { ok: false, error: toErrorRecord(outcome.error) })) };
  });
}

function queuedBehind(port: MessagePort): WriterCommand | undefined {
  return (receiveMessageOnPort(port) as { message: WriterCommand } | undefined)?.message;
}
