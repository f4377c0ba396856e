import { StreamTurns } from './stream-turns';

const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('StreamTurns', () => {
  it('runs the work for one stream one at a time, in arrival order, and the work for other streams beside it', async () => {
    const turns = new StreamTurns();
    const log: string[] = [];
    const work = (name: string, ms: number) => async (): Promise<string> => {
      log.push(`${name} start`);
      await tick(ms);
      log.push(`${name} end`);
      return name;
    };

    const answers = await Promise.all([
      turns.run('a', work('a1', 10)),
      turns.run('a', work('a2', 1)),
      turns.run('b', work('b1', 1)),
      turns.run('a', work('a3', 1)),
    ]);

    expect(answers).toEqual(['a1', 'a2', 'b1', 'a3']);
    expect(log.filter((entry) => entry.startsWith('a'))).toEqual(['a1 start', 'a1 end', 'a2 start', 'a2 end', 'a3 start', 'a3 end']);
    expect(log.indexOf('b1 end')).toBeLessThan(log.indexOf('a1 end'));
    expect(turns.isBusy('a') || turns.isBusy('b')).toBe(false);
  });

  it("starts a free stream's work at once, and queues work for the same stream that it starts before its first pause", async () => {
    const turns = new StreamTurns();
    const log: string[] = [];
    let inner: Promise<void> | undefined;
    const outer = turns.run('s', async () => {
      log.push('outer start');
      inner = turns.run('s', async () => void log.push('inner start'));
      await tick(5);
      log.push('outer end');
    });
    expect(log).toEqual(['outer start']);

    await outer;
    await inner;
    expect(log).toEqual(['outer start', 'outer end', 'inner start']);
  });

  it('times the hold from when a work starts, not from when it queued: a long queue of short works still runs one at a time', async () => {
    // On the test's own clock: on a busy machine a 10 ms pause can outlast the 20 ms hold.
    jest.useFakeTimers();
    try {
      const turns = new StreamTurns(20);
      const log: string[] = [];
      const works = Array.from({ length: 6 }, (_, index) =>
        turns.run('s', async () => {
          log.push(`${index} start`);
          await tick(10);
          log.push(`${index} end`);
        }),
      );

      // Sixty milliseconds of work queued at once, three times the hold.
      for (let elapsed = 0; elapsed < 60; elapsed += 10) await jest.advanceTimersByTimeAsync(10);
      await Promise.all(works);
      expect(log).toEqual(Array.from({ length: 6 }, (_, index) => [`${index} start`, `${index} end`]).flat());
    } finally {
      jest.useRealTimers();
    }
  });

  it('lets the next work in once one has held the stream for the hold limit, and answers each with its own outcome', async () => {
    const turns = new StreamTurns(20);
    let hungWork = false;
    void turns.run('s', () => {
      hungWork = true;
      return new Promise<never>(() => undefined);
    });
    const refused = turns.run('s', () => Promise.reject(new Error('refused')));
    const next = turns.run('s', () => Promise.resolve('recorded'));

    expect(hungWork).toBe(true);
    await expect(refused).rejects.toThrow('refused');
    await expect(next).resolves.toBe('recorded');
  });

  it('fails the work queued behind one that met an outage with the same error, without running it; later work runs', async () => {
    class Outage extends Error {}
    const turns = new StreamTurns(5_000, (error) => error instanceof Outage);
    const ran: string[] = [];
    const outage = new Outage('store unavailable');
    const first = turns.run('s', async () => {
      ran.push('first');
      await tick(5);
      throw outage;
    });
    const queued = [1, 2, 3].map((n) => turns.run('s', async () => void ran.push(`queued ${n}`)));
    const elsewhere = turns.run('t', async () => void ran.push('other stream'));

    await expect(first).rejects.toBe(outage);
    for (const each of queued) await expect(each).rejects.toBe(outage);
    await elsewhere;
    expect(ran).toEqual(['first', 'other stream']);
    expect(turns.isBusy('s')).toBe(false);
    await turns.run('s', async () => void ran.push('after'));
    expect(ran).toEqual(['first', 'other stream', 'after']);
  });

  it('lets the work queued behind one that failed otherwise run, each in turn', async () => {
    const turns = new StreamTurns(5_000, (error) => error instanceof RangeError);
    const ran: string[] = [];
    const first = turns.run('s', async () => {
      throw new TypeError('refused');
    });
    const queued = turns.run('s', async () => void ran.push('queued'));
    await expect(first).rejects.toBeInstanceOf(TypeError);
    await queued;
    expect(ran).toEqual(['queued']);
  });

  it('fails no queued work for an outage met by a work that had already given up its turn at the hold limit', async () => {
    jest.useFakeTimers();
    try {
      class Outage extends Error {}
      const turns = new StreamTurns(100, (error) => error instanceof Outage);
      let failHung = (): void => undefined;
      const hung = turns.run('s', () => new Promise<void>((_, reject) => (failHung = () => reject(new Outage('late')))));
      const healthy = turns.run('s', async () => 'healthy');
      await jest.advanceTimersByTimeAsync(100);
      await expect(healthy).resolves.toBe('healthy');
      let releaseSlow = (): void => undefined;
      const slow = turns.run('s', () => new Promise<string>((resolve) => (releaseSlow = () => resolve('slow'))));
      const queued = turns.run('s', async () => 'queued');
      failHung();
      await expect(hung).rejects.toBeInstanceOf(Outage);
      releaseSlow();
      await expect(slow).resolves.toBe('slow');
      await expect(queued).resolves.toBe('queued');
    } finally {
      jest.useRealTimers();
    }
  });
});
