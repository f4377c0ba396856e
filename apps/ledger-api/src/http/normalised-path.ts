const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/**
 * A request's path as RFC 3986 (6.2.2.2) compares it: an unreserved character written
 * percent-encoded (`rev%2dcd`) is that character. The router decodes the ids so, and a client or
 * proxy that normalises the URL of a retry must not find its command fingerprinted as another. A
 * path without `%` is returned as it is, so that no fingerprint stored before changes.
 */
export function normalisedPath(path: string): string {
  if (!path.includes('%')) return path;
  return path.replace(/%([0-9A-Fa-f]{2})/g, (encoded, hex: string) => {
    const character = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(character) ? character : encoded;
  });
}
