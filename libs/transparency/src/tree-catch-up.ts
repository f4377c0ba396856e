import { EventStore } from '@concord/event-store';
import { LogTree } from './log-tree';

export const MAX_LEAVES_PER_WRITE = 2000;

/**
 * Extends the tree to the log's head as it is now, a page of leaves per write, taking in what
 * another writer stored meanwhile (appends that extend the tree themselves once it is caught up).
 */
export async function catchUpTree(store: EventStore, tree: LogTree, onLeaves?: (count: number) => void): Promise<void> {
  const head = await store.headPosition();
  for (await tree.refresh(); tree.size < head; await tree.refresh()) {
    const page = await store.readAll({ after: tree.size, limit: Math.min(MAX_LEAVES_PER_WRITE, head - tree.size) });
    if (page.length === 0) return;
    await tree.extend(page);
    onLeaves?.(page.length);
  }
}
