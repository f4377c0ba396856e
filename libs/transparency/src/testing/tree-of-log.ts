import { InMemoryEventStore } from '@concord/event-store';
import { InMemoryTransparencyStore } from '../in-memory-transparency-store';
import { LogTree } from '../log-tree';
import { eventToAppend } from './log-events';

/** A log of `count` statements (their texts given by `texts`) in memory, and its tree built: what a signer signs. */
export async function treeOfLog(count: number, texts: (index: number) => string = (index) => `statement ${index}`) {
  const store = new InMemoryEventStore();
  for (let index = 0; index < count; index += 1) {
    const event = eventToAppend(index);
    await store.append(`stream-${index % 3}`, [{ ...event, data: { ...event.data, text: texts(index) } }], { expectedRevision: 'any' });
  }
  const transparency = new InMemoryTransparencyStore();
  const tree = await LogTree.open(transparency);
  await tree.extend(await store.readAll());
  return { store, transparency, tree };
}
