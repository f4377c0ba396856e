import { PerfectNode } from './tree-ranges';
import { nodeKey, PublishedKey, StoredCheckpoint, StoredNode, TransparencyStore } from './transparency-store.port';
import { checkExtension, missingNode } from './transparency-rows';

/** The transparency tables in memory: for tests, and for a ledger that keeps nothing. */
export class InMemoryTransparencyStore implements TransparencyStore {
  readonly extendedByAppends = false;

  storesLevel(): boolean {
    return true;
  }
  private readonly stored = new Map<string, Uint8Array>();
  private size = 0;
  private readonly signed = new Map<number, StoredCheckpoint>();
  private readonly keys: PublishedKey[] = [];

  async treeSize(): Promise<number> {
    return this.size;
  }

  async extend(fromSize: number, nodes: readonly StoredNode[]): Promise<void> {
    checkExtension(this.size, fromSize, nodes, (node) => this.stored.get(nodeKey(node)));
    for (const node of nodes) {
      if (!this.stored.has(nodeKey(node))) this.stored.set(nodeKey(node), node.hash);
      if (node.level === 0) this.size = Math.max(this.size, node.index + 1);
    }
  }

  async nodes(wanted: readonly PerfectNode[]): Promise<Uint8Array[]> {
    return wanted.map((node) => this.stored.get(nodeKey(node)) ?? missingNode(node));
  }

  async leaves(fromIndex: number, count: number): Promise<Uint8Array[]> {
    const end = Math.min(this.size, fromIndex + count);
    return Array.from({ length: Math.max(0, end - fromIndex) }, (_, offset) => this.stored.get(nodeKey({ level: 0, index: fromIndex + offset })) as Uint8Array);
  }

  async latestCheckpoint(): Promise<StoredCheckpoint | undefined> {
    return this.sortedCheckpoints().at(-1);
  }

  async checkpoints(fromSize: number, limit: number): Promise<StoredCheckpoint[]> {
    return this.sortedCheckpoints()
      .filter((checkpoint) => checkpoint.treeSize >= fromSize)
      .slice(0, limit);
  }

  async checkpointOfSize(treeSize: number): Promise<StoredCheckpoint | undefined> {
    return this.signed.get(treeSize);
  }

  async addCheckpoint(checkpoint: StoredCheckpoint): Promise<boolean> {
    if (this.signed.has(checkpoint.treeSize)) return false;
    this.signed.set(checkpoint.treeSize, checkpoint);
    return true;
  }

  async publishedKeys(): Promise<PublishedKey[]> {
    return [...this.keys];
  }

  async publishKey(key: Omit<PublishedKey, 'until'>): Promise<void> {
    if (this.keys.some((known) => known.verifierKey === key.verifierKey)) return;
    this.keys.forEach((known, index) => {
      if (known.until === null) this.keys[index] = { ...known, until: key.from };
    });
    this.keys.push({ ...key, until: null });
  }

  async close(): Promise<void> {}

  private sortedCheckpoints(): StoredCheckpoint[] {
    return [...this.signed.values()].sort((a, b) => a.treeSize - b.treeSize);
  }
}
