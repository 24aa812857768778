/** The small HTML pages recipients see when they open an unsubscribe link. */

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}

function page(title: string, content: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5}button{font-size:1rem;padding:.5rem 1.25rem}</style>',
    `</head><body><h1>${escapeHtml(title)}</h1>${content}</body></html>`,
  ].join('\n');
}

/** Asks to confirm: opening the link changes nothing (mail scanners open links too). */
export function confirmPage(email: string, action: string): string {
  return page(
    'Unsubscribe',
    `<p>Stop all emails to <strong>${escapeHtml(email)}</strong>?</p>` +
      `<form method="post" action="${escapeHtml(action)}">` +
      '<input type="hidden" name="confirm" value="yes">' +
      '<button type="submit">Unsubscribe</button></form>',
  );
}

export function donePage(email: string): string {
  return page(
    'You are unsubscribed',
    `<p><strong>${escapeHtml(email)}</strong> will not receive any more emails from us.</p>`,
  );
}

export function invalidLinkPage(): string {
  return page(
    'Link not valid',
    '<p>This unsubscribe link is not valid or no longer exists. If you keep receiving emails, ' +
      'reply to one and ask to be removed.</p>',
  );
}
