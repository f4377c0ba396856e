import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The compose file through a real Compose implementation, as a new user runs it: from a fresh copy
 * of `.env.example` as `.env`, each profile's configuration resolves (`config` needs no engine).
 * Where neither `docker compose` nor `docker-compose` is installed, reported as skipped.
 */
const ROOT = join(__dirname, '..');

function composeCommand(): { command: string; prefix: string[] } | undefined {
  for (const candidate of [
    { command: 'docker', prefix: ['compose'] },
    { command: 'docker-compose', prefix: [] },
  ]) {
    if (spawnSync(candidate.command, [...candidate.prefix, 'version'], { encoding: 'utf8' }).status === 0) return candidate;
  }
  return undefined;
}

const compose = composeCommand();
const describeWithCompose = compose ? describe : describe.skip;
const WHY_SKIPPED = 'needs `docker compose` or `docker-compose` (apt-get install -y docker-compose)';
if (!compose) console.warn(`SKIPPED: docker-compose.yml through Compose ${WHY_SKIPPED}`);

// The reason is in the title too: the summary of a run names skipped tests, not what their file printed.
describeWithCompose(`docker-compose.yml through ${compose ? [compose.command, ...compose.prefix].join(' ') : `Compose — SKIPPED: it ${WHY_SKIPPED}`}`, () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'concord-compose-'));
    copyFileSync(join(ROOT, 'docker-compose.yml'), join(directory, 'docker-compose.yml'));
    copyFileSync(join(ROOT, '.env.example'), join(directory, '.env'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it.each([
    ['the default stack', []],
    ['the cluster profile', ['--profile', 'cluster']],
    ['the postgres profile', ['--profile', 'postgres']],
  ])('resolves %s from a fresh copy of .env.example', (_stack, profile) => {
    const { command, prefix } = compose as { command: string; prefix: string[] };
    const run = spawnSync(command, [...prefix, ...profile, 'config', '--quiet'], { cwd: directory, encoding: 'utf8' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });
});

describe('docker-compose.yml against the README', () => {
  // The image sets where its data lives and how it loads the program; the rest is the operator's.
  const SET_BY_THE_IMAGE = new Set(['CONCORD_DATA_DIR', 'CONCORD_BUNDLE']);

  it("passes every CONCORD_ setting of the README's configuration table through from .env", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('### Operating it'));
    const settings = [...table.matchAll(/^\| `(CONCORD_[A-Z0-9_]+)` \|/gm)].map((match) => match[1] ?? '');
    expect(settings.length).toBeGreaterThan(20);
    const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    const missing = settings.filter((name) => !SET_BY_THE_IMAGE.has(name) && !new RegExp(`^\\s+${name}: `, 'm').test(compose));
    expect(missing).toEqual([]);
  });
});
