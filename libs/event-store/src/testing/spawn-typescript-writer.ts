import { ChildProcess, spawn } from 'node:child_process';
import { typescriptRequireHook } from './typescript-require-hook';

/**
 * Runs a TypeScript writer script in a child Node process, for tests that need real concurrent
 * processes on one store; the child loads the sources through `typescriptRequireHook`.
 */
const BOOTSTRAP = `
  ${typescriptRequireHook()}
  require(process.env.WRITER_SCRIPT);
`;

export interface SpawnedWriter<Report> {
  /** Resolves once the writer has opened the store and waits for `go()`. */
  readonly ready: Promise<void>;
  go(): void;
  /** Resolves with the writer's report when it exits cleanly, rejects with its stderr otherwise. */
  readonly finished: Promise<Report>;
}

/**
 * The script prints `ready` once its store is open, waits for `go` on stdin, and prints its
 * report as one JSON line before exiting.
 */
export function spawnTypeScriptWriter<Report>(script: string, writer: string, env: Record<string, string>): SpawnedWriter<Report> {
  const child: ChildProcess = spawn(process.execPath, ['-e', BOOTSTRAP], {
    env: { ...process.env, WRITER_SCRIPT: script, WRITER_ID: writer, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    if (stdout.includes('ready\n')) markReady();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const finished = new Promise<Report>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      markReady();
      const report = stdout.split('\n').find((line) => line.startsWith('{'));
      if (code !== 0 || report === undefined) reject(new Error(`writer ${writer} exited with ${String(code)}: ${stderr}`));
      else resolve(JSON.parse(report) as Report);
    });
  });
  return { ready, go: () => child.stdin?.end('go\n'), finished };
}
