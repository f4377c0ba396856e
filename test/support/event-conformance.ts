import { EVENT_STREAM_CHANNEL } from '../../libs/integration/src/asyncapi/event-stream-channel';
import { ValidateFunction } from 'ajv';
import { parseAsyncApi, payloadValidators } from '../../libs/integration/src/asyncapi/testing/parsed-asyncapi';

interface FeedPage {
  readonly events: { readonly id: string; readonly type: string }[];
  readonly next: number;
  readonly headPosition: number;
}

/**
 * Parsed once per document text: ledgers of one test file publish the same document unless their
 * public URLs (ports) differ, and Jest gives each file its own modules.
 */
const validatorsByDocument = new Map<string, Promise<Map<string, ValidateFunction>>>();

async function validatorsFrom(baseUrl: string): Promise<Map<string, ValidateFunction>> {
  const text = await (await fetch(`${baseUrl}/asyncapi.json`)).text();
  let validators = validatorsByDocument.get(text);
  if (validators === undefined) {
    validators = (async () => {
      const parsed = await parseAsyncApi(text);
      if (parsed.document === undefined || parsed.errors.length > 0) throw new Error(`/asyncapi.json does not parse: ${JSON.stringify(parsed.errors)}`);
      const channel =
        parsed.document
          .channels()
          .all()
          .find((candidate) => candidate.address() === '/v1/events/stream')
          ?.id() ?? EVENT_STREAM_CHANNEL;
      return payloadValidators(parsed.document, channel);
    })();
    validatorsByDocument.set(text, validators);
  }
  return validators;
}

/** The first test key this ledger accepts for reading the feed, if any (some tests run with keys of their own). */
async function readingKey(baseUrl: string, keys: readonly string[]): Promise<string | undefined> {
  for (const key of keys) {
    const answer = await fetch(`${baseUrl}/v1/events?limit=1`, { headers: { authorization: `Bearer ${key}` } });
    if (answer.status === 200) return key;
  }
  return undefined;
}

/**
 * Every event a test recorded, read back from the feed as integrators get it, must match the
 * AsyncAPI message of its type: the harness runs this before it stops each ledger, so the whole
 * suite's events are checked against the published document.
 */
export async function assertEventsConform(baseUrl: string, keys: readonly string[]): Promise<number> {
  const key = await readingKey(baseUrl, keys);
  if (key === undefined) return 0;
  const byType = await validatorsFrom(baseUrl);
  let after = 0;
  let checked = 0;
  for (;;) {
    const answer = await fetch(`${baseUrl}/v1/events?after=${after}&limit=1000`, { headers: { authorization: `Bearer ${key}` } });
    if (answer.status !== 200) throw new Error(`the feed answered ${answer.status} while checking events against /asyncapi.json`);
    const page = (await answer.json()) as FeedPage;
    for (const event of page.events) {
      const validate = byType.get(event.type);
      if (validate === undefined) throw new Error(`event ${event.id} has type ${event.type}, which /asyncapi.json has no message for`);
      const valid: boolean = validate(event);
      if (!valid) throw new Error(`event ${event.id} (${event.type}) does not match its /asyncapi.json message: ${JSON.stringify(validate.errors)}`);
      checked += 1;
    }
    if (page.next >= page.headPosition) return checked;
    after = page.next;
  }
}
