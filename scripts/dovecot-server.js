'use strict';

/**
 * The one place a throwaway Dovecot 2.3 (Debian's `dovecot-imapd`) is set up and started: its
 * configuration, sockets, state, log and Maildirs in a folder of its own (never the system's),
 * plain IMAP without TLS on 127.0.0.1, passwords from a passwd-file. Used by the tests'
 * test/helpers/dovecot.ts and by the benchmark's mailbox part.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const DOVECOT = '/usr/sbin/dovecot';
const DEBIAN_PACKAGES = path.join(__dirname, 'debian-packages.sh');
const READY_TIMEOUT_MS = 10_000;

/** Dovecot 2.3's capabilities after login, less IDLE (imap_capability replaces the list). */
const CAPABILITIES_WITHOUT_IDLE =
  'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT SORT=DISPLAY THREAD=REFERENCES ' +
  'THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN ' +
  'NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES ' +
  'WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE LITERAL+';

/** The Debian package, installed by the project's script when missing (as root). */
function ensureDovecotInstalled() {
  execFileSync('bash', [DEBIAN_PACKAGES, 'dovecot-imapd'], { stdio: 'inherit' });
}

function idOf(command, args) {
  return execFileSync(command, args).toString().trim();
}

/**
 * Writes `dir`'s folders, passwd-file and dovecot.conf for `users` ({ user, password }) listening
 * on `port`; `withoutIdle` leaves IDLE out of the capabilities. Answers the configuration's path.
 */
function writeDovecotConfig({ dir, port, users, withoutIdle = false }) {
  const asRoot = process.getuid?.() === 0;
  const mail = path.join(dir, 'mail');
  for (const folder of ['run', 'state', 'mail']) fs.mkdirSync(path.join(dir, folder));
  // The login and mail processes (nobody) must reach their files through the folder.
  fs.chmodSync(dir, 0o755);
  if (asRoot) {
    const gid = Number(idOf('getent', ['group', 'nogroup']).split(':')[2]);
    fs.chownSync(mail, Number(idOf('id', ['-u', 'nobody'])), gid);
  }
  fs.writeFileSync(
    path.join(dir, 'passwd'),
    users.map(({ user, password }) => `${user}:{PLAIN}${password}::::::\n`).join(''),
    { mode: 0o644 },
  );
  const self = os.userInfo().username;
  const identity = asRoot
    ? ['mail_uid = nobody', 'mail_gid = nogroup', 'first_valid_uid = 1']
    : [
        // Not root: every process runs as this user.
        `default_login_user = ${self}`,
        `default_internal_user = ${self}`,
        'first_valid_uid = 1',
      ];
  const config = [
    `base_dir = ${path.join(dir, 'run')}`,
    `state_dir = ${path.join(dir, 'state')}`,
    `instance_name = zigral-test-${port}`,
    `log_path = ${path.join(dir, 'dovecot.log')}`,
    'protocols = imap',
    'listen = 127.0.0.1',
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    // Wrong-password tests should not wait for the default 2 s penalty of each failure.
    'auth_failure_delay = 0',
    'login_trusted_networks = 127.0.0.0/8',
    `mail_location = maildir:${mail}/%u`,
    ...(withoutIdle ? [`imap_capability = ${CAPABILITIES_WITHOUT_IDLE}`] : []),
    ...identity,
    'passdb {',
    '  driver = passwd-file',
    `  args = scheme=PLAIN username_format=%u ${path.join(dir, 'passwd')}`,
    '}',
    'userdb {',
    '  driver = static',
    `  args = home=${mail}/%u`,
    '}',
    'service imap-login {',
    `  inet_listener imap {\n    port = ${port}\n  }`,
    '  inet_listener imaps {\n    port = 0\n  }',
    '}',
    '',
  ].join('\n');
  const file = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(file, config);
  return file;
}

/** The server's log in `dir` (authentication failures, errors), or ''. */
function dovecotLog(dir) {
  try {
    return fs.readFileSync(path.join(dir, 'dovecot.log'), 'utf8');
  } catch {
    return '';
  }
}

/** Whether the server on `port` answers with its `* OK … ready.` greeting. */
function greetsReady(port) {
  return new Promise((done) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    const finish = (ready) => {
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

/**
 * Starts `dovecot -F` on the configuration `dir` holds (writeDovecotConfig) and resolves the
 * master process once it greets "ready" on `port`; rejects, with its stderr and log, when it
 * exits or stays silent first (the caller stops what was started: stopDovecot).
 */
async function launchDovecot({ dir, port, onSpawn = () => {} }) {
  const child = spawn(DOVECOT, ['-F', '-c', path.join(dir, 'dovecot.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  onSpawn(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`dovecot exited with ${child.exitCode}: ${stderr}${dovecotLog(dir)}`);
    }
    if (await greetsReady(port)) return child;
    await new Promise((done) => setTimeout(done, 10));
  }
  throw new Error(
    `dovecot did not greet within ${READY_TIMEOUT_MS} ms: ${stderr}${dovecotLog(dir)}`,
  );
}

/** SIGTERM to the master process (SIGKILL after 5 s), then `dir` is removed. */
async function stopDovecot(child, dir) {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000).unref())]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

module.exports = {
  ensureDovecotInstalled,
  writeDovecotConfig,
  launchDovecot,
  stopDovecot,
  dovecotLog,
  greetsReady,
};
