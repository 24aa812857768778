'use strict';

/**
 * A throwaway Dovecot for the mailbox part (scripts/dovecot-server.js, as the tests start
 * theirs): a temporary folder and a free port of its own, stopped and its folder removed when
 * the part ends, and on every other way out of the bench (a failure, Ctrl-C, the watchdog:
 * all leave through process.exit, whose 'exit' handlers run).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ImapFlow } = require('imapflow');
const { freePort } = require('./children');
const {
  ensureDovecotInstalled,
  launchDovecot,
  stopDovecot,
  writeDovecotConfig,
} = require('../../scripts/dovecot-server');

const USER = { user: 'bench@zigral.example', password: 'bench p@ss' };

async function startDovecot() {
  ensureDovecotInstalled();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zigral-bench-dovecot-'));
  let child;
  const onExit = () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', onExit);
  const stop = async () => {
    process.removeListener('exit', onExit);
    await stopDovecot(child, dir);
  };
  try {
    const port = await freePort();
    writeDovecotConfig({ dir, port, users: [USER] });
    await launchDovecot({ dir, port, onSpawn: (spawned) => (child = spawned) });
    const encode = encodeURIComponent;
    return {
      port,
      user: USER,
      url: `imap://${encode(USER.user)}:${encode(USER.password)}@127.0.0.1:${port}`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A logged-in client of the bench's own on `port`, configured as the watcher's. */
async function imapClient(port) {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: USER.user, pass: USER.password },
    logger: false,
    disableAutoIdle: true,
    disableBinary: true,
  });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** APPENDs `messages` (strings) to INBOX over one connection, in order. */
async function appendAll(port, messages) {
  const client = await imapClient(port);
  try {
    for (const message of messages) await client.append('INBOX', message, []);
  } finally {
    await client.logout().catch(() => undefined);
  }
}

module.exports = { startDovecot, imapClient, appendAll };
