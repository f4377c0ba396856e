import { ConfigError, loadConfig } from './ledger-config';

describe('loadConfig', () => {
  it('defaults to port 3000 and ./data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(`${process.cwd()}/data`);
    expect(config.suspendedObjectionsBlock).toBe(false);
  });

  it('reads the settings it is given', () => {
    const config = loadConfig({ PORT: '8080', CONCORD_DATA_DIR: '/tmp/x', CONCORD_SUSPENDED_OBJECTIONS_BLOCK: 'true', CONCORD_LOG_LEVEL: 'warn' });
    expect(config).toMatchObject({ port: 8080, dataDir: '/tmp/x', suspendedObjectionsBlock: true, logLevel: 'warn' });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ CONCORD_SUSPENDED_OBJECTIONS_BLOCK: 'maybe' }, /CONCORD_SUSPENDED_OBJECTIONS_BLOCK/],
    [{ CONCORD_LOG_LEVEL: 'loud' }, /CONCORD_LOG_LEVEL/],
  ])('refuses %j with an error naming the setting', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
