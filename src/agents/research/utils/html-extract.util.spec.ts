import { decodeEntities, extractPage, firstSentences, MAX_TEXT_LENGTH } from './html-extract.util';

const page = (body: string, head = '') =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('extractPage', () => {
  it('reads the title, the meta description and the visible text', () => {
    const html = page(
      `<nav><a href="/">Home</a> <a href="/pricing">Pricing</a></nav>
       <h1>Acme   Payroll</h1>
       <p>Acme runs payroll for <b>small</b>&nbsp;teams.</p>
       <script>var hidden = "not text";</script>
       <style>p { color: red }</style>
       <!-- a comment -->
       <footer>© 2026 Acme</footer>`,
      `<title> Acme &amp; Co — Payroll </title>
       <meta name="description" content="Payroll for small teams">
       <meta property="og:description" content="Ignored: name=description wins">`,
    );
    expect(extractPage(html)).toEqual({
      title: 'Acme & Co — Payroll',
      description: 'Payroll for small teams',
      text: 'Acme Payroll Acme runs payroll for small teams.',
    });
  });

  it('reads control characters (a NUL) as spaces', () => {
    const html = page('<p>Acme\u0000runs\u0007payroll</p>', '<title>Acme\u0000Co</title>');
    expect(extractPage(html)).toMatchObject({ title: 'Acme Co', text: 'Acme runs payroll' });
  });

  it('falls back to og:description, with attributes in any order and quoting', () => {
    const html = page('', `<meta content='Open Graph text' property=og:description>`);
    expect(extractPage(html).description).toBe('Open Graph text');
  });

  it('prefers <main> when the page has one', () => {
    const html = page(
      '<header>Menu stuff</header><main><p>The real content.</p></main><aside>x</aside>',
    );
    expect(extractPage(html).text).toBe('The real content.');
  });

  it('survives broken markup: unclosed script, stray <, no title', () => {
    expect(extractPage('<p>a < b and c > d</p><script>never closed')).toEqual({
      title: undefined,
      description: undefined,
      text: 'a < b and c > d',
    });
  });

  it('caps the text and stays fast on hostile input', () => {
    const long = page(`<p>${'word '.repeat(10_000)}</p>`);
    expect(extractPage(long).text.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
    const hostile = '<meta a'.repeat(50_000) + '<'.repeat(500_000) + '<script'.repeat(50_000);
    const started = Date.now();
    extractPage(hostile);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex entities and leaves unknown ones', () => {
    expect(decodeEntities('&lt;a&gt; &#233;&#x2014;&rsquo; &bogus; &#0;')).toBe(
      '<a> é—’ &bogus; &#0;',
    );
  });
});

describe('firstSentences', () => {
  it('takes whole sentences up to the length', () => {
    expect(firstSentences('We build rockets. They fly far! Ask us? More text here.', 40)).toBe(
      'We build rockets. They fly far!',
    );
  });

  it('cuts a single long sentence', () => {
    expect(firstSentences('x'.repeat(500), 100)).toHaveLength(100);
  });
});
