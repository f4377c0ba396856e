/** Where two values first differ: the path to it (`$.members[3].status`) and the value on each side. */
export interface ValueDifference {
  readonly path: string;
  readonly stored: unknown;
  readonly folded: unknown;
}

/**
 * The first place where two answers differ, read as JSON reads them (what the API would send), or
 * `undefined` when they are the same. Object keys are compared whatever their order.
 */
export function firstDifference(stored: unknown, folded: unknown, path = '$'): ValueDifference | undefined {
  return differenceOf(asJson(stored), asJson(folded), path);
}

function asJson(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

function differenceOf(stored: unknown, folded: unknown, path: string): ValueDifference | undefined {
  if (Array.isArray(stored) && Array.isArray(folded)) {
    for (let index = 0; index < Math.max(stored.length, folded.length); index += 1) {
      if (index >= stored.length || index >= folded.length) return { path: `${path}[${index}]`, stored: stored[index], folded: folded[index] };
      const inner = differenceOf(stored[index], folded[index], `${path}[${index}]`);
      if (inner) return inner;
    }
    return undefined;
  }
  if (isRecord(stored) && isRecord(folded)) {
    for (const key of [...new Set([...Object.keys(stored), ...Object.keys(folded)])].sort()) {
      const inner = differenceOf(stored[key], folded[key], `${path}.${key}`);
      if (inner) return inner;
    }
    return undefined;
  }
  return stored === folded ? undefined : { path, stored, folded };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
