import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake server received. */
export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format?: {
      type: string;
      json_schema?: { name: string; strict: boolean; schema: unknown };
    };
    [key: string]: unknown;
  };
}

/** What the fake answers: a JSON reply, or nothing at all (to trigger the client's timeout). */
export type FakeReply =
  { status: number; body: unknown; headers?: Record<string, string> } | { hang: true };

export type FakeHandler = (request: RecordedRequest) => FakeReply;

/**
 * An OpenAI-compatible Chat Completions server on 127.0.0.1, for driving the real `openai` SDK.
 * Each test sets `handler`; every request is recorded.
 */
export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = [];
  handler: FakeHandler = () => ({ status: 500, body: { error: { message: 'no handler set' } } });
  private server?: Server;
  private readonly hanging = new Set<ServerResponse>();

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  /** The base URL to give OPENAI_BASE_URL. */
  get baseUrl(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}/v1`;
  }

  reset(handler: FakeHandler): void {
    this.requests.length = 0;
    this.handler = handler;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: RecordedRequest = {
      path: req.url ?? '',
      headers: req.headers,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as RecordedRequest['body'],
    };
    this.requests.push(request);
    const reply = this.handler(request);
    if ('hang' in reply) {
      this.hanging.add(res);
      return;
    }
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body));
  }
}

/** A Chat Completions response as the real API shapes it. */
export function chatCompletion(
  content: string,
  usage = { prompt_tokens: 1200, completion_tokens: 150 },
): { status: 200; body: unknown } {
  return {
    status: 200,
    body: {
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: 1764000000,
      model: 'gpt-4o-mini-2024-07-18',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    },
  };
}

/** An error response as the real API shapes it. */
export function apiError(
  status: number,
  error: { message: string; type: string; code?: string | null; param?: string | null },
  headers?: Record<string, string>,
): FakeReply {
  return { status, body: { error: { code: null, param: null, ...error } }, headers };
}

/** The environment of an app that plans with the LLM at `baseUrl`: no retries, no limits in the way. */
export function llmTestEnv(baseUrl: string): Record<string, string> {
  return {
    OPENAI_API_KEY: 'sk-test-0123456789abcdefghijklmnop',
    OPENAI_BASE_URL: baseUrl,
    OPENAI_MAX_RETRIES: '0',
    COMMAND_RATE_LIMIT: '10000',
    JOB_QUEUE_LIMIT_PER_CLIENT: '0',
    LLM_RPM: '0',
    LLM_TPM: '0',
  };
}
