import { parseHeaderFields } from './mime-parts.util';
import { addressesIn, collectRecipients } from './recipients.util';

describe('addressesIn', () => {
  it('reads addresses past display names, quotes, comments and groups', () => {
    expect(
      addressesIn(
        '"Doe, Jane (jane@old.example)" <Jane@Acme.example>, bob@acme.example (Bob), team: c@x.example;',
      ),
    ).toEqual(['jane@acme.example', 'bob@acme.example', 'c@x.example']);
    expect(addressesIn('undisclosed-recipients:;')).toEqual([]);
  });
});

describe('collectRecipients', () => {
  it('collects To, Cc, Delivered-To, X-Original-To and Envelope-To, lowercased and deduplicated', () => {
    const header = parseHeaderFields(
      [
        'From: paula@acme.example',
        'To: Sam <Sam@Zigral.example>',
        'Cc: colin@zigral.example,\r\n sam@zigral.example',
        'Delivered-To: sales@zigral.example',
        'X-Original-To: sam+leads@zigral.example',
        'Envelope-To: sam@zigral.example',
        'Reply-To: other@acme.example',
      ].join('\r\n'),
    );
    expect(collectRecipients(header)).toEqual([
      'sam@zigral.example',
      'colin@zigral.example',
      'sales@zigral.example',
      'sam+leads@zigral.example',
    ]);
  });
});
