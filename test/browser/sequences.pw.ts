import { expect, expectAccessible, screenshotBoth, test } from './fixtures';
import { setUpSequence } from './seq-setup';

test.use({ zigralOptions: { sampleData: true } });

test.describe('sequences', () => {
  test('the list and the page show per-step counts and the enrollments', async ({
    zigral,
    openApp,
  }) => {
    const fixture = await setUpSequence(zigral, { launch: true });
    const page = await openApp('sequences');
    await expect(page.getByRole('heading', { level: 1, name: 'Sequences' })).toBeVisible();
    await page.getByRole('link', { name: fixture.sequenceName }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: /Germany VP Sales, Q1/ }),
    ).toBeVisible();

    const email = page.getByTestId('step-1');
    await expect(email).toContainText('Email: “{{first_name}}, a quick idea for {{company}}”');
    // Three sent, all three past the email and at the call task now.
    await expect(email.getByRole('cell').nth(2)).toHaveText('3'); // done
    await expect(email.getByRole('cell').nth(3)).toHaveText('3'); // sent
    const task = page.getByTestId('step-2');
    await expect(task).toContainText('Call: Call and refer to the email');
    await expect(task.getByRole('cell').nth(1)).toHaveText('3'); // at it now

    const enrollments = page.getByRole('table').nth(1);
    await expect(enrollments.getByRole('link', { name: 'Rita Kundin' })).toBeVisible();
    await page.getByLabel('Enrollment status').selectOption('paused');
    await expect(page.getByText('No enrollment is paused.')).toBeVisible();
    expect(page.url()).toContain('status=paused');
    await page.getByLabel('Enrollment status').selectOption('');
    await expect(enrollments.getByRole('link', { name: 'Tom Abnehmer' })).toBeVisible();
    await expectAccessible(page);
    await screenshotBoth(page, 'sequence');
  });

  test('an enrollment shows its timeline and pauses and resumes with a confirmation', async ({
    zigral,
    openApp,
  }) => {
    const fixture = await setUpSequence(zigral, { launch: true });
    const page = await openApp(`sequences/${fixture.sequenceId}`);
    await page.getByRole('link', { name: 'Rita Kundin' }).first().click();
    await expect(
      page.getByRole('heading', { level: 1, name: /Rita Kundin in Germany VP Sales/ }),
    ).toBeVisible();
    const timeline = page.locator('ol.seq-timeline');
    await expect(timeline.getByRole('listitem').first()).toContainText('Launched');
    await expect(timeline).toContainText('Email 1 sent (step 1)');
    await expect(timeline).toContainText('Task created (step 2)');
    await expect(page.getByText('Emails sent', { exact: true }).locator('+ dd')).toHaveText('1');
    await expect(page.getByText('Waiting for its task to be done')).toBeVisible();
    await expectAccessible(page);
    await screenshotBoth(page, 'enrollment');

    // Cancel first: nothing changes.
    await page.getByRole('button', { name: 'Pause' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pause' });
    await expect(dialog).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Active');

    await page.getByRole('button', { name: 'Pause' }).click();
    await dialog.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Paused');
    await expect(page.getByText('Nothing while it is paused')).toBeVisible();
    await expect(timeline.getByRole('listitem').last()).toContainText('Paused');
    const paused = (await (
      await zigral.api(`/enrollments/${fixture.enrollments['Rita Kundin']}`)
    ).json()) as { status: string };
    expect(paused.status).toBe('paused');

    await page.getByRole('button', { name: 'Resume' }).click();
    await page
      .getByRole('dialog', { name: 'Resume' })
      .getByRole('button', { name: 'Resume' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Active');
    await expect(timeline.getByRole('listitem').last()).toContainText('Resumed');
  });

  test('a task is completed from the task list', async ({ zigral, openApp }) => {
    const fixture = await setUpSequence(zigral, { launch: true });
    const page = await openApp('tasks');
    await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
    const rows = page.getByRole('row').filter({ hasText: 'Call and refer to the email' });
    await expect(rows).toHaveCount(3);
    await expectAccessible(page);
    await screenshotBoth(page, 'tasks');

    const rita = rows.filter({ hasText: 'Rita Kundin' });
    await rita.getByRole('button', { name: 'Mark done' }).click();
    await page
      .getByRole('dialog', { name: 'Mark done' })
      .getByRole('button', { name: 'Mark done' })
      .click();
    await expect(page.getByRole('status').getByText(/Task done: Rita Kundin/)).toBeVisible();
    await expect(rows).toHaveCount(2);

    await page.getByLabel('Status').selectOption('done');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Rita Kundin');
    const tasks = (await (
      await zigral.api(`/tasks?status=done&sequence_id=${fixture.sequenceId}`)
    ).json()) as { total: number };
    expect(tasks.total).toBe(1);
  });

  test('the replies inbox lists nothing yet and filters by kind', async ({ openApp, zigral }) => {
    await setUpSequence(zigral);
    const page = await openApp('replies');
    await expect(page.getByRole('heading', { level: 1, name: 'Replies' })).toBeVisible();
    await expect(page.getByText(/No message received yet/)).toBeVisible();
    await page.getByLabel('Kind').selectOption('bounce');
    await expect(page.getByText('No message matches these filters.')).toBeVisible();
    await page.getByLabel('Sequence').selectOption({ label: 'Germany VP Sales, Q1' });
    expect(page.url()).toMatch(/kind=bounce&sequence=/);
    await expectAccessible(page);
    await screenshotBoth(page, 'replies');
  });
});

test.describe('a reply in the inbox', () => {
  test.use({ zigralOptions: { sampleData: true } });

  // No IMAP server in this harness: the inbox's API answer is stubbed with one reply about a real
  // enrollment, so the page's reading and links are checked end to end.
  test('shows its text, what it stopped, and links to the prospect and the enrollment', async ({
    zigral,
    page,
    openApp,
  }) => {
    const fixture = await setUpSequence(zigral);
    const reply = {
      id: '6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      kind: 'reply',
      outcome: 'replied',
      matched_by: 'in_reply_to',
      matched: true,
      duplicate_of: null,
      message_id: 'abc@kundenfirma.test',
      from_address: 'rita@kundenfirma.test',
      from_name: 'Rita Kundin',
      date: '2026-12-07T09:00:00.000Z',
      return_date: null,
      outbox_message_id: null,
      enrollment_id: fixture.enrollments['Rita Kundin'],
      sequence_id: fixture.sequenceId,
      job_id: null,
      prospect_id: fixture.prospects['Rita Kundin'],
      intent: 'interested',
      intent_source: 'llm',
      delivery_status: null,
      delivery_recipient: null,
      delivery_diagnostic: null,
      subject: 'Re: Rita, a quick idea for Kundenfirma GmbH',
      text: 'Sounds good, call me on Tuesday.',
      truncated: false,
      received_at: '2026-12-07T09:00:05.000Z',
    };
    await page.route(
      (url) => url.pathname === '/replies',
      (route) => route.fulfill({ json: { items: [reply], total: 1, skip: 0, limit: 20 } }),
    );
    await openApp('replies');
    const row = page.getByRole('row').filter({ hasText: 'Rita Kundin' });
    await expect(row).toContainText('Reply (Interested)');
    await expect(row).toContainText('stopped the enrollment');
    const subject = row.getByRole('button', { name: reply.subject });
    await subject.click();
    await expect(subject).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('heading', { level: 2, name: reply.subject })).toBeVisible();
    await expect(page.getByText('Sounds good, call me on Tuesday.')).toBeVisible();
    await expect(
      page.locator('#seq-open-reply').getByRole('link', { name: 'The enrollment’s timeline' }),
    ).toBeVisible();
    await expectAccessible(page);
    await screenshotBoth(page, 'replies-open');
    await expect(row.getByRole('link', { name: 'Rita Kundin' })).toHaveAttribute(
      'href',
      `/app/prospects/${fixture.prospects['Rita Kundin']}`,
    );
    await row.getByRole('link', { name: 'Timeline' }).click();
    await expect(page).toHaveURL(
      new RegExp(`/app/enrollments/${fixture.enrollments['Rita Kundin']}$`),
    );
    await expect(page.getByRole('heading', { level: 1, name: /Rita Kundin in/ })).toBeVisible();
  });
});
