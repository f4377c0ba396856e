import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, InMemoryEventStore } from '@concord/event-store';
import { DEFAULT_CONSENSUS_POLICY } from '@concord/governance';
import { Progress } from '../progress';
import { ImportInterleavedError, importLog } from './import-command';

const EXAMPLE = join(__dirname, '../../../../examples/kimberley-process.jsonl');

/** A store another writer appends to once, just before the import's `nth` append. */
function withIntruderBefore(store: InMemoryEventStore, nth: number): EventStore {
  let appends = 0;
  return Object.assign(Object.create(store) as EventStore, {
    append: async (...args: Parameters<EventStore['append']>) => {
      appends += 1;
      if (appends === nth) {
        const [, events] = args;
        const intruding = { ...events[0]!, eventId: '00000000-0000-7000-8000-0000000000aa', metadata: { ...events[0]!.metadata, commandId: 'other-writer' } };
        await store.append('body-other-writer', [intruding], { expectedRevision: 'no-stream' });
      }
      return store.append(...args);
    },
  });
}

describe('importLog', () => {
  it('loads an export whole, each event at its position', async () => {
    const store = new InMemoryEventStore();
    expect(await importLog(store, EXAMPLE, DEFAULT_CONSENSUS_POLICY)).toBe(86);
    expect(await store.headPosition()).toBe(86);
  });

  it('resumed, rates only the events it imports itself, not those an earlier run left in the ledger', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'concord-import-'));
    try {
      const cutShort = join(directory, 'first-40.jsonl');
      writeFileSync(cutShort, readFileSync(EXAMPLE, 'utf8').split('\n').slice(0, 40).join('\n') + '\n');
      const store = new InMemoryEventStore();
      await importLog(store, cutShort, DEFAULT_CONSENSUS_POLICY);
      const lines: string[] = [];
      const stream = { isTTY: false, write: (text: string) => lines.push(text) } as unknown as NodeJS.WriteStream;
      let nowMs = 0;
      jest.spyOn(Date, 'now').mockImplementation(() => nowMs);
      // The run's own appends take one second by this clock, whatever they take.
      const progress = (total: number): Progress => {
        const bar = new Progress('import', total, { stream, intervalMs: Number.MAX_SAFE_INTEGER });
        nowMs += 1_000;
        return bar;
      };
      expect(await importLog(store, EXAMPLE, DEFAULT_CONSENSUS_POLICY, progress)).toBe(46);
      expect(lines).toEqual(['import: 86/86 events, 46/s, done\n']);
    } finally {
      jest.restoreAllMocks();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('stops at once, saying why, when another writer records events during the import', async () => {
    const store = new InMemoryEventStore();
    const importing = importLog(withIntruderBefore(store, 5), EXAMPLE, DEFAULT_CONSENSUS_POLICY);
    await expect(importing).rejects.toBeInstanceOf(ImportInterleavedError);
    await expect(importing).rejects.toThrow(/was stored at position \d+: another writer \(an API on this store\?\) recorded events during the import/);
  });
});
