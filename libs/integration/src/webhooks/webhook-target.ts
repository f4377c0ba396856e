import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where webhooks may be delivered. The address check runs on every address a name resolves to,
 * at registration and again at every connection (see `guardedLookup`), so a name that later
 * resolves to an internal address (DNS rebinding) is still refused.
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  // Documentation (RFC 9637) and SRv6 segment identifiers (RFC 9602): not reachable on the internet.
  ['3fff::', 20],
  ['5f00::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** The 16 bytes of an IPv6 address in any written form (`::`, a dotted IPv4 tail), or undefined. */
function ipv6Bytes(address: string): number[] | undefined {
  const [head = '', tail, extra] = address.toLowerCase().split('::');
  if (extra !== undefined) return undefined;
  const groups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const words: number[] = [];
    for (const piece of part.split(':')) {
      if (/^\d+\.\d+\.\d+\.\d+$/.test(piece)) {
        const octets = piece.split('.').map(Number);
        words.push(((octets[0] ?? 0) << 8) | (octets[1] ?? 0), ((octets[2] ?? 0) << 8) | (octets[3] ?? 0));
      } else if (/^[0-9a-f]{1,4}$/.test(piece)) words.push(parseInt(piece, 16));
      else return undefined;
    }
    return words;
  };
  const before = groups(head);
  const after = tail === undefined ? [] : groups(tail);
  if (before === undefined || after === undefined) return undefined;
  const missing = 8 - before.length - after.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return undefined;
  return [...before, ...new Array<number>(missing).fill(0), ...after].flatMap((word) => [word >> 8, word & 255]);
}

const startsWith = (bytes: readonly number[], prefix: readonly number[]): boolean => prefix.every((byte, index) => bytes[index] === byte);
const dotted = (bytes: readonly number[]): string => bytes.join('.');

/**
 * The IPv4 address an IPv6 one carries, where one is written inside it: IPv4-compatible (`::a.b.c.d`),
 * IPv4-mapped (`::ffff:a.b.c.d`), IPv4-translated (`::ffff:0:a.b.c.d`), NAT64 (`64:ff9b::a.b.c.d`) and
 * 6to4 (`2002:aabb:ccdd::`). Such an address is judged as the IPv4 it leads to.
 */
function embeddedIpv4(address: string): string | undefined {
  const bytes = ipv6Bytes(address);
  if (bytes === undefined) return undefined;
  const zeros = (count: number): number[] => new Array<number>(count).fill(0);
  if (startsWith(bytes, [0x20, 0x02])) return dotted(bytes.slice(2, 6));
  if (startsWith(bytes, [...zeros(10), 0xff, 0xff]) || startsWith(bytes, [...zeros(8), 0xff, 0xff, 0, 0])) return dotted(bytes.slice(12));
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b, ...zeros(8)])) return dotted(bytes.slice(12));
  if (startsWith(bytes, zeros(12)) && !bytes.slice(12).every((byte) => byte === 0) && !(bytes[15] === 1 && bytes.slice(12, 15).every((byte) => byte === 0))) {
    return dotted(bytes.slice(12));
  }
  return undefined;
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const v4 = embeddedIpv4(address);
    if (v4 !== undefined) return !NON_PUBLIC.check(v4, 'ipv4');
    return !NON_PUBLIC.check(address, 'ipv6');
  }
  return !NON_PUBLIC.check(address, 'ipv4');
}

export class WebhookTargetError extends Error {
  override readonly name = 'WebhookTargetError';
}

export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** The URL's own rules: http or https, a host, no credentials, no fragment. */
export function parseWebhookUrl(raw: string): URL {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) throw new WebhookTargetError(`the URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetError(whyNotAUrl(raw));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new WebhookTargetError(`must use http or https, not ${url.protocol.replace(/:$/, '')}`);
  const written = writtenAuthority(raw);
  if (written !== undefined) refuseWhatTheParserReadsOtherwise(written);
  if (url.username !== '' || url.password !== '') throw new WebhookTargetError(NO_CREDENTIALS);
  if (url.hash !== '') throw new WebhookTargetError('must not have a fragment');
  if (url.hostname === '') throw new WebhookTargetError(NO_HOST);
  if (url.port === '0') throw new WebhookTargetError('must not name port 0');
  return url;
}

const NOT_ABSOLUTE = 'is not an absolute URL: it must start with http:// or https://';
const NO_HOST = 'has no host: a host name or address must come right after http:// or https://';
const NO_CREDENTIALS = 'must not carry credentials; authenticate the ledger by the webhook signature instead';

/**
 * The authority of a URL as written, split where the WHATWG URL parser splits it: after the
 * scheme's slashes (a backslash counts as one in an http URL), up to the first `/`, `\`, `?` or `#`,
 * with credentials up to its last `@`. `stop` is the character that ended it ('' at the end).
 */
interface WrittenAuthority {
  readonly slashes: number;
  readonly credentials: string | undefined;
  readonly host: string;
  readonly port: string | undefined;
  readonly stop: string;
  readonly rest: string;
}

function writtenAuthority(raw: string): WrittenAuthority | undefined {
  const match = /^[a-z][a-z0-9+.-]*:([/\\]*)([^/\\?#]*)(.*)$/is.exec(raw);
  if (match === null) return undefined;
  const [, slashes = '', authority = '', after = ''] = match;
  const at = authority.lastIndexOf('@');
  const hostAndPort = authority.slice(at + 1);
  const portAt = portColon(hostAndPort);
  return {
    slashes: slashes.length,
    credentials: at === -1 ? undefined : authority.slice(0, at),
    host: portAt === -1 ? hostAndPort : hostAndPort.slice(0, portAt),
    port: portAt === -1 ? undefined : hostAndPort.slice(portAt + 1),
    stop: after.slice(0, 1),
    rest: after,
  };
}

/** Where the port's `:` stands in `host:port`, past an IPv6 address's brackets; -1 where there is none. */
function portColon(hostAndPort: string): number {
  if (!hostAndPort.startsWith('[')) return hostAndPort.indexOf(':');
  const closing = hostAndPort.indexOf(']');
  return closing === -1 ? -1 : hostAndPort.indexOf(':', closing);
}

/**
 * Refuses a URL the parser reads otherwise than its writer meant: `http:///hook` has no host, yet
 * the parser skips the third slash and takes `hook` for one; and `user:12/ss@example.com` is meant
 * as credentials, yet the `/` ends the authority, so the parser reads host `user`, port 12.
 */
function refuseWhatTheParserReadsOtherwise(written: WrittenAuthority): void {
  const problem = misreadingOf(written);
  if (problem !== undefined) throw new WebhookTargetError(problem);
}

/** What the parser would read otherwise than the writer meant, said as a refusal; undefined when nothing. */
function misreadingOf(written: WrittenAuthority): string | undefined {
  if (written.slashes < 2) return NOT_ABSOLUTE;
  if (written.slashes > 2 || written.host === '') return NO_HOST;
  if (credentialsCutShort(written)) return credentialsCutShortMessage(written.stop);
  return undefined;
}

/**
 * Whether the authority reads as the start of `user:password@host` whose password holds the
 * character that ended it: a `:` in the authority, no `@` in it, an `@` after it. An `@` in a path
 * or a query is common (`/@team/hook`, an e-mail address), so it counts only where what the parser
 * read cannot be a host and port someone meant: a port that is no number, or a "host" that reads
 * as a user name (one label, not `localhost`, not an address) before a numeric "port".
 */
function credentialsCutShort(written: WrittenAuthority): boolean {
  if (written.credentials !== undefined || written.port === undefined || !written.rest.includes('@')) return false;
  if (!/^\d*$/.test(written.port)) return true;
  const path = /^[^?#]*/.exec(written.rest)?.[0] ?? '';
  return path.includes('@') && readsAsUserName(written.host);
}

function readsAsUserName(host: string): boolean {
  return !host.includes('.') && !host.startsWith('[') && host.toLowerCase() !== 'localhost';
}

const PERCENT_ENCODED: Readonly<Record<string, string>> = { '/': '%2F', '\\': '%5C', '?': '%3F', '#': '%23' };

/** Says what the parser made of the URL and why, without repeating any part of the would-be password. */
function credentialsCutShortMessage(stop: string): string {
  const inPath = stop === '/' || stop === '\\' ? ', and an @ that belongs to the path as %40' : '';
  return (
    `looks like a user name and password before an @, with a '${stop}' in the password, but the '${stop}' ends the host part: ` +
    `the URL parser takes the user name for the host and the password's start for the port. ` +
    `A webhook URL must not carry credentials (authenticate the ledger by the webhook signature instead); ` +
    `in any URL, a '${stop}' in a password must be percent-encoded as ${PERCENT_ENCODED[stop] ?? stop}${inPath}`
  );
}

/** Why the URL parser refused `raw`, as far as its parts tell: the message names the part at fault. */
function whyNotAUrl(raw: string): string {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(raw)) return NOT_ABSOLUTE;
  if (/\s/.test(raw)) return 'must not contain spaces or other white space (percent-encode them in a path)';
  const written = writtenAuthority(raw);
  if (written === undefined) return NOT_ABSOLUTE;
  const misread = misreadingOf(written);
  if (misread !== undefined) return misread;
  if (written.host.startsWith('[') && !written.host.includes(']')) return `its host ${written.host} opens a [ for an IPv6 address that is never closed`;
  const { port } = written;
  if (port !== undefined && port !== '' && !(/^\d{1,5}$/.test(port) && Number(port) <= 65535)) return `port ${port} is not a port number from 1 to 65535`;
  return `its host ${written.host} is not a valid host name or address`;
}

function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function refuseUnlessPublic(host: string, address: string, allowPrivate: boolean): void {
  if (!allowPrivate && !isPublicAddress(address)) {
    const resolved = host === address ? '' : ` resolves to ${address}, which`;
    throw new WebhookTargetError(
      `${host}${resolved} is a private, loopback, link-local or reserved address; webhooks go to public addresses only (CONCORD_WEBHOOK_ALLOW_PRIVATE=true allows others)`,
    );
  }
}

/** Every address `host` resolves to now, each of them allowed; refused otherwise, naming why. */
async function resolveAllowed(host: string, allowPrivate: boolean): Promise<{ address: string; family: number }[]> {
  let addresses: { address: string; family: number }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch (error) {
    throw new WebhookTargetError(`${host} does not resolve (${(error as { code?: string }).code ?? String(error)})`);
  }
  if (addresses.length === 0) throw new WebhookTargetError(`${host} does not resolve`);
  for (const { address } of addresses) refuseUnlessPublic(host, address, allowPrivate);
  return addresses;
}

/** Checks a registration: the URL's rules, then every address its host resolves to now. */
export async function checkWebhookTarget(raw: string, allowPrivate: boolean): Promise<URL> {
  const url = parseWebhookUrl(raw);
  if (isIP(bareHost(url)) !== 0) assertLiteralAllowed(url, allowPrivate);
  else await resolveAllowed(bareHost(url), allowPrivate);
  return url;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | { address: string; family: number }[], family?: number) => void;

/**
 * A `lookup` for `http.request` that resolves as usual and refuses the connection when an address
 * is not public: the check and the connection use the same answer, so DNS cannot change in between.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    resolveAllowed(hostname, allowPrivate)
      .then((addresses) => {
        const [first] = addresses as [{ address: string; family: number }];
        if (options.all === true) callback(null, addresses);
        else callback(null, first.address, first.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, ''));
  };
}

/** For an IP written in the URL itself, where no lookup happens. */
export function assertLiteralAllowed(url: URL, allowPrivate: boolean): void {
  const host = bareHost(url);
  if (isIP(host) !== 0) refuseUnlessPublic(host, host, allowPrivate);
}
