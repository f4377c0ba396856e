import type { ConnectionError, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { ERROR_CATALOGUE, ErrorCode } from '@concord/ledger';
import { PROBLEM_CONTENT_TYPE, problemDocument } from './problem-document';
import { SocketRefusals } from './socket-refusals';

const BAD_PATH = 'the path is not a valid URL: a % must start a percent-encoded byte';
const NOT_A_PATH = 'the request target is not a path: it must start with /';

/**
 * Refusals Fastify makes before a route runs (a path it cannot decode, a request target that is
 * not a path): problem+json like every other refusal.
 */
export function frameworkError(error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply): void {
  const isPath = request.url.startsWith('/');
  const detail = error.code !== 'FST_ERR_BAD_URL' ? error.message : isPath ? BAD_PATH : NOT_A_PATH;
  // A problem's instance is a path on this server; a target that is none names the root, as for a request Node refuses.
  const instance = isPath ? request.url : '/';
  const document = problemDocument('validation-failed', detail, instance, { errors: [{ field: 'url', messages: [detail] }] });
  void reply.status(400).header('Content-Type', PROBLEM_CONTENT_TYPE).send(document);
}

/**
 * Requests Node refuses before a route answers them (headers over 16 KB, a malformed request line,
 * a request not in full within the request timeout): answered on the raw socket, still as
 * problem+json, then closed. A connection that owes an earlier request its answer is closed
 * without one: HTTP/1.1 answers go in the order of the requests, so the client would read this
 * refusal as that answer (a 408 saying a command was not recorded, when it is being recorded).
 * Each refusal written is told to `refusals`, to be logged and counted.
 */
export function clientError(error: ConnectionError, socket: Socket, refusals?: SocketRefusals): void {
  // The client closed or reset the connection mid-request: it is gone, and nothing was refused (a
  // request Fastify began is an abort by the client).
  if (CLIENT_GONE.has(error.code ?? '') || !socket.writable || answerStarted(socket) || answerOwedToEarlierRequest(socket)) {
    socket.destroy();
    return;
  }
  const code = clientErrorCode(error.code);
  const detail = CLIENT_ERROR_DETAILS[code] ?? `the request is not valid HTTP (${error.code ?? error.message})`;
  const { status, title } = ERROR_CATALOGUE[code];
  const requestLine = /^([A-Z]+) (\/\S*) HTTP\//.exec(requestStart(error.rawPacket));
  const refusedRequest = answerInFlight(socket)?.req;
  const instance = requestLine?.[2] ?? refusedRequest?.url ?? '/';
  refusals?.record({ status, code, method: requestLine?.[1] ?? refusedRequest?.method ?? null, path: instance }, refusedRequest);
  const body = JSON.stringify(
    problemDocument(code, detail, instance, code === 'validation-failed' ? { errors: [{ field: 'request', messages: [detail] }] } : {}),
  );
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Node's codes for a connection its client ended mid-request (an end of input the parser did not expect, a reset). */
const CLIENT_GONE = new Set(['ECONNRESET', 'HPE_INVALID_EOF_STATE']);

type ClientErrorCode = Extract<ErrorCode, 'headers-too-large' | 'request-timeout' | 'validation-failed'>;

const CLIENT_ERROR_DETAILS: Partial<Record<ClientErrorCode, string>> = {
  'headers-too-large': 'the request headers exceed 16 KB',
  'request-timeout': 'the request did not arrive in full in time (CONCORD_REQUEST_TIMEOUT_S); send it again, whole',
};

function clientErrorCode(nodeCode: string | undefined): ClientErrorCode {
  if (nodeCode === 'HPE_HEADER_OVERFLOW') return 'headers-too-large';
  // Node's own timer for a request's headers and body (the server's requestTimeout and headersTimeout).
  if (nodeCode === 'ERR_HTTP_REQUEST_TIMEOUT') return 'request-timeout';
  return 'validation-failed';
}

/** The answer Node has given this socket to write now, if any (`_httpMessage`, Node's own field). */
type AnswerInFlight = { headersSent?: boolean; req?: IncomingMessage };

function answerInFlight(socket: Socket): AnswerInFlight | undefined {
  return (socket as Socket & { _httpMessage?: AnswerInFlight | null })._httpMessage ?? undefined;
}

/** Whether an answer has begun on this socket, which raw text written after it would corrupt. */
function answerStarted(socket: Socket): boolean {
  return answerInFlight(socket)?.headersSent === true;
}

/**
 * Whether the socket's answer in flight is owed to a request that arrived whole, and so not to the
 * one refused: Node reads pipelined requests while an earlier one is still being answered, and
 * refuses a late one then. The answer in flight may be the refused request's own (its headers
 * came, its body did not: `complete` is false), and then the refusal is that request's answer.
 * Node's own handling writes its refusal here too (it holds back only once the answer has begun).
 */
function answerOwedToEarlierRequest(socket: Socket): boolean {
  const answer = answerInFlight(socket);
  return answer !== undefined && answer.req?.complete !== false;
}

/** The start of what the client sent (Node hands a Buffer; Fastify's types say its JSON form). */
function requestStart(raw: unknown): string {
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from((raw as { data?: number[] } | undefined)?.data ?? []);
  return bytes.subarray(0, 2048).toString('latin1');
}
