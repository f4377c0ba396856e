import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Writes of one small block followed by fdatasync, for `ms`: the rate at which this disk makes writes durable. */
export function fsyncRate(directory: string, ms = 2000): number {
  const file = join(directory, 'fsync-probe');
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(4096, 1);
  let count = 0;
  const deadline = performance.now() + ms;
  while (performance.now() < deadline) {
    writeSync(fd, block, 0, block.length, 0);
    fdatasyncSync(fd);
    count += 1;
  }
  closeSync(fd);
  rmSync(file);
  return count / (ms / 1000);
}
