/** What Fastify's `trustProxy` is given: the proxies' addresses as they are, or a hop count as a rule. */
export type TrustedProxies = false | string | ((address: string, hop: number) => boolean);

/**
 * `CONCORD_TRUST_PROXY` as Fastify takes it. Fastify 5.12 trusts nothing for a bare number (a
 * client that reaches the server without the proxies could otherwise name any address), so a hop
 * count, which this setting documents, is passed as the rule it stands for: the nearest `hops`
 * addresses (the peer, then each `X-Forwarded-For` entry from the right) are proxies.
 */
export function trustedProxies(setting: false | number | string): TrustedProxies {
  if (typeof setting !== 'number') return setting;
  return (_address, hop) => hop < setting;
}
