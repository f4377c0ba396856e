/**
 * A pure function of a string with the results for the arguments seen lately kept: the same few
 * keys and client addresses come with nearly every request. Emptied when `limit` are held, so
 * arguments sent in bulk cannot grow it. A result is shared: read it, never write to it.
 */
export function boundedMemo<T>(compute: (argument: string) => T, limit = 1000): (argument: string) => T {
  const held = new Map<string, T>();
  return (argument) => {
    let result = held.get(argument);
    if (result === undefined) {
      if (held.size >= limit) held.clear();
      result = compute(argument);
      held.set(argument, result);
    }
    return result;
  };
}
