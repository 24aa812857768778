import { Injectable } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { MailboxWatcher } from './watch/mailbox-watcher.service';

/**
 * The `mailbox` entry of /health: always `up`, with the watcher's `state` beside it. A mail
 * server that is down or refuses the password is not a reason to take this replica out of
 * service (the API works without it, and a restart would not fix it): it is reported, retried
 * and logged, and monitoring reads `state`.
 */
@Injectable()
export class MailboxHealthIndicator {
  constructor(private readonly watcher: MailboxWatcher) {}

  check(key: string): HealthIndicatorResult {
    const { state, ...details } = this.watcher.status();
    return { [key]: { status: 'up', state, ...details } };
  }
}
