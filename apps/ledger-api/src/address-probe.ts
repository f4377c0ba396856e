import { createServer } from 'node:net';

/**
 * Listens on the address the API will listen on, then lets it go: a port in use or a host this
 * machine has not is found before the start changes anything the running ledger shares (its store,
 * published signing keys, paused webhooks, the generated keys file). Another process could still
 * take the port between this probe and the API's own listen; that start then fails as before.
 */
export function probeAddress(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    // Not exclusive: a worker of Node's cluster module shares its primary's port, as the API's own listen will.
    probe.listen({ port, host }, () => probe.close(() => resolve()));
  });
}
