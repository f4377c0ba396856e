import { STRINGS } from './strings';

export type TimeKind = 'asOf' | 'effectiveAt' | 'atPosition';

/** The point the whole console shows, carried in the URL so that it can be shared. */
export interface TimePoint {
  readonly kind: TimeKind;
  readonly value: string;
}

export function pointOf(search: URLSearchParams): TimePoint | null {
  for (const kind of ['asOf', 'effectiveAt', 'atPosition'] as const) {
    const value = search.get(kind);
    if (value) return { kind, value };
  }
  return null;
}

/** The query string that asks the API for the point, `?` included, or '' for now. */
export function queryOf(point: TimePoint | null, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams(extra);
  if (point) search.set(point.kind, point.value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function describePoint(point: TimePoint): string {
  const labels = { asOf: STRINGS.timeTravel.asOf, effectiveAt: STRINGS.timeTravel.effectiveAt, atPosition: STRINGS.timeTravel.atPosition };
  return `${labels[point.kind]} ${point.value}`;
}
