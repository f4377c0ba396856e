import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, freePort, ROOT } from './support/ledger-harness';

jest.setTimeout(60_000);

const BUILD_FIRST = 'npm run build && ';

async function answers(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/health/live`).then(
    (answer) => answer.ok,
    () => false,
  );
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * npm passes a stop signal to the shell that runs a script, not to what the shell started: a
 * supervisor stopping `npm start` by its process id left the API running, holding its port.
 */
describe('npm start', () => {
  const directory = mkdtempSync(join(tmpdir(), 'concord-npm-start-'));
  let started: ChildProcess | undefined;
  afterAll(() => {
    // Its whole process group, in case the API outlived its shell.
    if (started?.pid !== undefined) {
      try {
        process.kill(-started.pid, 'SIGKILL');
      } catch {
        // Ended already.
      }
    }
    rmSync(directory, { recursive: true, force: true });
  });

  it('runs the API in place of the shell that builds it, so a stop signal sent to the script reaches the API', async () => {
    assertBuilt();
    const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start ?? '';
    expect(script.startsWith(BUILD_FIRST)).toBe(true);
    const port = await freePort();
    // What runs once the build is done, started as npm starts a script: by a shell.
    started = spawn('sh', ['-c', script.slice(BUILD_FIRST.length)], {
      cwd: ROOT,
      detached: true,
      stdio: 'ignore',
      env: { PATH: process.env.PATH ?? '', PORT: String(port), CONCORD_DATA_DIR: join(directory, 'data') },
    });
    const exited = new Promise<void>((resolve) => started?.once('exit', () => resolve()));
    await until(() => answers(port), 'the API to answer');

    started.kill('SIGTERM');
    await exited;
    // The shell alone would have ended at once, leaving the API answering.
    expect(await answers(port)).toBe(false);
  });
});
