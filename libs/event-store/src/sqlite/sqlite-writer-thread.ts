import { MessagePort, parentPort, workerData } from 'node:worker_threads';
import { SqliteAppender } from './sqlite-appender';
import { openSqliteConnection } from './sqlite-connection';
import { toErrorRecord } from './thread-errors';
import { AppendCommand, takeTurn } from './writer-inbox';
import { WriterCommand, WriterData, WriterReply } from './writer-messages';

/**
 * The SQLite store's writer thread: its own connection to the file, on which it runs the groups of
 * appends sent to it and answers with each append's outcome. Groups that queued up while it was
 * committing run together, in the order they were sent: one transaction, one fsync. While it waits
 * for the disk, the main thread goes on serving requests and sending groups.
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
    try {
      const outcomes = appender.appendTogether(commands.flatMap((command) => command.requests));
      let first = 0;
      for (const command of commands) {
        const own = outcomes.slice(first, first + command.requests.length);
        first += command.requests.length;
        reply({
          kind: 'appended',
          id: command.id,
          outcomes: own.map((outcome) => (outcome.ok ? outcome : { ok: false, error: toErrorRecord(outcome.error) })),
        });
      }
    } catch (error) {
      const record = toErrorRecord(error);
      for (const command of commands) reply({ kind: 'failed', id: command.id, error: record });
    }
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
