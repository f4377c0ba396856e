import { limitedAddress } from './client-address';

describe('limitedAddress', () => {
  it('counts IPv4 by the address, mapped into IPv6 or not', () => {
    expect(limitedAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(limitedAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts every address of one IPv6 /64 as one client, however it is written', () => {
    const one = ['2001:db8:1:2:aaaa::1', '2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:DB8:1:2::', '2001:db8:1:2:0:0:0:9'].map(limitedAddress);
    expect(new Set(one)).toEqual(new Set(['2001:db8:1:2::/64']));
    expect(limitedAddress('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(limitedAddress('::1')).toBe('0:0:0:0::/64');
    expect(limitedAddress('fe80::1')).toBe('fe80:0:0:0::/64');
  });
});

describe('limitedAddress, asked for more addresses than it keeps', () => {
  it('answers each as it did the first time', () => {
    const addresses = Array.from({ length: 2500 }, (_, i) => (i % 2 === 0 ? `198.51.${i >> 8}.${i & 255}` : `2001:db8:${i.toString(16)}:1::${i.toString(16)}`));
    const first = addresses.map(limitedAddress);
    expect(addresses.map(limitedAddress)).toEqual(first);
    expect(first[1]).toBe('2001:db8:1:1::/64');
    expect(first[2500 - 2]).toBe('198.51.9.194');
  });
});
