import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { ConcurrencyError } from '../event-store.errors';
import { AppendResult } from '../event-store.port';
import { AppendCommand, repliesTo, takeTurn } from './writer-inbox';

const request = (stream: string) => ({ stream, events: [], expected: 'any' as const, commandId: `c-${stream}` });
const append = (id: number, appends = 1): AppendCommand => ({
  kind: 'append',
  id,
  requests: Array.from({ length: appends }, (_, index) => request(`s${id}-${index}`)),
});
const result = (stream: string, position: number): AppendResult => ({
  stream,
  streamRevision: 0,
  firstPosition: position,
  lastPosition: position,
  eventIds: [`e${position}`],
  duplicate: false,
});

describe("the writer thread's inbox", () => {
  it('takes every group queued behind the first, in the order sent, to run in one transaction', () => {
    const { port1: sender, port2: writer } = new MessageChannel();
    try {
      for (const id of [2, 3, 4]) sender.postMessage(append(id));

      const turn = takeTurn(append(1), writer);

      expect(turn.appends.map((command) => command.id)).toEqual([1, 2, 3, 4]);
      expect(turn.closeAfter).toBe(false);
      expect(receiveMessageOnPort(writer)).toBeUndefined();
    } finally {
      sender.close();
    }
  });

  it('stops at a close, after the groups sent before it, and leaves what follows queued', () => {
    const { port1: sender, port2: writer } = new MessageChannel();
    try {
      sender.postMessage(append(2));
      sender.postMessage({ kind: 'close' });
      sender.postMessage(append(3));

      const turn = takeTurn(append(1), writer);

      expect(turn.appends.map((command) => command.id)).toEqual([1, 2]);
      expect(turn.closeAfter).toBe(true);
      expect(receiveMessageOnPort(writer)?.message).toEqual(append(3));
    } finally {
      sender.close();
    }
  });

  it('takes only the first when nothing is queued', () => {
    const { port1: sender, port2: writer } = new MessageChannel();
    try {
      expect(takeTurn(append(1), writer)).toEqual({ appends: [append(1)], closeAfter: false });
    } finally {
      sender.close();
    }
  });

  it('takes at most its bound of groups, leaving the rest queued for a later transaction', () => {
    const { port1: sender, port2: writer } = new MessageChannel();
    try {
      for (const id of [2, 3, 4, 5]) sender.postMessage(append(id));

      expect(takeTurn(append(1), writer, 3).appends.map((command) => command.id)).toEqual([1, 2, 3]);
      expect((receiveMessageOnPort(writer)?.message as AppendCommand).id).toBe(4);
    } finally {
      sender.close();
    }
  });

  it("answers each group of a transaction with its own appends' outcomes, in order", () => {
    const refused = new ConcurrencyError('s2-1', 0, 3);
    const replies = repliesTo([append(1), append(2, 2), append(3)], {
      ok: true,
      value: [
        { ok: true, value: result('s1-0', 1) },
        { ok: true, value: result('s2-0', 2) },
        { ok: false, error: refused },
        { ok: true, value: result('s3-0', 3) },
      ],
    });

    expect(replies).toEqual([
      { kind: 'appended', id: 1, outcomes: [{ ok: true, value: result('s1-0', 1) }] },
      {
        kind: 'appended',
        id: 2,
        outcomes: [
          { ok: true, value: result('s2-0', 2) },
          { ok: false, error: expect.objectContaining({ name: 'ConcurrencyError', stream: 's2-1', actualRevision: 3 }) },
        ],
      },
      { kind: 'appended', id: 3, outcomes: [{ ok: true, value: result('s3-0', 3) }] },
    ]);
  });

  it('fails every group of a transaction that could not commit, with its error', () => {
    const replies = repliesTo([append(1), append(2)], { ok: false, error: new Error('database or disk is full') });

    expect(replies).toEqual([
      { kind: 'failed', id: 1, error: expect.objectContaining({ message: 'database or disk is full' }) },
      { kind: 'failed', id: 2, error: expect.objectContaining({ message: 'database or disk is full' }) },
    ]);
  });
});
