import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LoggerService } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Where `npm run build` puts the console: `dist/console`, beside `dist/apps`. */
export const CONSOLE_DIR = join(__dirname, '../../../../console');

/**
 * The web console's files at `/`, from the same server as the API. Only the files that exist are
 * routes (no wildcard), so any other path is still the API's `404 route-not-found`. The console is
 * a single page with hash routes: it needs nothing else of the server. A build without it serves
 * none and says so.
 */
export function serveConsole(app: NestFastifyApplication, logger: LoggerService, directory = CONSOLE_DIR): void {
  if (!existsSync(join(directory, 'index.html'))) {
    logger.warn({ msg: 'the web console is not built; / serves nothing (npm run build builds it)', directory });
    return;
  }
  app.useStaticAssets({ root: directory, prefix: '/', wildcard: false, index: ['index.html'] });
}
