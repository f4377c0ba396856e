import { newWebhookSecret, signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures (Standard Webhooks)', () => {
  it("reproduce the specification's published test vector exactly", () => {
    const signed = signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}');
    expect(signed).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('verify what they sign, and nothing altered', () => {
    const secret = newWebhookSecret();
    const headers = signWebhook(secret, 'evt-1', 1700000000, '{"a":1}');
    expect(verifyWebhook(secret, headers, '{"a":1}')).toBe(true);
    expect(verifyWebhook(secret, headers, '{"a":2}')).toBe(false);
    expect(verifyWebhook(secret, { ...headers, 'webhook-timestamp': '1700000001' }, '{"a":1}')).toBe(false);
    expect(verifyWebhook(newWebhookSecret(), headers, '{"a":1}')).toBe(false);
  });

  it('accept a header listing several signatures when one matches', () => {
    const secret = newWebhookSecret();
    const headers = signWebhook(secret, 'evt-1', 1700000000, '{}');
    expect(verifyWebhook(secret, { ...headers, 'webhook-signature': `v1,bm9wZQ== ${headers['webhook-signature']}` }, '{}')).toBe(true);
  });

  it('make secrets of 32 random bytes behind whsec_', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });
});
