import { ConfigError, loadConfig } from '@concord/config';
import { InMemoryTransparencyStore } from '@concord/transparency';
import { logNameOf } from './open-resources';

describe('the name of the log a start signs', () => {
  const unfitUrl = loadConfig({ CONCORD_PUBLIC_URL: 'https://ledger.example.org/a+b' });

  it('refuses a public URL that cannot name a new log, and says to set CONCORD_LOG_ORIGIN', async () => {
    const refused = logNameOf(new InMemoryTransparencyStore(), unfitUrl);
    await expect(refused).rejects.toBeInstanceOf(ConfigError);
    await expect(refused).rejects.toThrow(/set CONCORD_LOG_ORIGIN/);
  });

  it('keeps the name of a log already signed, whatever the public URL now', async () => {
    const signed = new InMemoryTransparencyStore();
    await signed.publishKey({
      name: 'localhost/concord-ledger',
      verifierKey: 'localhost/concord-ledger+00000000+AQ==',
      publicKeyPem: '',
      from: '2026-01-01T00:00:00.000Z',
    });
    expect(await logNameOf(signed, unfitUrl)).toBe('localhost/concord-ledger');
  });
});
