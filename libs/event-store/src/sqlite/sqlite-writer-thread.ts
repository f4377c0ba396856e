import { MessagePort, parentPort, workerData } from 'node:worker_threads';
import { SqliteAppender } from './sqlite-appender';
import { openSqliteConnection } from './sqlite-connection';
import { AppendResult } from '../event-store.port';
import { Outcome } from './group-commit';
import { toErrorRecord } from './thread-errors';
import { AppendCommand, repliesTo, takeTurn } from './writer-inbox';
import { WriterCommand, WriterData, WriterReply } from './writer-messages';

/**
 * The SQLite store's writer thread: its own connection to the file, on which it runs the groups of
 * appends sent to it and answers with each append's outcome. Groups that queued up while it was
 * committing run together, in the order they were sent: one transaction, one fsync (a transaction
 * that cannot begin or commit fails every group in it). While it waits for the disk, the main
 * thread goes on serving requests and sending groups.
 */
function run(port: MessagePort, data: WriterData): void {
  const reply = (message: WriterReply): void => port.postMessage(message);
  let appender: SqliteAppender;
  let close: () => void;
  try {
    const db = openSqliteConnection(data.filePath, data.busyTimeoutMs);
    appender = new SqliteAppender(db, { extendLogTree: data.extendLogTree });
    close = () => {
      appender.close();
      db.close();
    };
  } catch (error) {
    reply({ kind: 'open-failed', error: toErrorRecord(error) });
    return;
  }
  reply({ kind: 'ready' });

  const appendTogether = (commands: readonly AppendCommand[]): void => {
    if (commands.length === 0) return;
    let transaction: Outcome<readonly Outcome<AppendResult>[]>;
    try {
      transaction = { ok: true, value: appender.appendTogether(commands.flatMap((command) => command.requests)) };
    } catch (error) {
      transaction = { ok: false, error };
    }
    for (const message of repliesTo(commands, transaction)) reply(message);
  };

  port.on('message', (command: WriterCommand) => {
    const turn = takeTurn(command, port);
    appendTogether(turn.appends);
    if (turn.closeAfter) {
      close();
      port.close();
    }
  });
}

if (parentPort !== null) run(parentPort, workerData as WriterData);
