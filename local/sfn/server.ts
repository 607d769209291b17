/**
 * A minimal AWS JSON 1.0 endpoint: `POST /` with `X-Amz-Target: AWSStepFunctions.<Operation>`
 * and a JSON body; replies with `application/x-amz-json-1.0` and, on error, the AWS error shape
 * (`{"__type": "...", "message": "..."}` plus the `x-amzn-errortype` header), which the AWS SDK
 * turns into its typed exceptions. Signatures are not checked.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listen } from '../listen.ts';
import { SfnServiceError } from './errors.ts';

export type Operation = (request: Record<string, unknown>) => unknown;

const CONTENT_TYPE = 'application/x-amz-json-1.0';
const TARGET_PREFIX = 'AWSStepFunctions.';
const MAX_BODY = 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}) {
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    ...extraHeaders,
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: SfnServiceError) {
  send(res, error.status, { __type: error.type, message: error.message }, { 'x-amzn-errortype': error.type });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new SfnServiceError('ValidationException', 'request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface JsonServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startJsonServer(
  operations: Record<string, Operation>,
  options: { host: string; port: number; onError?: (error: unknown) => void },
): Promise<JsonServer> {
  const server = createServer(async (req, res) => {
    try {
      if (req.method === 'GET' && (req.url === '/' || req.url === '/health')) {
        send(res, 200, { service: 'local-stepfunctions', status: 'ok' });
        return;
      }
      if (req.method !== 'POST')
        throw new SfnServiceError('UnknownOperationException', 'only POST is supported');
      const target = String(req.headers['x-amz-target'] ?? '');
      const operationName = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
      const operation = Object.hasOwn(operations, operationName) ? operations[operationName] : undefined;
      const text = await readBody(req);
      if (!operation) {
        throw new SfnServiceError('UnknownOperationException', `unknown operation ${target || '(none)'}`);
      }
      let request: Record<string, unknown>;
      try {
        request = text.trim() === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
      } catch {
        throw new SfnServiceError('SerializationException', 'request body is not valid JSON');
      }
      send(res, 200, await operation(request));
    } catch (error) {
      if (error instanceof SfnServiceError) {
        sendError(res, error);
      } else {
        options.onError?.(error);
        sendError(
          res,
          new SfnServiceError('InternalFailure', error instanceof Error ? error.message : String(error)),
        );
      }
    }
  });
  const port = await listen(server, options.port, options.host);
  return {
    server,
    url: `http://${options.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
