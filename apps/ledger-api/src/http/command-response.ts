import { FastifyReply } from 'fastify';
import { CommandResult } from '@concord/ledger';
import { normaliseIsoDateTime } from '@concord/governance';
import { markRecorded } from '../health/store-failures';

export interface CommandResponse {
  readonly eventIds: readonly string[];
  readonly stream: string;
  readonly streamRevision: number;
  readonly position: number;
}

/**
 * The answer to every recorded command. A replayed retry gets the same body and says so in
 * `Idempotent-Replayed`; `ETag` carries the stream revision for the next `If-Match`.
 */
export function commandResponse(reply: FastifyReply, result: CommandResult): CommandResponse {
  void reply.header('ETag', `"${result.streamRevision}"`);
  if (result.replayed) void reply.header('Idempotent-Replayed', 'true');
  else markRecorded(reply);
  return { eventIds: result.eventIds, stream: result.stream, streamRevision: result.streamRevision, position: result.position };
}

export const worldTime = normaliseIsoDateTime;
