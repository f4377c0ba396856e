import { checkWebhookTarget, isPublicAddress, parseWebhookUrl, WebhookTargetError } from './webhook-target';

describe('webhook targets', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '2001:db8::1',
    '3fff::1',
    '3fff:fff:ffff::1',
    '5f00::1',
    '::127.0.0.1',
    '::7f00:1',
    'fec0::1',
    '2002:7f00:1::1',
    '2002:a00:1::',
    '::ffff:0:7f00:1',
    '::ffff:0:10.1.2.3',
  ])('judges %s not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2002:808:808::1', '64:ff9b::808:808'])(
    'judges %s public',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it.each([
    ['ftp://example.org/hook', /http or https/],
    ['https://user:pw@example.org/hook', /credentials/],
    ['https://example.org/hook#x', /fragment/],
    ['not a url', /absolute URL: it must start with http:\/\/ or https:\/\//],
    ['example.org/hook', /absolute URL: it must start with http:\/\/ or https:\/\//],
    ['http://127.0.0.1:99999/d', /^port 99999 is not a port number from 1 to 65535$/],
    ['http://127.0.0.1:65536/', /^port 65536 is not a port number from 1 to 65535$/],
    ['http://example.org:8o/', /^port 8o is not a port number/],
    ['http://exa mple.com/', /must not contain spaces/],
    ['http://[::1/', /^its host \[::1 opens a \[ for an IPv6 address that is never closed$/],
    ['http://[::zz]/', /^its host \[::zz\] is not a valid host name or address$/],
    ['http://exa%mple.com/', /^its host exa%mple.com is not a valid host name or address$/],
    [`https://example.org/${'a'.repeat(2100)}`, /longer than/],
    ['http://127.0.0.1:0/hook', /port 0/],
  ])('refuses %s by its form', (url, message) => {
    expect(() => parseWebhookUrl(url)).toThrow(WebhookTargetError);
    expect(() => parseWebhookUrl(url)).toThrow(message);
  });

  it('refuses loopback, private and link-local hosts unless private targets are allowed', async () => {
    await expect(checkWebhookTarget('http://127.0.0.1:9/hook', false)).rejects.toThrow(/private, loopback/);
    await expect(checkWebhookTarget('http://[::1]:9/hook', false)).rejects.toThrow(/private, loopback/);
    await expect(checkWebhookTarget('http://169.254.169.254/latest/meta-data', false)).rejects.toThrow(/private, loopback/);
    await expect(checkWebhookTarget('http://localhost:9/hook', false)).rejects.toThrow(/localhost resolves to/);
    await expect(checkWebhookTarget('http://127.0.0.1:9/hook', true)).resolves.toBeInstanceOf(URL);
  });

  it('refuses a host that does not resolve', async () => {
    await expect(checkWebhookTarget('https://no-such-host.invalid/hook', true)).rejects.toThrow(/does not resolve/);
  });
});
