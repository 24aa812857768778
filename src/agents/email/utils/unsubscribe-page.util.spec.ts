import { confirmPage, donePage, invalidLinkPage } from './unsubscribe-page.util';

describe('unsubscribe pages', () => {
  it('asks to confirm with a form posting to the link, escaping what it shows', () => {
    const page = confirmPage('a<b>"c"@acme.example', '/unsubscribe/abc.def');
    expect(page).toContain('<form method="post" action="/unsubscribe/abc.def">');
    expect(page).toContain('a&lt;b&gt;&quot;c&quot;@acme.example');
    expect(page).not.toContain('<b>');
    expect(page).not.toMatch(/<script/i);
  });

  it('confirms, or says the link is not valid', () => {
    expect(donePage('ana@acme.example')).toContain('will not receive any more emails');
    expect(invalidLinkPage()).toContain('not valid');
  });
});
