/**
 * Says, in words, how a subscriber's positions differ from 1, 2, 3... without gaps or repeats:
 * an empty list means the subscriber saw the log exactly as it should.
 */
export function positionAnomalies(positions: readonly number[]): string[] {
  const anomalies: string[] = [];
  let previous = 0;
  for (const position of positions) {
    if (position === previous + 1) {
      previous = position;
      continue;
    }
    if (position > previous + 1) anomalies.push(`gap: ${position} came after ${previous}, skipping ${previous + 1}..${position - 1}`);
    else anomalies.push(`${position <= previous ? 'repeat or reorder' : 'unexpected'}: ${position} came after ${previous}`);
    previous = Math.max(previous, position);
  }
  return anomalies;
}
