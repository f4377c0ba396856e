import { redactedUrl } from './redacted-url';

describe('redactedUrl', () => {
  it.each([
    ['/v1/bodies/kp?access_token=abc123', '/v1/bodies/kp?access_token=[redacted]'],
    ['/v1/bodies/kp?asOf=2022-06-24&api_key=s3cret&x=1', '/v1/bodies/kp?asOf=2022-06-24&api_key=[redacted]&x=1'],
    ['/v1/events?after=3&Authorization=Bearer%20k', '/v1/events?after=3&Authorization=[redacted]'],
    ['/v1/events?%61pi%5Fkey=k', '/v1/events?%61pi%5Fkey=[redacted]'],
    [
      '/v1/bodies/kp?jwt=a.b.c&sig=x1&bearer=k&pwd=p&passphrase=q',
      '/v1/bodies/kp?jwt=[redacted]&sig=[redacted]&bearer=[redacted]&pwd=[redacted]&passphrase=[redacted]',
    ],
    ['/v1/bodies/kp?password', '/v1/bodies/kp?password'],
    ['/v1/bodies/kp?asOf=2022-06-24', '/v1/bodies/kp?asOf=2022-06-24'],
    ['/v1/bodies/kp', '/v1/bodies/kp'],
  ])('writes %s as %s', (url, logged) => {
    expect(redactedUrl(url)).toBe(logged);
  });
});
