import { ParsedMail, simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message the test server received: the envelope, and the message as mailparser reads it. */
export interface ReceivedMail {
  /** The envelope sender (MAIL FROM), which the final server writes into Return-Path. */
  envelopeFrom: string | null;
  envelopeTo: string[];
  mail: ParsedMail;
  /** The raw header lines by lower-case name (mailparser folds some into structured values). */
  header(name: string): string | undefined;
}

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package): plain text, no STARTTLS, no
 * authentication. Every message is parsed with `mailparser` and kept. `replyDelayMs` holds the
 * final answer to a message back (the message is already recorded), to slow a sender down.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** Recipients the server refuses at RCPT TO with 550. */
  readonly refused = new Set<string>();
  replyDelayMs = 0;
  private server?: SMTPServer;

  /** With `login`, the server requires AUTH with exactly these credentials (plain, loopback). */
  constructor(private readonly login?: { user: string; password: string }) {}

  async start(): Promise<void> {
    const login = this.login;
    this.server = new SMTPServer({
      authOptional: !login,
      allowInsecureAuth: true,
      disabledCommands: login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      onAuth: (auth, _session, callback) => {
        if (login && auth.username === login.user && auth.password === login.password) {
          return callback(null, { user: auth.username });
        }
        callback(Object.assign(new Error('Authentication failed'), { responseCode: 535 }));
      },
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.refused.has(address.address.toLowerCase())) {
          return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
        }
        callback();
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then(async (mail) => {
            const raw = mail.headerLines;
            const { mailFrom } = session.envelope;
            this.received.push({
              envelopeFrom: mailFrom ? mailFrom.address : null,
              envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              mail,
              header: (name) => {
                const line = raw.find((entry) => entry.key === name.toLowerCase())?.line;
                return line?.slice(line.indexOf(':') + 1).trim();
              },
            });
            if (this.replyDelayMs > 0) {
              await new Promise((resolve) => setTimeout(resolve, this.replyDelayMs));
            }
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  /** The SMTP_URL to give the service: plain SMTP, no STARTTLS attempt. */
  get url(): string {
    const { port } = this.server!.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}?ignoreTLS=true`;
  }

  /** Messages received for one address. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((entry) => entry.envelopeTo.includes(address));
  }

  /** Resolves once `count` messages have arrived (bounded). */
  async waitForCount(count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) {
        throw new Error(`${this.received.length} of ${count} messages after ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
