import { LoggerService } from '@nestjs/common';
import { LedgerConfig } from '@concord/config';

const SEVERITY = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 } as const;
type Level = Exclude<keyof typeof SEVERITY, 'silent'>;

/** One JSON object per line, so logs can be shipped and queried without parsing prose. */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly threshold: LedgerConfig['logLevel'],
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

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
    if (SEVERITY[level] < SEVERITY[this.threshold]) return;
    const fields = typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : { msg: String(message) };
    this.write(JSON.stringify({ time: new Date().toISOString(), level, context, ...fields }));
  }
}

function lastString(values: unknown[]): string | undefined {
  const last = values[values.length - 1];
  return typeof last === 'string' ? last : undefined;
}
