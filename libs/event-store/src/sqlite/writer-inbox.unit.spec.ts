import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { AppendCommand, takeTurn } from './writer-inbox';

const append = (id: number): AppendCommand => ({ kind: 'append', id, requests: [{ stream: `s${id}`, events: [], expected: 'any', commandId: `c${id}` }] });

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
});
