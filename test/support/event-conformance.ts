import { EVENT_STREAM_CHANNEL } from '../../libs/integration/src/asyncapi/event-stream-channel';
import { ValidateFunction } from 'ajv';
import { parseAsyncApi, payloadValidators } from '../../libs/integration/src/asyncapi/testing/parsed-asyncapi';

interface FeedPage {
  readonly events: { readonly id: string; readonly type: string }[];
  readonly next: number;
  readonly headPosition: number;
}

interface Conformance {
  readonly byType: Map<string, ValidateFunction>;
  /** The ledger's host as the document names it, written as `LEDGER_HOST` in what was parsed; undefined: kept as it is. */
  readonly host: string | undefined;
}

/**
 * Stands for a ledger's own host (its port differs from one ledger to the next) in the document
 * and in the events checked against it, so that the ledgers of a test file share one parse of
 * their document: parsing it and compiling its schemas took more than a second per ledger.
 */
const LEDGER_HOST = 'ledger-host.invalid';

/** Parsed once per document text with the host set aside; Jest gives each file its own modules. */
const validatorsByDocument = new Map<string, Promise<Map<string, ValidateFunction>>>();

/**
 * The document's own server host, when setting it aside leaves nothing of it behind: a host also
 * named another way (its dots escaped in a pattern, its port alone) would stay in the document but
 * not in the events, so such a document is parsed as it is, host and all.
 */
function setAsideHost(text: string): { keyed: string; host: string | undefined } {
  const host = (JSON.parse(text) as { servers?: { ledger?: { host?: unknown } } }).servers?.ledger?.host;
  if (text.includes(LEDGER_HOST)) throw new Error(`/asyncapi.json names ${LEDGER_HOST}, which the conformance check uses for the ledger's host`);
  if (typeof host !== 'string' || host.length === 0) return { keyed: text, host: undefined };
  const keyed = text.replaceAll(host, LEDGER_HOST);
  const port = /:(\d+)$/.exec(host)?.[1];
  const leftBehind = keyed.replaceAll('\\', '').includes(host) || (port !== undefined && keyed.includes(`:${port}`));
  return leftBehind ? { keyed: text, host: undefined } : { keyed, host };
}

async function conformanceOf(baseUrl: string): Promise<Conformance> {
  const answer = await fetch(`${baseUrl}/asyncapi.json`);
  if (answer.status !== 200) throw new Error(`/asyncapi.json answered ${answer.status} while checking events against it`);
  const { keyed, host } = setAsideHost(await answer.text());
  let byType = validatorsByDocument.get(keyed);
  if (byType === undefined) {
    byType = (async () => {
      const parsed = await parseAsyncApi(keyed);
      if (parsed.document === undefined || parsed.errors.length > 0) throw new Error(`/asyncapi.json does not parse: ${JSON.stringify(parsed.errors)}`);
      const channel =
        parsed.document
          .channels()
          .all()
          .find((candidate) => candidate.address() === '/v1/events/stream')
          ?.id() ?? EVENT_STREAM_CHANNEL;
      return payloadValidators(parsed.document, channel);
    })();
    validatorsByDocument.set(keyed, byType);
  }
  return { byType: await byType, host };
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
  const { byType, host } = await conformanceOf(baseUrl);
  let after = 0;
  let checked = 0;
  for (;;) {
    const answer = await fetch(`${baseUrl}/v1/events?after=${after}&limit=1000`, { headers: { authorization: `Bearer ${key}` } });
    if (answer.status !== 200) throw new Error(`the feed answered ${answer.status} while checking events against /asyncapi.json`);
    const page = (await answer.json()) as FeedPage;
    for (const read of page.events) {
      const event = host === undefined ? read : (JSON.parse(JSON.stringify(read).replaceAll(host, LEDGER_HOST)) as typeof read);
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
