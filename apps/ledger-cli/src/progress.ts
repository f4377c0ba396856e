/**
 * Progress of long work on stderr, so stdout stays the data: a bar with a rate on a terminal, a
 * plain line every few seconds when stderr is a file or a pipe. Work that is only a step towards
 * an answer (`quiet`) reports only if it runs long enough to be worth a line.
 */
export interface ProgressOptions {
  readonly quiet?: boolean;
  readonly stream?: NodeJS.WriteStream;
  readonly intervalMs?: number;
  /** What is counted, in the plain lines: `events` unless said otherwise. */
  readonly unit?: string;
}

export class Progress {
  private done = 0;
  /** Of `done`, what was done before this run began: counted, but not rated. */
  private doneBefore = 0;
  private lastLine = 0;
  private lines = 0;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private readonly total: number | undefined,
    private readonly options: ProgressOptions = {},
  ) {
    if (options.quiet) this.lastLine = this.started;
  }

  private get stream(): NodeJS.WriteStream {
    return this.options.stream ?? process.stderr;
  }

  /**
   * Starts the count at work done before this run (an import resumed finds events already in the
   * ledger): the count shows it, the rate leaves it out, or a run that resumed near the end would
   * claim thousands of events a second.
   */
  resumeFrom(alreadyDone: number): void {
    this.done += alreadyDone;
    this.doneBefore += alreadyDone;
  }

  advance(by = 1): void {
    this.done += by;
    const now = Date.now();
    if (now - this.lastLine < (this.options.intervalMs ?? (this.stream.isTTY ? 100 : 2000))) return;
    this.lastLine = now;
    this.render(false);
  }

  finish(): void {
    if (this.options.quiet && this.lines === 0) return;
    this.render(true);
  }

  private render(final: boolean): void {
    this.lines += 1;
    const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
    const rate = `${Math.round((this.done - this.doneBefore) / seconds)}/s`;
    const of = this.total === undefined ? `${this.done}` : `${this.done}/${this.total}`;
    if (!this.stream.isTTY) {
      this.stream.write(`${this.label}: ${of} ${this.options.unit ?? 'events'}, ${rate}${final ? ', done' : ''}\n`);
      return;
    }
    const width = 30;
    const filled = this.total ? Math.round((width * this.done) / Math.max(this.total, 1)) : 0;
    const bar = this.total ? `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` : '';
    this.stream.write(`\r${this.label} ${bar}${of} ${rate}${final ? '\n' : ''}`);
  }
}
