#!/usr/bin/env node
// Sends a list of command requests to a running Concord Ledger, in order, as a secretariat would.
// Progress goes to stderr (one JSON line per 25 requests), the summary to stdout (one JSON line);
// the first answer that is not 2xx stops it with its index, path and problem, exit code 1.
//
//   CONCORD_API_KEY=<secretariat key> node examples/record.mjs [requests.json]
//
// CONCORD_URL defaults to http://127.0.0.1:3000; the requests default to
// kimberley-process.requests.json beside this script. Each request carries an Idempotency-Key
// derived from its method, path and body, so running the script again records nothing twice.
// Plain Node 20 (global fetch), no dependencies, no build.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PROGRESS_EVERY = 25;
const TIMEOUT_MS = 30_000;

const file = process.argv[2] ?? fileURLToPath(new URL('./kimberley-process.requests.json', import.meta.url));
const baseUrl = (process.env.CONCORD_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');
const apiKey = process.env.CONCORD_API_KEY;

/** Stops the run: printed by the caller of `main`, with exit code 1. */
class Stop extends Error {}

function fail(message) {
  throw new Stop(message);
}

/**
 * The Idempotency-Key of a request: the ledger accepts 8 to 128 characters of letters, digits,
 * ".", "_", ":" and "-". It depends only on what is sent, so the same request always has the same
 * key (a re-run is answered from the first result) and an edited request gets a new one.
 */
function idempotencyKey(request, occurrence = 1) {
  const digest = createHash('sha256').update(`${request.method} ${request.path}\n${JSON.stringify(request.body)}`).digest('hex');
  return `concord-example:${digest.slice(0, 40)}${occurrence > 1 ? `:${occurrence}` : ''}`;
}

function readRequests(path) {
  let requests;
  try {
    requests = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`cannot read ${path}: ${error.message}`);
  }
  if (!Array.isArray(requests)) fail(`${path} must hold a JSON array of requests`);
  requests.forEach((request, index) => {
    const ok =
      request !== null &&
      typeof request === 'object' &&
      request.method === 'POST' &&
      typeof request.path === 'string' &&
      request.path.startsWith('/v1/') &&
      request.body !== null &&
      typeof request.body === 'object' &&
      !Array.isArray(request.body);
    if (!ok) fail(`request ${index} in ${path} is not { "method": "POST", "path": "/v1/...", "body": {...} }`);
  });
  return requests;
}

async function main() {
  if (!apiKey) fail('set CONCORD_API_KEY to a secretariat key of the ledger at CONCORD_URL');
  const requests = readRequests(file);
  const seen = new Map();
  let recorded = 0;
  let replayed = 0;
  let lastPosition = null;
  const started = Date.now();

  for (const [index, request] of requests.entries()) {
    const base = idempotencyKey(request);
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    let response;
    let text;
    try {
      response = await fetch(`${baseUrl}${request.path}`, {
        method: request.method,
        headers: {
          Authorization: `Bearer ${apiKey}`,
          'Content-Type': 'application/json',
          'Idempotency-Key': idempotencyKey(request, occurrence),
        },
        body: JSON.stringify(request.body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      fail(`request ${index} (${request.method} ${request.path}) could not be sent to ${baseUrl}: ${error.cause?.message ?? error.message}`);
    }
    if (response.status < 200 || response.status > 299) {
      let problem = text;
      try {
        problem = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        // not JSON: print it as it came
      }
      fail(`request ${index} (${request.method} ${request.path}) answered ${response.status}:\n${problem}`);
    }
    if (response.headers.get('idempotent-replayed') === 'true') replayed += 1;
    else recorded += 1;
    try {
      lastPosition = JSON.parse(text).position ?? lastPosition;
    } catch {
      // a 2xx without a JSON body: nothing to note
    }
    const sent = index + 1;
    if (sent % PROGRESS_EVERY === 0) {
      process.stderr.write(`${JSON.stringify({ sent, of: requests.length, recorded, replayed })}\n`);
    }
  }

  const summary = { file, url: baseUrl, requests: requests.length, recorded, replayed, lastPosition, seconds: (Date.now() - started) / 1000 };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

try {
  await main();
} catch (error) {
  if (!(error instanceof Stop)) throw error;
  // Set the code rather than exit, so that stderr is flushed even where pipes are asynchronous.
  process.stderr.write(`record: ${error.message}\n`);
  process.exitCode = 1;
}
