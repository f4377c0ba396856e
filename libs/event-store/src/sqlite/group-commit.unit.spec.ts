import { GroupCommit, Outcome } from './group-commit';

describe('GroupCommit', () => {
  it('runs everything submitted in one turn together, once, and answers each item with its own outcome', async () => {
    const groups: number[][] = [];
    const commit = new GroupCommit<number, string>((items) => {
      groups.push([...items]);
      return items.map((item): Outcome<string> => (item % 3 === 0 ? { ok: false, error: new Error(`refused ${item}`) } : { ok: true, value: `done ${item}` }));
    });

    const answers = await Promise.allSettled([1, 2, 3, 4].map((item) => commit.submit(item)));

    expect(groups).toEqual([[1, 2, 3, 4]]);
    expect(answers.map((answer) => (answer.status === 'fulfilled' ? answer.value : (answer.reason as Error).message))).toEqual([
      'done 1',
      'done 2',
      'refused 3',
      'done 4',
    ]);
  });

  it('starts a new group for what is submitted after a group ran', async () => {
    const groups: number[][] = [];
    const commit = new GroupCommit<number, number>((items) => {
      groups.push([...items]);
      return items.map((value) => ({ ok: true, value }));
    });
    await commit.submit(1);
    await Promise.all([commit.submit(2), commit.submit(3)]);
    expect(groups).toEqual([[1], [2, 3]]);
  });

  it('refuses every item of a group whose commit failed, and answers none before the commit returned', async () => {
    let committed = false;
    const settled: string[] = [];
    const commit = new GroupCommit<number, number>(() => {
      expect(settled).toEqual([]);
      committed = true;
      throw new Error('disk full');
    });
    const answers = [1, 2].map((item) =>
      commit.submit(item).then(
        () => settled.push(`resolved ${item}`),
        (error: Error) => settled.push(`${error.message} ${item} after commit: ${committed}`),
      ),
    );
    await Promise.all(answers);
    expect(settled).toEqual(['disk full 1 after commit: true', 'disk full 2 after commit: true']);
  });

  it('flush runs what is queued at once, and the scheduled turn then finds nothing to do', async () => {
    const groups: number[][] = [];
    const commit = new GroupCommit<number, number>((items) => {
      groups.push([...items]);
      return items.map((value) => ({ ok: true, value }));
    });
    const answer = commit.submit(7);
    commit.flush();
    await expect(answer).resolves.toBe(7);
    await new Promise((resolve) => setImmediate(resolve));
    expect(groups).toEqual([[7]]);
  });

  describe('pipelined', () => {
    /** A runner that answers only when told, as a writer thread busy with an earlier group does. */
    function heldRunner() {
      const groups: { items: number[]; answer: () => void }[] = [];
      const run = (items: readonly number[]): Promise<Outcome<number>[]> =>
        new Promise((resolve) => groups.push({ items: [...items], answer: () => resolve(items.map((value) => ({ ok: true, value }))) }));
      return { groups, run };
    }
    const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

    it('hands over a group formed while the one before is unanswered, and answers each group when its runner does', async () => {
      const runner = heldRunner();
      const commit = new GroupCommit<number, number>(runner.run, { pipelined: true });
      const first = commit.submit(1);
      await nextTurn();
      const second = Promise.all([commit.submit(2), commit.submit(3)]);
      await nextTurn();

      expect(runner.groups.map((group) => group.items)).toEqual([[1], [2, 3]]);
      let firstAnswered = false;
      void first.then(() => (firstAnswered = true));
      runner.groups[1]?.answer();
      await expect(second).resolves.toEqual([2, 3]);
      expect(firstAnswered).toBe(false);
      runner.groups[0]?.answer();
      await expect(first).resolves.toBe(1);
    });

    it('without it, holds the next group back until the one before is answered', async () => {
      const runner = heldRunner();
      const commit = new GroupCommit<number, number>(runner.run);
      const first = commit.submit(1);
      await nextTurn();
      const second = commit.submit(2);
      await nextTurn();

      expect(runner.groups.map((group) => group.items)).toEqual([[1]]);
      runner.groups[0]?.answer();
      await first;
      while (runner.groups.length < 2) await nextTurn();
      expect(runner.groups.map((group) => group.items)).toEqual([[1], [2]]);
      runner.groups[1]?.answer();
      await expect(second).resolves.toBe(2);
    });

    it('flush waits for every group handed over, not only the last', async () => {
      const runner = heldRunner();
      const commit = new GroupCommit<number, number>(runner.run, { pipelined: true });
      const answers = [commit.submit(1)];
      await nextTurn();
      answers.push(commit.submit(2));
      let flushed = false;
      const flushing = commit.flush().then(() => (flushed = true));
      await nextTurn();
      runner.groups[1]?.answer();
      await nextTurn();
      expect(flushed).toBe(false);
      runner.groups[0]?.answer();
      await flushing;
      await expect(Promise.all(answers)).resolves.toEqual([1, 2]);
    });
  });
});
