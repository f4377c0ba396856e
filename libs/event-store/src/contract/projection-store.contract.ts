/// <reference types="jest" />
import { StoreUnavailableError } from '../event-store.errors';
import { ProjectionRow, ProjectionStore } from '../projection-store.port';
import { rejectionOf } from './contract-context';

/** How a spec runs the contract against one adapter. */
export interface ProjectionStoreSubject {
  /** Whether rows survive closing the store and opening another on the same storage. */
  readonly durable: boolean;
  /** Prepares empty storage for one test (a file, a schema). */
  readonly setUp?: () => Promise<void>;
  /** Opens a store on the running test's storage; when `durable`, every store opened reaches the same rows. */
  readonly open: () => Promise<ProjectionStore>;
  /** Releases the test's storage, once the suite has closed every store it opened. */
  readonly tearDown?: () => Promise<void>;
}

const EVERYTHING = { upTo: Number.MAX_SAFE_INTEGER };

/** A row with the fields a case does not care about filled in. */
export function aRow(row: Partial<ProjectionRow> & Pick<ProjectionRow, 'id'>): ProjectionRow {
  return { collection: 'proposals', key: '', position: 1, value: { id: row.id }, ...row };
}

/** `count` rows of one collection, ids zero-padded so that id order is numeric order. */
function manyRows(count: number, collection = 'proposals'): ProjectionRow[] {
  return Array.from({ length: count }, (_, index) =>
    aRow({
      collection,
      id: `row-${String(index).padStart(6, '0')}`,
      key: `body-${index % 7}`,
      position: 1 + (index % 50),
      value: { index, title: `Proposal ${index}` },
    }),
  );
}

/** The order the port promises: by position, then id (all ids in these cases are ASCII). */
function inPortOrder(rows: readonly ProjectionRow[]): ProjectionRow[] {
  return [...rows].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The behaviour every `ProjectionStore` adapter must show. Each test gets empty storage; the
 * stores it opens are closed after it, even when it fails.
 */
export function describeProjectionStoreContract(adapterName: string, subject: ProjectionStoreSubject): void {
  describe(`${adapterName} satisfies the ProjectionStore contract`, () => {
    let opened: ProjectionStore[] = [];
    let store: ProjectionStore;

    const open = async (): Promise<ProjectionStore> => {
      const opening = await subject.open();
      opened.push(opening);
      return opening;
    };

    beforeEach(async () => {
      await subject.setUp?.();
      store = await open();
    });

    afterEach(async () => {
      const closing = opened;
      opened = [];
      for (const each of closing) await each.close();
      await subject.tearDown?.();
    });

    describe('reads', () => {
      it('knows no rows and checkpoint 0 for a projection never committed', async () => {
        expect(await store.checkpoint('ledger')).toBe(0);
        expect(await store.rows('ledger', 'proposals', EVERYTHING)).toEqual([]);
        expect(await store.rows('ledger', 'proposals', { key: 'body-1', upTo: 10 })).toEqual([]);
      });

      it('returns the committed rows of one collection by key, of all keys, up to a position, by position then id', async () => {
        const rows = [
          aRow({ id: 'p3', key: 'body-1', position: 7, value: { title: 'Third' } }),
          aRow({ id: 'p2', key: 'body-1', position: 3, value: { title: 'Second' } }),
          aRow({ id: 'p1', key: 'body-2', position: 3, value: { title: 'First' } }),
          // By code point: 'B' < 'a' < 'z' < 'é', whatever a database's collation would say.
          aRow({ id: 'é', key: 'body-1', position: 5 }),
          aRow({ id: 'z', key: 'body-1', position: 5 }),
          aRow({ id: 'a', key: 'body-1', position: 5 }),
          aRow({ id: 'B', key: 'body-1', position: 5 }),
          aRow({ collection: 'bodies', id: 'body-1', key: '', position: 2, value: { name: 'Council' } }),
        ];
        await store.commit('ledger', rows, 7);

        const ids = async (collection: string, query: { key?: string; upTo: number }): Promise<string[]> =>
          (await store.rows('ledger', collection, query)).map((row) => row.id);

        expect(await store.rows('ledger', 'proposals', { upTo: 7 })).toStrictEqual([rows[2], rows[1], rows[6], rows[5], rows[4], rows[3], rows[0]]);
        expect(await ids('proposals', { key: 'body-1', upTo: 7 })).toEqual(['p2', 'B', 'a', 'z', 'é', 'p3']);
        expect(await ids('proposals', { key: 'body-2', upTo: 7 })).toEqual(['p1']);
        expect(await ids('proposals', { key: '', upTo: 7 })).toEqual([]);
        expect(await ids('proposals', { upTo: 5 })).toEqual(['p1', 'p2', 'B', 'a', 'z', 'é']);
        expect(await ids('proposals', { upTo: 4 })).toEqual(['p1', 'p2']);
        expect(await ids('proposals', { key: 'body-1', upTo: 3 })).toEqual(['p2']);
        expect(await ids('proposals', { upTo: 2 })).toEqual([]);
        expect(await ids('proposals', { upTo: Infinity })).toHaveLength(7);
        expect(await store.rows('ledger', 'bodies', { key: '', upTo: 7 })).toStrictEqual([rows[7]]);
        expect(await ids('votes', { upTo: 7 })).toEqual([]);
        expect(await store.checkpoint('ledger')).toBe(7);
      });

      it('refuses an upTo that is not a number with a TypeError', async () => {
        await expect(store.rows('ledger', 'proposals', { upTo: Number.NaN })).rejects.toThrow(TypeError);
      });
    });

    describe('commit', () => {
      it('replaces a row stored with the same id: key, position and value', async () => {
        await store.commit(
          'ledger',
          [aRow({ id: 'p1', key: 'body-1', position: 3, value: { status: 'open' } }), aRow({ id: 'p2', key: 'body-1', position: 4 })],
          4,
        );
        await store.commit('ledger', [aRow({ id: 'p1', key: 'body-2', position: 9, value: { status: 'adopted' } })], 9);

        expect(await store.rows('ledger', 'proposals', EVERYTHING)).toStrictEqual([
          aRow({ id: 'p2', key: 'body-1', position: 4 }),
          aRow({ id: 'p1', key: 'body-2', position: 9, value: { status: 'adopted' } }),
        ]);
        expect(await store.rows('ledger', 'proposals', { key: 'body-1', upTo: 9 })).toHaveLength(1);
      });

      it('keeps a row when one of the same id from an earlier position comes later', async () => {
        await store.commit('ledger', [aRow({ id: 'chunk-0', position: 9, value: ['a', 'b', 'c'] })], 9);
        await store.commit('ledger', [aRow({ id: 'chunk-0', position: 5, value: ['a'] })], 5);
        await store.commit('ledger', [aRow({ id: 'chunk-0', position: 9, value: ['a', 'b', 'c', 'same position'] })], 9);

        expect(await store.rows('ledger', 'proposals', EVERYTHING)).toStrictEqual([
          aRow({ id: 'chunk-0', position: 9, value: ['a', 'b', 'c', 'same position'] }),
        ]);
      });

      it('keeps the last of rows with the same id within one commit', async () => {
        await store.commit(
          'ledger',
          [aRow({ id: 'p1', position: 2, value: 'first' }), aRow({ id: 'p2', position: 2 }), aRow({ id: 'p1', position: 3, value: 'last' })],
          3,
        );

        expect(await store.rows('ledger', 'proposals', EVERYTHING)).toStrictEqual([
          aRow({ id: 'p2', position: 2 }),
          aRow({ id: 'p1', position: 3, value: 'last' }),
        ]);
      });

      it('keeps rows of the same id in different collections apart', async () => {
        await store.commit('ledger', [aRow({ collection: 'proposals', id: 'x', value: 1 }), aRow({ collection: 'votes', id: 'x', value: 2 })], 1);

        expect((await store.rows('ledger', 'proposals', EVERYTHING)).map((row) => row.value)).toEqual([1]);
        expect((await store.rows('ledger', 'votes', EVERYTHING)).map((row) => row.value)).toEqual([2]);
      });

      it('never moves the checkpoint back, but stores the rows of a commit behind it', async () => {
        await store.commit('ledger', [aRow({ id: 'p1', position: 10 })], 10);
        await store.commit('ledger', [aRow({ id: 'p2', position: 4 })], 4);

        expect(await store.checkpoint('ledger')).toBe(10);
        expect((await store.rows('ledger', 'proposals', EVERYTHING)).map((row) => row.id)).toEqual(['p2', 'p1']);

        await store.commit('ledger', [], 12);
        expect(await store.checkpoint('ledger')).toBe(12);
      });

      it('keeps projections apart: rows and checkpoints', async () => {
        await store.commit('ledger', [aRow({ id: 'p1', key: 'body-1', value: 'ledger' })], 5);
        await store.commit('history', [aRow({ id: 'p1', key: 'body-1', value: 'history' })], 3);

        expect(await store.rows('ledger', 'proposals', { key: 'body-1', upTo: 5 })).toStrictEqual([aRow({ id: 'p1', key: 'body-1', value: 'ledger' })]);
        expect(await store.rows('history', 'proposals', { key: 'body-1', upTo: 5 })).toStrictEqual([aRow({ id: 'p1', key: 'body-1', value: 'history' })]);
        expect(await store.checkpoint('ledger')).toBe(5);
        expect(await store.checkpoint('history')).toBe(3);
      });

      it('gives values back as JSON would: nested objects, arrays, unicode, NUL, scalars', async () => {
        const values: unknown[] = [
          {
            title: 'Décision sur le budget — 決定 🗳️',
            nested: { options: [1, 'two', { three: true }], empty: {}, nothing: null, deep: { deeper: ['ß', '"quoted"', 'back\\slash'] } },
          },
          { nul: '\u0000', inside: 'a\u0000b', newline: 'line\nline' },
          [1, [2, [3, []]], { a: null }],
          'just a string with \u0000',
          12345.678,
          -0,
          true,
          null,
          { when: new Date('2025-03-04T05:06:07.089Z'), gone: undefined, kept: 1 },
        ];
        await store.commit(
          'ledger',
          values.map((value, index) => aRow({ id: `v${index}`, position: index + 1, value })),
          values.length,
        );

        const stored = (await store.rows('ledger', 'proposals', EVERYTHING)).map((row) => row.value);

        expect(stored).toStrictEqual(values.map((value) => JSON.parse(JSON.stringify(value)) as unknown));
      });

      it('copies values in and out: changing an object committed or read changes nothing stored', async () => {
        const value = { tags: ['a'] };
        await store.commit('ledger', [aRow({ id: 'p1', value })], 1);
        value.tags.push('changed after commit');
        const [read] = await store.rows('ledger', 'proposals', EVERYTHING);
        (read?.value as { tags: string[] }).tags.push('changed after read');

        expect((await store.rows('ledger', 'proposals', EVERYTHING)).map((row) => row.value)).toEqual([{ tags: ['a'] }]);
      });

      it('stores 20,000 rows in one commit', async () => {
        const rows = manyRows(20_000);
        await store.commit('ledger', rows, 50);

        const stored = await store.rows('ledger', 'proposals', EVERYTHING);
        expect(stored).toHaveLength(20_000);
        expect(stored).toStrictEqual(inPortOrder(rows));
        expect(await store.rows('ledger', 'proposals', { key: 'body-3', upTo: 10 })).toStrictEqual(
          inPortOrder(rows.filter((row) => row.key === 'body-3' && row.position <= 10)),
        );
        expect(await store.checkpoint('ledger')).toBe(50);
      });

      it('stores nothing of a commit holding a value JSON cannot hold, and throws a TypeError', async () => {
        await store.commit('ledger', [aRow({ id: 'before', position: 2 })], 2);

        for (const unstorable of [10n, undefined, () => 'a function']) {
          const error = await rejectionOf(
            store.commit(
              'ledger',
              [
                aRow({ id: 'p1', position: 3 }),
                aRow({ id: 'p2', position: 4, value: { bad: unstorable } }),
                aRow({ id: 'p3', position: 5, value: unstorable }),
              ],
              5,
            ),
          );
          expect(error).toBeInstanceOf(TypeError);
        }

        expect(await store.rows('ledger', 'proposals', EVERYTHING)).toStrictEqual([aRow({ id: 'before', position: 2 })]);
        expect(await store.checkpoint('ledger')).toBe(2);
      });

      it('refuses positions and checkpoints that are not integers >= 0 with a TypeError, storing nothing', async () => {
        await expect(store.commit('ledger', [aRow({ id: 'p1' })], -1)).rejects.toThrow(TypeError);
        await expect(store.commit('ledger', [aRow({ id: 'p1' })], 1.5)).rejects.toThrow(TypeError);
        await expect(store.commit('ledger', [aRow({ id: 'p1' }), aRow({ id: 'p2', position: Number.NaN })], 1)).rejects.toThrow(TypeError);
        await expect(store.commit('', [aRow({ id: 'p1' })], 1)).rejects.toThrow(TypeError);

        expect(await store.rows('ledger', 'proposals', EVERYTHING)).toEqual([]);
        expect(await store.checkpoint('ledger')).toBe(0);
      });
    });

    describe('reset', () => {
      it('forgets the rows and checkpoint of one projection only', async () => {
        await store.commit('ledger', [aRow({ id: 'p1' }), aRow({ collection: 'bodies', id: 'b1' })], 8);
        await store.commit('history', [aRow({ id: 'p1' })], 6);

        await store.reset('ledger');

        expect(await store.checkpoint('ledger')).toBe(0);
        expect(await store.rows('ledger', 'proposals', EVERYTHING)).toEqual([]);
        expect(await store.rows('ledger', 'bodies', EVERYTHING)).toEqual([]);
        expect(await store.checkpoint('history')).toBe(6);
        expect(await store.rows('history', 'proposals', EVERYTHING)).toStrictEqual([aRow({ id: 'p1' })]);

        await store.commit('ledger', [aRow({ id: 'p9', position: 2 })], 2);
        expect(await store.checkpoint('ledger')).toBe(2);
        expect((await store.rows('ledger', 'proposals', EVERYTHING)).map((row) => row.id)).toEqual(['p9']);
      });

      it('does nothing to a projection never committed', async () => {
        await store.reset('never');
        expect(await store.checkpoint('never')).toBe(0);
      });

      it('stores nothing, given the checkpoint of an earlier commit, once a reset has taken it away', async () => {
        expect(await store.commit('ledger', [aRow({ id: 'p1', position: 8 })], 8, 0)).toBe(true);
        expect(await store.commit('ledger', [aRow({ id: 'p2', position: 9 })], 9, 8)).toBe(true);
        await store.reset('ledger');

        expect(await store.commit('ledger', [aRow({ id: 'p3', position: 12 })], 12, 9)).toBe(false);
        expect(await store.checkpoint('ledger')).toBe(0);
        expect(await store.rows('ledger', 'proposals', EVERYTHING)).toEqual([]);
        expect(await store.commit('ledger', [aRow({ id: 'p4', position: 3 })], 3, 0)).toBe(true);
        expect(await store.commit('ledger', [aRow({ id: 'p5', position: 4 })], 4)).toBe(true);
        expect((await store.rows('ledger', 'proposals', EVERYTHING)).map((row) => row.id)).toEqual(['p4', 'p5']);
      });

      it('forgets, given a checkpoint, only while the checkpoint is still that one', async () => {
        await store.commit('ledger', [aRow({ id: 'p1', position: 8 })], 8);

        expect(await store.reset('ledger', 5)).toBe(false);
        expect(await store.checkpoint('ledger')).toBe(8);
        expect((await store.rows('ledger', 'proposals', EVERYTHING)).map((row) => row.id)).toEqual(['p1']);
        expect(await store.reset('never', 3)).toBe(false);

        expect(await store.reset('ledger', 8)).toBe(true);
        expect(await store.checkpoint('ledger')).toBe(0);
        expect(await store.rows('ledger', 'proposals', EVERYTHING)).toEqual([]);
        expect(await store.reset('ledger', 0)).toBe(true);
      });
    });

    describe('close', () => {
      it('makes later calls fail with StoreUnavailableError, and may be called twice', async () => {
        await store.commit('ledger', [aRow({ id: 'p1' })], 1);

        await store.close();
        await store.close();

        await expect(store.checkpoint('ledger')).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.rows('ledger', 'proposals', EVERYTHING)).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.commit('ledger', [aRow({ id: 'p2' })], 2)).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.reset('ledger')).rejects.toBeInstanceOf(StoreUnavailableError);
      });
    });

    if (subject.durable) {
      describe('durability', () => {
        it('keeps rows and checkpoints across closing and reopening', async () => {
          const rows = [
            aRow({ id: 'p1', key: 'body-1', position: 3, value: { nul: '\u0000', title: 'Ω' } }),
            aRow({ collection: 'bodies', id: 'b1', position: 2 }),
          ];
          await store.commit('ledger', rows, 3);
          await store.commit('history', [aRow({ id: 'h1' })], 1);
          await store.reset('history');
          await store.close();

          const reopened = await open();

          expect(await reopened.checkpoint('ledger')).toBe(3);
          expect(await reopened.rows('ledger', 'proposals', { key: 'body-1', upTo: 3 })).toStrictEqual([rows[0]]);
          expect(await reopened.rows('ledger', 'bodies', EVERYTHING)).toStrictEqual([rows[1]]);
          expect(await reopened.checkpoint('history')).toBe(0);
          expect(await reopened.rows('history', 'proposals', EVERYTHING)).toEqual([]);
        });

        it('lets two stores commit the same rows at once, in any order', async () => {
          const other = await open();
          const rows = manyRows(3000);
          const reversed = [...rows].reverse();

          for (let round = 1; round <= 3; round += 1) {
            await Promise.all([store.commit('ledger', rows, round * 10), other.commit('ledger', reversed, round * 10 + 1)]);
          }

          expect(await store.rows('ledger', 'proposals', EVERYTHING)).toStrictEqual(inPortOrder(rows));
          expect(await store.checkpoint('ledger')).toBe(31);
          expect(await other.checkpoint('ledger')).toBe(31);
        });

        it('shows one store what another committed', async () => {
          const other = await open();
          await other.commit('ledger', [aRow({ id: 'p1', position: 4 })], 4);

          expect(await store.checkpoint('ledger')).toBe(4);
          expect(await store.rows('ledger', 'proposals', EVERYTHING)).toStrictEqual([aRow({ id: 'p1', position: 4 })]);
        });
      });
    }
  });
}
