/** The log stream's name after the namespace: where every ledger event is committed, in order. */
export const LOG_STREAM_NAME = 'concord-ledger';

/**
 * Maps the port's stream names to EventStoreDB stream names: `namespace + name`. The namespace lets
 * several ledgers (or one per test) share a server without seeing each other. Names EventStoreDB
 * reserves (`$`-prefixed: system and metadata streams) and the log's own name cannot be ledger
 * streams.
 */
export class LedgerStreamNames {
  readonly log: string;

  constructor(readonly namespace: string) {
    if (namespace.startsWith('$')) throw new TypeError(`the EventStoreDB namespace cannot start with $ (reserved for system streams), got ${namespace}`);
    this.log = `${namespace}${LOG_STREAM_NAME}`;
  }

  /** The EventStoreDB stream of a ledger stream; a TypeError for a name the ledger cannot use. */
  streamFor(stream: string): string {
    const name = this.tryStreamFor(stream);
    if (name === undefined) {
      throw new TypeError(`stream name ${stream} is reserved on EventStoreDB (the ledger's log, or a $ system stream)`);
    }
    return name;
  }

  /** Undefined for a name that can never hold ledger events. */
  tryStreamFor(stream: string): string | undefined {
    const name = `${this.namespace}${stream}`;
    return name.startsWith('$') || name === this.log ? undefined : name;
  }
}
