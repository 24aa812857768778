import { getRepositoryToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Repository } from 'typeorm';
import { InboundMessageEntity } from '../../src/agents/mailbox/intake/inbound-message.entity';
import { MailboxStateStore } from '../../src/agents/mailbox/state/mailbox-state.store';
import { MailboxWatcher } from '../../src/agents/mailbox/watch/mailbox-watcher.service';
import { Clock } from '../../src/common/time/clock';
import { createTestApp, TestApp, TestAppOptions } from './create-test-app';
import { DovecotServer } from './dovecot';
import { FakeClock } from './fake-clock';
import { hasStatus, waitForJob } from './jobs';
import { waitFor } from './mailbox';
import { launchForReview, RunDriver, touchesOf } from './sequence-run';
import { createSequence, storeProspects, TEMPLATE_EMAIL } from './sequences';
import { TestSmtpServer } from './test-smtp-server';

const HOUR = 3_600_000;

/** Three touches two days apart: Monday, Wednesday and Friday at 09:00 in Berlin. */
export const THREE_TOUCHES = [
  TEMPLATE_EMAIL,
  { type: 'wait', days: 2 },
  { type: 'email', subject: 'Following up', body: 'Hi {{first_name}}, again.' },
  { type: 'wait', days: 2 },
  { type: 'email', subject: 'Last note', body: 'Hi {{first_name}}, one last time.' },
];

/** A prospect of a launched cohort, its first touch sent. */
export interface CohortProspect {
  prospectId: string;
  enrollmentId: string;
  email: string;
  domain: string;
  /** `Name <email>`, for a From header. */
  from: string;
  /** The outbox id of its first touch. */
  touchId: string;
  /** The Message-ID its first touch went out with, without <>. */
  messageId: string;
  subject: string;
}

/** A sequence launched for some Berlin prospects, their first touches sent at `at(2)`. */
export interface Cohort {
  sequenceId: string;
  run: RunDriver;
  prospects: CohortProspect[];
}

/**
 * The whole chain for the mailbox-sequences suites: a Dovecot on 127.0.0.1 watched by the app
 * (IMAP_URL, polled every second), a real SMTP server the sequences send to, a FakeClock, and a
 * SQLite file (or Postgres database) that survives `restart`. Each `nextMonday` starts a fresh
 * week two weeks after the last, at 05:00 UTC (07:00 in Berlin, two hours before its window).
 */
export class MailboxSequencesHarness {
  readonly smtp = new TestSmtpServer();
  readonly clock = new FakeClock('2026-05-04T05:00:00.000Z');
  dovecot!: DovecotServer;
  t!: TestApp;
  private monday = Date.parse('2026-05-04T05:00:00.000Z');

  constructor(private readonly env: Record<string, string> = {}) {}

  async start(): Promise<void> {
    this.dovecot = await DovecotServer.start();
    await this.smtp.start();
    this.t = await createTestApp(this.options());
  }

  /**
   * Closes the app and starts another on the same database and mailbox (`extra` for its
   * options); `whileStopped` runs in between.
   */
  async restart(
    extra: Partial<TestAppOptions> = {},
    whileStopped?: () => Promise<unknown>,
  ): Promise<void> {
    await this.t.close();
    await whileStopped?.();
    this.t = await createTestApp(this.options(extra));
  }

  async stop(): Promise<void> {
    await this.t?.destroy();
    await this.smtp.stop();
    await this.dovecot?.stop();
  }

  /** The app's options; `override` swaps more providers (e.g. the InboundSink). */
  options(extra: Partial<TestAppOptions> = {}): TestAppOptions {
    return {
      dir: this.t?.dir,
      ...extra,
      env: {
        IMAP_URL: this.dovecot.url(),
        IMAP_POLL_SECONDS: '1',
        SMTP_URL: this.smtp.url,
        EMAIL_FROM: 'Ana Exemple <ana@zigral.example>',
        EMAIL_PACING_MS: '0',
        PUBLIC_URL: 'https://zigral.test',
        RATE_LIMIT: '100000',
        MAILBOX_OOO_DEFAULT_DAYS: '7',
        ...this.env,
      },
      override: (builder) => {
        const withClock = builder.overrideProvider(Clock).useValue(this.clock);
        return extra.override ? extra.override(withClock) : withClock;
      },
    };
  }

  /** Moves the clock to the next test's Monday, 05:00 UTC. */
  nextMonday(): void {
    this.monday += 14 * 24 * HOUR;
    this.clock.set(new Date(this.monday));
  }

  /** The instant `hours` after this test's Monday 05:00 UTC. */
  at(hours: number): string {
    return new Date(this.monday + hours * HOUR).toISOString();
  }

  /** The date (YYYY-MM-DD) `days` after this test's Monday. */
  day(days: number): string {
    return this.at(days * 24).slice(0, 10);
  }

  /** `count` Berlin prospects in a THREE_TOUCHES sequence: launched, approved, first touches sent. */
  async launch(count: number): Promise<Cohort> {
    const t = this.t;
    const people = Array.from({ length: count }, (_, index) => {
      const domain = `firma${randomUUID().slice(0, 6)}.example`;
      return { name: `Lena Muster${index}`, email: `lena.${index}@${domain}`, domain };
    });
    const prospectIds = await storeProspects(
      t,
      people.map(({ name, email, domain }) => ({
        name,
        email,
        country: 'Germany',
        company: { name: domain, domain },
      })),
    );
    const sequence = await createSequence(t, {
      steps: THREE_TOUCHES,
      settings: { time_zone: 'Europe/Berlin' },
    });
    const enrolled = await request(t.server)
      .post(`/sequences/${sequence.id}/enrollments`)
      .send({ prospect_ids: prospectIds })
      .expect(201);
    const { jobId } = await launchForReview(t, sequence.id);
    await request(t.server).post(`/jobs/${jobId}/approve`).send({}).expect(200);
    await waitForJob(t, jobId, hasStatus('waiting', 'succeeded'));
    const run = new RunDriver(t, this.clock, jobId);
    await run.settle();
    await run.until(this.at(3));
    const touches = await touchesOf(t, sequence.id);
    const enrollments = enrolled.body.enrolled as { id: string; prospect_id: string }[];
    const prospects = people.map((person, index) => {
      const prospectId = prospectIds[index];
      const touch = touches.find((entry) => entry.to.includes(person.email));
      if (touch?.status !== 'sent') throw new Error(`first touch to ${person.email} not sent`);
      return {
        ...person,
        prospectId,
        enrollmentId: enrollments.find((entry) => entry.prospect_id === prospectId)!.id,
        from: `${person.name} <${person.email}>`,
        touchId: touch.id,
        messageId: (touch.message_id as string).replace(/^<|>$/g, ''),
        subject: touch.subject,
      };
    });
    return { sequenceId: sequence.id, run, prospects };
  }

  /** The key the watcher records messages under (`user@host:port/INBOX`). */
  get mailbox(): string {
    return this.t.app.get(MailboxWatcher).mailbox!;
  }

  get rows(): Repository<InboundMessageEntity> {
    return this.t.app.get(getRepositoryToken(InboundMessageEntity));
  }

  /** The watcher's `last_uid`: every message up to it went through the whole pipeline. */
  async lastUid(): Promise<number> {
    return (await this.t.app.get(MailboxStateStore).find(this.mailbox))?.lastUid ?? 0;
  }

  /** Waits until the watcher handed over every message up to `uid` (read, applied, classified). */
  async handedOver(uid: number, timeoutMs = 15_000): Promise<void> {
    await waitFor(`UID ${uid} handed over`, async () => (await this.lastUid()) >= uid, timeoutMs);
  }

  /** APPENDs a message and waits for the watcher to hand it over; answers its row. */
  async deliver(source: string | Buffer): Promise<InboundMessageEntity> {
    const uid = await this.dovecot.append(source);
    await this.handedOver(uid);
    const row = await this.rows.findOneBy({ mailbox: this.mailbox, uid });
    if (!row) throw new Error(`UID ${uid} handed over without a row`);
    return row;
  }

  /** Messages the SMTP server received for `email`. */
  sentTo(email: string): number {
    return this.smtp.to(email).length;
  }

  async enrollment(id: string) {
    return (await request(this.t.server).get(`/enrollments/${id}`).expect(200)).body;
  }

  /** The enrollment's timeline entries of one type. */
  async events(enrollmentId: string, type: string): Promise<Record<string, unknown>[]> {
    const { timeline } = await this.enrollment(enrollmentId);
    return (timeline as { type: string }[]).filter((entry) => entry.type === type);
  }

  async suppression(value: string): Promise<{ value: string; source: string } | undefined> {
    const page = await request(this.t.server).get('/suppressions').query({ limit: 100 });
    const items = page.body.items as { value: string; source: string }[];
    return items.find((entry) => entry.value === value);
  }
}

/** A unique Message-ID for a fixture (fixtures default to fixed ones). */
export const freshId = (tag: string) => `${tag}-${randomUUID()}@mail.example`;
