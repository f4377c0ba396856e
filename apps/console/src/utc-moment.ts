/**
 * An instant as the ledger gives it (`2026-12-05T16:00:00.000Z`), split as the console shows
 * times: its UTC day, and its time of day (`16:00`, with seconds only when it has some). The time
 * is null at midnight UTC, which is how the ledger stores a date given without a time.
 */
export function utcMomentOf(instant: string): { readonly day: string; readonly time: string | null } {
  const day = instant.slice(0, 10);
  const time = instant.slice(11, 19);
  if (time === '' || /^00:00:00(\.0+)?Z?$/.test(instant.slice(11))) return { day, time: null };
  return { day, time: time.endsWith(':00') ? time.slice(0, 5) : time };
}
