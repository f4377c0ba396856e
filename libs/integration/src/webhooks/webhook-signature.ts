import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Standard Webhooks: a secret is `whsec_` + base64 of its key bytes. */
export const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;

export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;
}

function keyOf(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new TypeError('a webhook secret starts with whsec_');
  return Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
}

export interface SignedHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

/**
 * The Standard Webhooks signature: HMAC-SHA256 with the secret's key bytes over
 * `${id}.${timestamp}.${body}`, base64, versioned `v1,`; one per secret, space-separated, when
 * several sign (a rotation's previous secret beside the new one).
 */
export function signWebhook(secrets: string | readonly string[], messageId: string, timestampSeconds: number, body: string): SignedHeaders {
  const signatures = (typeof secrets === 'string' ? [secrets] : secrets).map(
    (secret) => `v1,${createHmac('sha256', keyOf(secret)).update(`${messageId}.${timestampSeconds}.${body}`).digest('base64')}`,
  );
  return { 'webhook-id': messageId, 'webhook-timestamp': String(timestampSeconds), 'webhook-signature': signatures.join(' ') };
}

/**
 * What a receiver does: true when one of the space-separated `v1,` signatures matches. Used by the
 * tests and shown in the README; the timestamp tolerance is the receiver's choice.
 */
export function verifyWebhook(secret: string, headers: SignedHeaders, body: string): boolean {
  if (!secret.startsWith(SECRET_PREFIX)) return false;
  const expected = Buffer.from(signWebhook(secret, headers['webhook-id'], Number(headers['webhook-timestamp']), body)['webhook-signature']);
  return headers['webhook-signature'].split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
