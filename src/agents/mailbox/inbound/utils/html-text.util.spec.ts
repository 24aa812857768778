import { cutQuotedHtml, decodeEntities, htmlToText } from './html-text.util';

describe('htmlToText', () => {
  it('turns blocks and breaks into lines and drops tags, styles and comments', () => {
    const html =
      '<html><head><style>p{color:red}</style></head><body><!-- x --><p>Hello <b>Sam</b>,</p><div>line one<br>line two</div><ul><li>a</li></ul></body></html>';
    expect(htmlToText(html)).toBe('Hello Sam,\n\nline one\nline two\n\n- a');
  });

  it('drops blockquotes and the quoted-history containers of Gmail and Outlook', () => {
    expect(htmlToText('<p>Yes</p><blockquote>old</blockquote><p>Thanks</p>')).toBe('Yes\n\nThanks');
    expect(htmlToText('<div>Yes</div><div class="gmail_quote">On … wrote: old</div>')).toBe('Yes');
    expect(htmlToText('<p>Yes</p><div id="divRplyFwdMsg"><b>From:</b> Sam</div>')).toBe('Yes');
    expect(
      htmlToText(
        '<p>Yes</p><div style="border:none;border-top:solid #E1E1E1 1.0pt"><p>From: Sam</p></div>',
      ),
    ).toBe('Yes');
  });

  it('decodes entities after stripping tags, so &lt; stays text', () => {
    expect(htmlToText('<p>a &lt;b&gt; &amp; c&nbsp;d &#233; &#x263A;</p>')).toBe('a <b> & c d é ☺');
  });
});

describe('cutQuotedHtml', () => {
  it('leaves HTML without a quote container whole', () => {
    expect(cutQuotedHtml('<p>hi</p>')).toBe('<p>hi</p>');
  });
});

describe('decodeEntities', () => {
  it('leaves unknown and invalid references alone', () => {
    expect(decodeEntities('&bogus; &#0; &#x110000;')).toBe('&bogus; &#0; &#x110000;');
  });
});
