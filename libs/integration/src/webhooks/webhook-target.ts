import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where webhooks may be delivered. The address check runs on every address a name resolves to,
 * at registration and again at every connection (see `guardedLookup`), so a name that later
 * resolves to an internal address (DNS rebinding) is still refused.
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** IPv4 written inside IPv6 (`::ffff:10.0.0.1`, NAT64 `64:ff9b::a00:1`) is judged as the IPv4 it carries. */
function embeddedIpv4(address: string): string | undefined {
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (dotted !== undefined) return dotted;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex === null) return undefined;
  const high = parseInt(hex[1] ?? '0', 16);
  const low = parseInt(hex[2] ?? '0', 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const v4 = embeddedIpv4(address.toLowerCase());
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
    throw new WebhookTargetError('is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new WebhookTargetError(`must use http or https, not ${url.protocol.replace(/:$/, '')}`);
  if (url.username !== '' || url.password !== '') throw new WebhookTargetError('must not carry credentials; authenticate the ledger by the webhook signature instead');
  if (url.hash !== '') throw new WebhookTargetError('must not have a fragment');
  if (url.hostname === '') throw new WebhookTargetError('must name a host');
  return url;
}

function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function refuseUnlessPublic(host: string, address: string, allowPrivate: boolean): void {
  if (!allowPrivate && !isPublicAddress(address)) {
    const resolved = host === address ? '' : ` resolves to ${address}, which`;
    throw new WebhookTargetError(`${host}${resolved} is a private, loopback, link-local or reserved address; webhooks go to public addresses only (CONCORD_WEBHOOK_ALLOW_PRIVATE=true allows others)`);
  }
}

/** Checks a registration: the URL's rules, then every address its host resolves to now. */
export async function checkWebhookTarget(raw: string, allowPrivate: boolean): Promise<URL> {
  const url = parseWebhookUrl(raw);
  const host = bareHost(url);
  if (isIP(host) !== 0) {
    refuseUnlessPublic(host, host, allowPrivate);
    return url;
  }
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch (error) {
    throw new WebhookTargetError(`${host} does not resolve (${(error as { code?: string }).code ?? String(error)})`);
  }
  for (const { address } of addresses) refuseUnlessPublic(host, address, allowPrivate);
  return url;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | { address: string; family: number }[], family?: number) => void;

/**
 * A `lookup` for `http.request` that resolves as usual and refuses the connection when an address
 * is not public: the check and the connection use the same answer, so DNS cannot change in between.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    lookup(hostname, { all: true, verbatim: true })
      .then((addresses) => {
        for (const { address } of addresses) refuseUnlessPublic(hostname, address, allowPrivate);
        const first = addresses[0];
        if (first === undefined) throw new WebhookTargetError(`${hostname} does not resolve`);
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
