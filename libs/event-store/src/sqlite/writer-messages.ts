import { AppendResult } from '../event-store.port';
import { AppendRequest } from './sqlite-appender';
import { ErrorRecord } from './thread-errors';

/** What the writer thread is started with. */
export interface WriterData {
  readonly filePath: string;
  readonly busyTimeoutMs: number;
  readonly extendLogTree: boolean;
}

export type WriterCommand = { readonly kind: 'append'; readonly id: number; readonly requests: readonly AppendRequest[] } | { readonly kind: 'close' };

export type WireOutcome = { readonly ok: true; readonly value: AppendResult } | { readonly ok: false; readonly error: ErrorRecord };

export type WriterReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'open-failed'; readonly error: ErrorRecord }
  | { readonly kind: 'appended'; readonly id: number; readonly outcomes: readonly WireOutcome[] }
  | { readonly kind: 'failed'; readonly id: number; readonly error: ErrorRecord };
