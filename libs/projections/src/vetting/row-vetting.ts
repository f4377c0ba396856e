import type { LogPageRow } from '@concord/event-store';
import { eventShapeProblem } from '@concord/governance/schemas';

/** Why the ledger would not vouch for the event a row holds (text that is no JSON, or `eventShapeProblem`'s finding), or undefined. */
export function rowProblem([, stream, eventId, type, schemaVersion, data, metadata]: LogPageRow): string | undefined {
  if (typeof data !== 'string' || typeof metadata !== 'string') return 'data and metadata are not text';
  let parsedData: unknown;
  let parsedMetadata: unknown;
  try {
    parsedData = JSON.parse(data);
    parsedMetadata = JSON.parse(metadata);
  } catch (error) {
    return (error as Error).message;
  }
  return eventShapeProblem({ stream, eventId, type, schemaVersion, data: parsedData, metadata: parsedMetadata });
}
