import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger } from 'pino';
import { LedgerConfig } from '@concord/config';

type Level = 'debug' | 'info' | 'warn' | 'error';

/**
 * One JSON object per line (pino), so logs can be shipped and queried without parsing prose:
 * `time`, `level`, `context`, `msg`, then the entry's own fields.
 */
export class JsonLogger implements LoggerService {
  private readonly logger: Logger;

  constructor(threshold: LedgerConfig['logLevel'], destination: DestinationStream = pino.destination({ dest: 1, sync: true })) {
    this.logger = pino(
      {
        level: threshold,
        base: undefined,
        messageKey: 'msg',
        timestamp: () => `,"time":"${new Date().toISOString()}"`,
        formatters: { level: (label) => ({ level: label }) },
      },
      destination,
    );
  }

  log(message: unknown, context?: string): void {
    this.emit('info', message, context);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, lastString(rest));
  }
  warn(message: unknown, context?: string): void {
    this.emit('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.emit('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.emit('debug', message, context);
  }

  private emit(level: Level, message: unknown, context: string | undefined): void {
    const fields = typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : { msg: String(message) };
    this.logger[level]({ context, ...fields });
  }
}

function lastString(values: unknown[]): string | undefined {
  const last = values[values.length - 1];
  return typeof last === 'string' ? last : undefined;
}
