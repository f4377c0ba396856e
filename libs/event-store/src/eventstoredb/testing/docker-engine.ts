import { spawnSync } from 'node:child_process';

export type DockerEngine = { readonly available: true } | { readonly available: false; readonly reason: string };

/**
 * Whether a Docker engine answers, asked synchronously (`docker info`, bounded by a timeout) so
 * that a spec file can decide which tests to register before Jest collects them. A docker CLI
 * alone is not enough: it must reach a daemon.
 */
export function detectDockerEngine(timeoutMs = 5000): DockerEngine {
  const result = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8', timeout: timeoutMs });
  if (result.error !== undefined) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { available: false, reason: 'no docker CLI on the PATH' };
    if (code === 'ETIMEDOUT') return { available: false, reason: `docker info did not answer within ${timeoutMs} ms` };
    return { available: false, reason: `docker info failed: ${result.error.message}` };
  }
  if (result.status !== 0) {
    const said = `${result.stderr}\n${result.stdout}`
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 0);
    return { available: false, reason: said ?? `docker info exited with status ${String(result.status)}` };
  }
  return { available: true };
}
