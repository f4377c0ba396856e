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
