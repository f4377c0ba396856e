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

  // The parser skips a third slash and would take `hook` for the host; the others it refuses outright.
  it.each(['http:///hook', 'https:////hook', 'http://:8080/x', 'http://:/x', 'http://user@/x', 'http://user:secret@:8080/x'])(
    'says plainly that %s has no host',
    (url) => {
      expect(() => parseWebhookUrl(url)).toThrow(/^has no host: a host name or address must come right after http:\/\/ or https:\/\/$/);
    },
  );

  it.each(['http:hook', 'http:/hook'])('refuses %s, whose host the parser would guess at', (url) => {
    expect(() => parseWebhookUrl(url)).toThrow(/^is not an absolute URL/);
  });

  // A '/', '\\', '?' or '#' ends the authority, so the parser reads host `user` and a port from the password's start.
  it.each([
    ['http://user:s3cr/t@example.com/hook', '/', '%2F'],
    ['http://user:s3cr/t@example.com:8080/hook', '/', '%2F'],
    ['http://user:4711/t@example.com/hook', '/', '%2F'],
    ['http://user:/t@example.com/hook', '/', '%2F'],
    ['http://user:4711\\t@example.com/hook', '\\', '%5C'],
    ['http://user:s3cr?t@example.com/hook', '?', '%3F'],
    ['http://user:s3cr#t@example.com/hook', '#', '%23'],
  ])('explains that %s holds a password with a character that ends the host part', (url, character, encoded) => {
    let message = '';
    try {
      parseWebhookUrl(url);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`with a '${character}' in the password, but the '${character}' ends the host part`);
    expect(message).toContain('must not carry credentials');
    expect(message).toContain(`must be percent-encoded as ${encoded}`);
    // Nor does it repeat the password, which would end up in logs.
    expect(message).not.toMatch(/s3cr|4711/);
  });

  it.each(['http://user:pa%2Fss@example.com/hook', 'http://user:pa%2Fss@example.com:8080/hook'])(
    'refuses %s, its password percent-encoded, for its credentials',
    (url) => {
      expect(() => parseWebhookUrl(url)).toThrow(/^must not carry credentials/);
    },
  );

  it.each([
    'https://example.org:8443/hook?email=a@b.org',
    'https://example.org/users/@alice',
    'https://example.org:8443/users/%40alice',
    // A host and port someone meant, with an @ in the path.
    'https://example.com:8443/@concord/hook',
    'http://localhost:3000/users/a@b.org',
    'http://[2001:db8::1]:8080/@team',
  ])('accepts %s, whose @ cannot be the end of credentials', (url) => {
    expect(parseWebhookUrl(url)).toBeInstanceOf(URL);
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
