import { isIPv6 } from 'node:net';
import { boundedMemo } from '../http/bounded-memo';

/**
 * The address the limits count a client by. An IPv6 client usually holds a whole /64 and can
 * pick a new address in it for every request, so IPv6 addresses count by their /64; IPv4 (and
 * IPv4 mapped into IPv6) by the address.
 */
export const limitedAddress = boundedMemo(addressCounted);

function addressCounted(ip: string): string {
  if (!isIPv6(ip) || /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip)) return ip.replace(/^::ffff:/i, '');
  const [head = '', tail = ''] = ip.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = ip.includes('::') ? (tail === '' ? [] : tail.split(':')) : [];
  const groups = ip.includes('::') ? [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups] : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
