import { parentPort, workerData } from 'node:worker_threads';
import { AppendRequest, SqliteAppender } from './sqlite-appender';
import { openSqliteConnection } from './sqlite-connection';
import { toErrorRecord } from './thread-errors';
import { WriterCommand, WriterData, WriterReply } from './writer-messages';

/**
 * The SQLite store's writer thread: its own connection to the file, on which it runs each group of
 * appends sent to it (one transaction, one fsync) and answers with each append's outcome. While it
 * waits for the disk, the main thread goes on serving requests.
 */
function run(port: NonNullable<typeof parentPort>, data: WriterData): void {
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
  port.on('message', (command: WriterCommand) => {
    if (command.kind === 'close') {
      close();
      port.close();
      return;
    }
    try {
      const outcomes = appender.appendTogether(command.requests as AppendRequest[]);
      reply({
        kind: 'appended',
        id: command.id,
        outcomes: outcomes.map((outcome) => (outcome.ok ? outcome : { ok: false, error: toErrorRecord(outcome.error) })),
      });
    } catch (error) {
      reply({ kind: 'failed', id: command.id, error: toErrorRecord(error) });
    }
  });
}

if (parentPort !== null) run(parentPort, workerData as WriterData);
