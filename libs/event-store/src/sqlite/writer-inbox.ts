import { MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import { WriterCommand } from './writer-messages';

export type AppendCommand = Extract<WriterCommand, { kind: 'append' }>;

/** What the writer thread runs in one go: appends to commit in one transaction, and whether to close after them. */
export interface WriterTurn {
  readonly appends: readonly AppendCommand[];
  readonly closeAfter: boolean;
}

/**
 * `first` and every command already queued behind it on `port`, taken at once instead of one per
 * turn of the thread's event loop, up to and including a close (what follows a close stays
 * queued). The groups sent while the writer was committing the last transaction then share the
 * next one.
 */
export function takeTurn(first: WriterCommand, port: MessagePort): WriterTurn {
  const appends: AppendCommand[] = [];
  for (let next: WriterCommand | undefined = first; next !== undefined; next = queuedBehind(port)) {
    if (next.kind === 'close') return { appends, closeAfter: true };
    appends.push(next);
  }
  return { appends, closeAfter: false };
}

function queuedBehind(port: MessagePort): WriterCommand | undefined {
  return (receiveMessageOnPort(port) as { message: WriterCommand } | undefined)?.message;
}
