import { StoreUnavailableError } from '../event-store.errors';
import { ThreadWriter } from './sqlite-writers';

/** A stand-in writer thread: says it is ready, then does what `onAppend` says with the first append. */
function fakeThread(onAppend: string): { entry: string; eval: true } {
  const code = `
    const { parentPort } = require('node:worker_threads');
    parentPort.postMessage({ kind: 'ready' });
    parentPort.on('message', (command) => {
      if (command.kind === 'close') { parentPort.close(); return; }
      ${onAppend}
    });
  `;
  return { entry: code, eval: true };
}

const data = { filePath: '/nowhere/ledger.sqlite', busyTimeoutMs: 10, extendLogTree: true };
const request = { stream: 's', events: [], expected: 'any' as const, commandId: 'c' };

describe('ThreadWriter', () => {
  it('answers each append with the outcomes its thread sends back, errors raised again as the store knows them', async () => {
    const writer = await ThreadWriter.start(
      fakeThread(`parentPort.postMessage({ kind: 'appended', id: command.id, outcomes: [
        { ok: true, value: { stream: 's', streamRevision: 0, firstPosition: 1, lastPosition: 1, eventIds: ['e'], duplicate: false } },
        { ok: false, error: { name: 'ConcurrencyError', message: 'm', stream: 's', expectedRevision: 'no-stream', actualRevision: 0 } },
      ] });`),
      data,
    );
    try {
      const [accepted, refused] = await writer.appendTogether([request, request]);
      expect(accepted).toEqual({ ok: true, value: expect.objectContaining({ stream: 's', lastPosition: 1 }) });
      expect(refused?.ok === false && refused.error).toMatchObject({ name: 'ConcurrencyError', stream: 's', actualRevision: 0 });
    } finally {
      await writer.close();
    }
  });

  it('fails the appends waiting on a thread that stops, and every later one, with StoreUnavailableError', async () => {
    const writer = await ThreadWriter.start(fakeThread('process.exit(3);'), data);

    await expect(writer.appendTogether([request])).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(writer.appendTogether([request])).rejects.toThrow(/writer thread .* exited with code 3/);
    await writer.close();
  });

  it('refuses to start, with StoreUnavailableError naming the file, when the thread cannot open it', async () => {
    const failing = {
      entry: `require('node:worker_threads').parentPort.postMessage({ kind: 'open-failed', error: { name: 'SqliteError', message: 'unable to open database file' } });`,
      eval: true,
    };

    await expect(ThreadWriter.start(failing, data)).rejects.toThrow(/cannot open SQLite event store at \/nowhere\/ledger.sqlite: unable to open database file/);
  });
});
