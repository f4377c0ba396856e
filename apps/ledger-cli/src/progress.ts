/**
 * Progress of long work on stderr, so stdout stays the data: a bar with a rate on a terminal, a
 * plain line every few seconds when stderr is a file or a pipe.
 */
export class Progress {
  private done = 0;
  private lastLine = 0;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private readonly total: number | undefined,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly intervalMs = stream.isTTY ? 100 : 2000,
  ) {}

  advance(by = 1): void {
    this.done += by;
    const now = Date.now();
    if (now - this.lastLine < this.intervalMs) return;
    this.lastLine = now;
    this.render(false);
  }

  finish(): void {
    this.render(true);
  }

  private render(final: boolean): void {
    const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
    const rate = `${Math.round(this.done / seconds)}/s`;
    const of = this.total === undefined ? `${this.done}` : `${this.done}/${this.total}`;
    if (!this.stream.isTTY) {
      this.stream.write(`${this.label}: ${of} events, ${rate}${final ? ', done' : ''}\n`);
      return;
    }
    const width = 30;
    const filled = this.total ? Math.round((width * this.done) / Math.max(this.total, 1)) : 0;
    const bar = this.total ? `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` : '';
    this.stream.write(`\r${this.label} ${bar}${of} ${rate}${final ? '\n' : ''}`);
  }
}
