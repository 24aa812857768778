'use strict';

/**
 * The mailbox part's inbound messages, RFC 5322 with CRLF, each answering one sent first touch
 * (`{ enrollmentId, email, messageId }`): a Gmail-style reply (multipart/alternative, quoted
 * history) whose In-Reply-To and References name the touch; an out-of-office answer
 * (Auto-Submitted) in the thread with a return date; a Postfix 5.1.1 delivery status
 * notification carrying the touch's headers, its Message-ID among them.
 */
const SENDER = 'Alex Bench <alex@zigral.example>';
const MONTHS =
  'January February March April May June July August September October November December'.split(
    ' ',
  );

const crlf = (lines) => lines.join('\r\n');
const dateHeader = (date) => date.toUTCString().replace('GMT', '+0000');

function envelope({ from, to, subject, messageId, inReplyTo, date }) {
  return [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${subject}`,
    `Date: ${dateHeader(date)}`,
    `Message-ID: <${messageId}>`,
    ...(inReplyTo ? [`In-Reply-To: ${inReplyTo}`, `References: ${inReplyTo}`] : []),
  ];
}

function reply(touch, index, date) {
  const boundary = `000000000000bench${index.toString(16).padStart(8, '0')}`;
  const text = 'Thanks Alex, this sounds interesting.\nCould we talk on Thursday at 3pm?';
  const quote = '> Hello,\n>\n> A first touch.';
  const plain = `${text}\n\nOn Mon, Jan 5, 2026 at 9:00 AM ${SENDER} wrote:\n\n${quote}\n\n-- \nPerson ${index}`;
  const html = `<div dir="ltr">${text.replace(/\n/g, '<br>')}</div><br><div class="gmail_quote"><blockquote class="gmail_quote">Hello,<br><br>A first touch.</blockquote></div>`;
  return crlf([
    ...envelope({
      from: `Person ${index} <${touch.email}>`,
      to: SENDER,
      subject: 'Re: A quick question',
      messageId: `reply-${index}@mail.example`,
      inReplyTo: touch.messageId,
      date,
    }),
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset="UTF-8"',
    '',
    plain.replace(/\n/g, '\r\n'),
    `--${boundary}`,
    'Content-Type: text/html; charset="UTF-8"',
    '',
    html,
    `--${boundary}--`,
    '',
  ]);
}

function outOfOffice(touch, index, date, returnDate) {
  const back = `${returnDate.getUTCDate()} ${MONTHS[returnDate.getUTCMonth()]} ${returnDate.getUTCFullYear()}`;
  return crlf([
    ...envelope({
      from: `Person ${index} <${touch.email}>`,
      to: SENDER,
      subject: 'Automatic reply: A quick question',
      messageId: `ooo-${index}@mail.example`,
      inReplyTo: touch.messageId,
      date,
    }),
    'Auto-Submitted: auto-replied',
    'X-Auto-Response-Suppress: All',
    'Precedence: auto_reply',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="utf-8"',
    '',
    'Thank you for your email. I am out of the office with limited access to email and will be ' +
      `back on ${back}.`,
    'For urgent matters please contact office@company.example.',
    '',
  ]);
}

function deliveryReport(touch, index, date) {
  const boundary = `BENCH${index}.1767607200/mail.zigral.example`;
  const diagnostic = `550 5.1.1 <${touch.email}>: Recipient address rejected: User unknown in virtual mailbox table`;
  return crlf([
    'Return-Path: <>',
    ...envelope({
      from: 'MAILER-DAEMON@mail.zigral.example (Mail Delivery System)',
      to: SENDER,
      subject: 'Undelivered Mail Returned to Sender',
      messageId: `dsn-${index}@mail.zigral.example`,
      date,
    }),
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary="${boundary}"`,
    '',
    'This is a MIME-encapsulated message.',
    '',
    `--${boundary}`,
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mail.zigral.example.',
    '',
    "I'm sorry to have to inform you that your message could not",
    "be delivered to one or more recipients. It's attached below.",
    '',
    `<${touch.email}>: host mx.company.example[192.0.2.10] said: ${diagnostic}`,
    '    (in reply to RCPT TO command)',
    '',
    `--${boundary}`,
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mail.zigral.example',
    `X-Postfix-Queue-ID: BENCH${index}`,
    'Arrival-Date: Mon,  5 Jan 2026 10:00:00 +0000 (UTC)',
    '',
    `Final-Recipient: rfc822; ${touch.email}`,
    `Original-Recipient: rfc822;${touch.email}`,
    'Action: failed',
    'Status: 5.1.1',
    'Remote-MTA: dns; mx.company.example',
    `Diagnostic-Code: smtp; ${diagnostic}`,
    '',
    `--${boundary}`,
    'Content-Description: Undelivered Message Headers',
    'Content-Type: text/rfc822-headers',
    '',
    `From: ${SENDER}`,
    `To: <${touch.email}>`,
    'Subject: A quick question',
    `Message-ID: ${touch.messageId}`,
    '',
    `--${boundary}--`,
    '',
  ]);
}

/** Which shape message `index` takes: 60% replies, 25% out-of-office, 15% bounces. */
function kindOf(index) {
  const slot = index % 20;
  return slot < 12 ? 'reply' : slot < 17 ? 'out_of_office' : 'bounce';
}

/** How many of `count` messages take each shape. */
function expectedKinds(count) {
  const counts = { reply: 0, out_of_office: 0, bounce: 0 };
  for (let i = 0; i < count; i++) counts[kindOf(i)] += 1;
  return counts;
}

/**
 * The message answering `touch`, the `index`-th: its shape by kindOf; an out-of-office answer
 * names `returnDate` (a Date, after every seeded due time, so it postpones).
 */
function inboundMessage(touch, index, { date, returnDate }) {
  switch (kindOf(index)) {
    case 'reply':
      return reply(touch, index, date);
    case 'out_of_office':
      return outOfOffice(touch, index, date, returnDate);
    default:
      return deliveryReport(touch, index, date);
  }
}

module.exports = { inboundMessage, kindOf, expectedKinds };
