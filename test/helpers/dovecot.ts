import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { ImapFlow } from 'imapflow';

const DEBIAN_PACKAGES = resolve(__dirname, '..', '..', 'scripts', 'debian-packages.sh');
const DOVECOT = '/usr/sbin/dovecot';
const READY_TIMEOUT_MS = 10_000;

/** How the test server is set up. */
export interface DovecotOptions {
  /** Its accounts; default DEFAULT_USER. */
  users?: DovecotUser[];
  /** Leave IDLE out of the capabilities announced after login (a server that cannot IDLE). */
  withoutIdle?: boolean;
}

/** Dovecot 2.3's capabilities after login, less IDLE (imap_capability replaces the list). */
const CAPABILITIES_WITHOUT_IDLE =
  'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT SORT=DISPLAY THREAD=REFERENCES ' +
  'THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN ' +
  'NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES ' +
  'WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE LITERAL+';

/** A mail account of the test server. */
export interface DovecotUser {
  user: string;
  password: string;
}

/**
 * A throwaway Dovecot 2.3 (Debian's `dovecot-imapd`) on 127.0.0.1: its own configuration, sockets,
 * state, log and Maildirs in a temporary folder (never the system's), plain IMAP without TLS,
 * passwords from a passwd-file. Messages arrive by APPEND through `append`.
 */
export class DovecotServer {
  readonly port: number;
  readonly dir: string;
  private readonly users: DovecotUser[];
  private readonly withoutIdle: boolean;
  private process?: ChildProcess;
  private readonly onExit = () => this.process?.kill('SIGTERM');

  private constructor(dir: string, port: number, options: DovecotOptions) {
    this.dir = dir;
    this.port = port;
    this.users = options.users ?? [DEFAULT_USER];
    this.withoutIdle = options.withoutIdle ?? false;
  }

  /** Installs dovecot if missing, starts it and resolves once it greets "ready". */
  static async start(options: DovecotOptions = {}): Promise<DovecotServer> {
    ensureDovecotInstalled();
    const dir = mkdtempSync(join(tmpdir(), 'zigral-dovecot-'));
    const server = new DovecotServer(dir, await freePort(), options);
    try {
      server.writeConfig();
      await server.launch();
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  /** `imap://user:password@127.0.0.1:port` for IMAP_URL, the parts URL-encoded. */
  url(user: DovecotUser = this.users[0], password = user.password): string {
    const encode = encodeURIComponent;
    return `imap://${encode(user.user)}:${encode(password)}@127.0.0.1:${this.port}`;
  }

  /** A client of the test's own, logged in as `user` (the caller logs it out). */
  async client(user: DovecotUser = this.users[0]): Promise<ImapFlow> {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: this.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: user.user, pass: user.password },
      logger: false,
      disableAutoIdle: true,
    });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  }

  /** APPENDs one RFC 822 message to `folder` (created when missing); resolves its UID. */
  async append(
    rfc822: string | Buffer,
    options: { flags?: string[]; folder?: string; user?: DovecotUser } = {},
  ): Promise<number> {
    const folder = options.folder ?? 'INBOX';
    const client = await this.client(options.user);
    try {
      if (folder !== 'INBOX') await client.mailboxCreate(folder).catch(() => undefined);
      const result = await client.append(folder, rfc822, options.flags ?? []);
      if (!result || !result.uid) throw new Error(`APPEND to ${folder} returned no UID`);
      return result.uid;
    } finally {
      await client.logout().catch(() => undefined);
    }
  }

  /** Deletes and creates `folder` again: it comes back empty with a new UIDVALIDITY. */
  async recreateFolder(folder: string, user?: DovecotUser): Promise<void> {
    const client = await this.client(user);
    try {
      await client.mailboxDelete(folder).catch(() => undefined);
      await client.mailboxCreate(folder);
    } finally {
      await client.logout().catch(() => undefined);
    }
  }

  /** The flags of every message of `folder`, by UID. */
  async flags(folder = 'INBOX', user?: DovecotUser): Promise<Map<number, Set<string>>> {
    const client = await this.client(user);
    try {
      await client.mailboxOpen(folder, { readOnly: true });
      const flags = new Map<number, Set<string>>();
      for await (const message of client.fetch('1:*', { uid: true, flags: true }, { uid: true })) {
        flags.set(message.uid, message.flags ?? new Set());
      }
      return flags;
    } finally {
      await client.logout().catch(() => undefined);
    }
  }

  /** The server's log (authentication failures, errors). */
  log(): string {
    try {
      return readFileSync(join(this.dir, 'dovecot.log'), 'utf8');
    } catch {
      return '';
    }
  }

  /** SIGTERM to the master process, then the folder is removed. */
  async stop(): Promise<void> {
    process.removeListener('exit', this.onExit);
    const child = this.process;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5000).unref())]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    this.process = undefined;
    rmSync(this.dir, { recursive: true, force: true });
  }

  private writeConfig(): void {
    const asRoot = process.getuid?.() === 0;
    const self = userInfo().username;
    const mail = join(this.dir, 'mail');
    for (const folder of ['run', 'state', 'mail']) mkdirSync(join(this.dir, folder));
    // The login and mail processes (nobody) must reach their files through the folder.
    chmodSync(this.dir, 0o755);
    if (asRoot) chownSync(mail, uidOf('nobody'), gidOf('nogroup'));
    writeFileSync(
      join(this.dir, 'passwd'),
      this.users.map(({ user, password }) => `${user}:{PLAIN}${password}::::::\n`).join(''),
      { mode: 0o644 },
    );
    const identity = asRoot
      ? ['mail_uid = nobody', 'mail_gid = nogroup', 'first_valid_uid = 1']
      : [
          // Not root: every process runs as this user.
          `default_login_user = ${self}`,
          `default_internal_user = ${self}`,
          'first_valid_uid = 1',
        ];
    const config = [
      `base_dir = ${join(this.dir, 'run')}`,
      `state_dir = ${join(this.dir, 'state')}`,
      `instance_name = zigral-test-${this.port}`,
      `log_path = ${join(this.dir, 'dovecot.log')}`,
      'protocols = imap',
      'listen = 127.0.0.1',
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      // Wrong-password tests should not wait for the default 2 s penalty of each failure.
      'auth_failure_delay = 0',
      'login_trusted_networks = 127.0.0.0/8',
      `mail_location = maildir:${mail}/%u`,
      ...(this.withoutIdle ? [`imap_capability = ${CAPABILITIES_WITHOUT_IDLE}`] : []),
      ...identity,
      'passdb {',
      '  driver = passwd-file',
      `  args = scheme=PLAIN username_format=%u ${join(this.dir, 'passwd')}`,
      '}',
      'userdb {',
      '  driver = static',
      `  args = home=${mail}/%u`,
      '}',
      'service imap-login {',
      `  inet_listener imap {\n    port = ${this.port}\n  }`,
      '  inet_listener imaps {\n    port = 0\n  }',
      '}',
      '',
    ].join('\n');
    writeFileSync(join(this.dir, 'dovecot.conf'), config);
  }

  private async launch(): Promise<void> {
    const child = spawn(DOVECOT, ['-F', '-c', join(this.dir, 'dovecot.conf')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    this.process = child;
    // A test that fails (or a worker that exits) must not leave the server running.
    process.on('exit', this.onExit);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(`dovecot exited with ${child.exitCode}: ${stderr}${this.log()}`);
      }
      if (await greetsReady(this.port)) return;
      await new Promise((done) => setTimeout(done, 10));
    }
    throw new Error(`dovecot did not greet within ${READY_TIMEOUT_MS} ms: ${stderr}${this.log()}`);
  }
}

export const DEFAULT_USER: DovecotUser = { user: 'ana@zigral.test', password: 'p@ss w/rd%1' };

/** The Debian package, installed by the project's script when missing (as root). */
function ensureDovecotInstalled(): void {
  execFileSync('bash', [DEBIAN_PACKAGES, 'dovecot-imapd'], { stdio: 'inherit' });
}

/** Whether the server on `port` answers with its `* OK … ready.` greeting. */
function greetsReady(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const finish = (ready: boolean) => {
      socket.destroy();
      done(ready);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.on('error', () => finish(false));
    socket.on('data', (chunk) => {
      text += chunk.toString();
      if (text.includes('\n')) finish(/^\* OK .*ready/i.test(text));
    });
  });
}

/** A port nothing listens on at the moment (also for "unreachable" tests). */
export function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', reject);
  });
}

function uidOf(user: string): number {
  return Number(execFileSync('id', ['-u', user]).toString().trim());
}

function gidOf(group: string): number {
  return Number(execFileSync('getent', ['group', group]).toString().split(':')[2]);
}

/** A small RFC 822 message. */
export function rfc822(input: {
  subject: string;
  messageId?: string;
  body?: string;
  from?: string;
}): string {
  return [
    `From: ${input.from ?? 'Prospect <prospect@example.com>'}`,
    'To: ana@zigral.test',
    `Subject: ${input.subject}`,
    `Message-ID: <${input.messageId ?? `${input.subject.replace(/\W+/g, '-')}@example.com`}>`,
    'Date: Mon, 01 Jun 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    input.body ?? `Body of ${input.subject}`,
    '',
  ].join('\r\n');
}
