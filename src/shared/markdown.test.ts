import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foreignImages, markdownToText, renderMarkdown } from './markdown.ts';

const ALLOWED_TAGS = new Set([
  'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 's', 'del',
  'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub',
]);
const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href', 'title', 'rel'],
  img: ['src', 'alt', 'title'],
  ol: ['start'],
  th: ['style'],
  td: ['style'],
};

interface Tag {
  name: string;
  attrs: Record<string, string>;
}

/** Every opening or closing tag of an HTML fragment, with its attributes (values decoded from "…"). */
function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const m of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of (m[2] ?? '').matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)) attrs[a[1]!.toLowerCase()] = a[2] ?? '';
    tags.push({ name: m[1]!.toLowerCase(), attrs });
  }
  return tags;
}

/** The invariant every rendering must satisfy, whatever the input. */
function expectSafe(html: string): void {
  for (const tag of tagsOf(html)) {
    expect(ALLOWED_TAGS.has(tag.name), `tag <${tag.name}> in ${html}`).toBe(true);
    for (const [name, value] of Object.entries(tag.attrs)) {
      expect(ALLOWED_ATTRIBUTES[tag.name] ?? [], `attribute ${name} on <${tag.name}> in ${html}`).toContain(name);
      expect(name, html).not.toMatch(/^on/i);
      expect(value, html).not.toMatch(/^\s*(javascript|vbscript|data):/i);
      if (name === 'href') expect(value, html).toMatch(/^(https?:|mailto:|[^:]*$)/i);
      if (name === 'src') expect(value, html).toMatch(/^https?:/i);
      if (name === 'style') expect(value, html).toMatch(/^text-align:(left|right|center)$/);
    }
  }
  expect(html).not.toMatch(/<script|<iframe|<style|<svg|<object|<embed|<math|<form|<input/i);
  // Text never contains an unescaped "<", so the same words in text are harmless.
  expect(html.replace(/<\/?[a-zA-Z][a-zA-Z0-9]*[^>]*>/g, ''), html).not.toContain('<');
}

describe('renderMarkdown: hostile input is neutralised', () => {
  it.each([
    ['<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n'],
    ['<img src=x onerror=alert(1)>', '<p>&lt;img src=x onerror=alert(1)&gt;</p>\n'],
    ['<a href="javascript:alert(1)">clic</a>', '<p>&lt;a href=“javascript:alert(1)”&gt;clic&lt;/a&gt;</p>\n'],
    ['<div onclick="alert(1)">x</div>', '<p>&lt;div onclick=“alert(1)”&gt;x&lt;/div&gt;</p>\n'],
    ['<style>body{display:none}</style>', '<p>&lt;style&gt;body{display:none}&lt;/style&gt;</p>\n'],
    ['<svg onload=alert(1)><circle/></svg>', '<p>&lt;svg onload=alert(1)&gt;&lt;circle/&gt;&lt;/svg&gt;</p>\n'],
    ['<!-- hidden -->', '<p>&lt;!-- hidden --&gt;</p>\n'],
    ['<javascript:alert(1)>', '<p>&lt;javascript:alert(1)&gt;</p>\n'],
    ['# <script>', '<h2>&lt;script&gt;</h2>\n'],
  ])('raw HTML %j is escaped as text', (input, expected) => {
    const html = renderMarkdown(input);
    expect(html).toBe(expected);
    expectSafe(html);
  });

  it('an <iframe> stays text (its URL may be linkified, but no iframe element exists)', () => {
    const html = renderMarkdown('<iframe src="https://evil.example"></iframe>');
    expect(html).toBe(
      '<p>&lt;iframe src=“<a href="https://evil.example" rel="nofollow noopener">https://evil.example</a>”&gt;&lt;/iframe&gt;</p>\n',
    );
    expectSafe(html);
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](vbscript:msgbox(1))',
    '[x](VBScript:msgbox(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](&#106;avascript:alert(1))',
    '[x](java\tscript:alert(1))',
    '![x](javascript:alert(1))',
    '![x](vbscript:alert(1))',
  ])('a dangerous link %j produces no link at all', (input) => {
    const html = renderMarkdown(input);
    expect(html).not.toContain('<a');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/href=|src=/);
    expect(html.startsWith('<p>[x](') || html.startsWith('<p>![x](')).toBe(true);
    expectSafe(html);
  });

  it('a reference-style definition with javascript: is not turned into a link', () => {
    const html = renderMarkdown('[x]: javascript:alert(1)\n\n[y][x]');
    expect(html).toBe('<p>[x]: javascript:alert(1)</p>\n<p>[y][x]</p>\n');
  });

  it('a data: image is not shown: its description stays', () => {
    const html = renderMarkdown('![x](data:image/png;base64,iVBORw0KGgo=)');
    expect(html).toBe('<p><span>x</span></p>\n');
  });

  it('a protocol-relative link loses its href', () => {
    expect(renderMarkdown('[x](//evil.example)')).toBe('<p><a>x</a></p>\n');
  });

  it('a title cannot break out of its attribute', () => {
    const html = renderMarkdown('[x](https://example.org "t\\" onmouseover=\\"x")');
    expect(html).toBe(
      '<p><a href="https://example.org" title="t&quot; onmouseover=&quot;x" rel="nofollow noopener">x</a></p>\n',
    );
    expectSafe(html);
  });

  it('attribute syntax after a link is left as text', () => {
    expect(renderMarkdown('[x](https://example.org){onclick=alert(1)}')).toBe(
      '<p><a href="https://example.org" rel="nofollow noopener">x</a>{onclick=alert(1)}</p>\n',
    );
  });

  it('raw HTML inside a table cell or code stays text', () => {
    expect(renderMarkdown('| a |\n|--|\n| <script> |')).toBe(
      '<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>&lt;script&gt;</td>\n</tr>\n</tbody>\n</table>\n',
    );
    expect(renderMarkdown('`<b onclick=x>code</b>`')).toBe('<p><code>&lt;b onclick=x&gt;code&lt;/b&gt;</code></p>\n');
  });

  it('property: any input renders to allow-listed tags, attributes and schemes only', () => {
    const fragments = fc.constantFrom(
      '<script>', '</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">', '</a>', '<iframe>',
      '<style>', '<svg onload=x>', ' onclick="x"', 'javascript:', 'vbscript:', 'data:text/html,', '[', ']', '(', ')', '![',
      '"', "'", '<', '>', '&', '&#106;', '`', '*', '_', '#', '\n', '\n\n', ' ', 'https://example.org', 'mailto:a@b.c',
      '|', '-', '1.', '>', 'text', 'é',
    );
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 40 }).map((parts) => parts.join('')), (source) => {
        expectSafe(renderMarkdown(source));
      }),
      { numRuns: 500 },
    );
  });

  it('property: arbitrary strings render safely', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (source) => {
        expectSafe(renderMarkdown(source));
      }),
      { numRuns: 300 },
    );
  });
});

describe('renderMarkdown: normal Markdown', () => {
  it('demotes h1 to h2 and keeps other headings', () => {
    expect(renderMarkdown('# Titre')).toBe('<h2>Titre</h2>\n');
    expect(renderMarkdown('## Sous-titre')).toBe('<h2>Sous-titre</h2>\n');
    expect(renderMarkdown('### Trois')).toBe('<h3>Trois</h3>\n');
    expect(renderMarkdown('###### Six')).toBe('<h6>Six</h6>\n');
  });

  it('renders lists, emphasis and strikethrough', () => {
    expect(renderMarkdown('- a\n- b\n\n1. un\n2. deux\n\n*em* **strong** ~~del~~')).toBe(
      '<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol>\n<li>un</li>\n<li>deux</li>\n</ol>\n<p><em>em</em> <strong>strong</strong> <s>del</s></p>\n',
    );
  });

  it('keeps the start of an ordered list', () => {
    expect(renderMarkdown('3. trois\n4. quatre')).toBe('<ol start="3">\n<li>trois</li>\n<li>quatre</li>\n</ol>\n');
  });

  it.each([
    ['[site](https://example.org)', '<p><a href="https://example.org" rel="nofollow noopener">site</a></p>\n'],
    ['[site](http://example.org)', '<p><a href="http://example.org" rel="nofollow noopener">site</a></p>\n'],
    ['[site](HTTP://EXAMPLE.ORG)', '<p><a href="HTTP://EXAMPLE.ORG" rel="nofollow noopener">site</a></p>\n'],
    ['<https://example.org>', '<p><a href="https://example.org" rel="nofollow noopener">https://example.org</a></p>\n'],
    ['voir https://example.org ici', '<p>voir <a href="https://example.org" rel="nofollow noopener">https://example.org</a> ici</p>\n'],
  ])('external link %j gets rel="nofollow noopener"', (input, expected) => {
    expect(renderMarkdown(input)).toBe(expected);
  });

  it.each([
    ['[thème](/themes/communs)', '<p><a href="/themes/communs">thème</a></p>\n'],
    ['[ancre](#suite)', '<p><a href="#suite">ancre</a></p>\n'],
    ['[écrire](mailto:a@b.c "x")', '<p><a href="mailto:a@b.c" title="x">écrire</a></p>\n'],
  ])('internal or mailto link %j has no rel', (input, expected) => {
    expect(renderMarkdown(input)).toBe(expected);
  });

  it('renders the site’s own images with alt and title', () => {
    expect(renderMarkdown('![alt](/media/abcdefghijklmnopqrstuv "t")')).toBe('<p><img src="/media/abcdefghijklmnopqrstuv" alt="alt" title="t" /></p>\n');
  });

  it('shows an image from another site as a link to it: readers’ browsers never call a third party', () => {
    expect(renderMarkdown('![alt](https://example.org/a.png "t")')).toBe('<p><a href="https://example.org/a.png" rel="nofollow noopener">alt (https://example.org/a.png)</a></p>\n');
    for (const src of ['https://example.org/a.png', '//example.org/a.png', '/media/../../x.png', '/media/abcdefghijklmnopqrstuv?x=1', 'http://127.0.0.1/a.png']) {
      expect(renderMarkdown(`![a](${src})`), src).not.toContain('<img');
    }
    expect(foreignImages('![a](https://x.example/y.png) ![b](/media/abcdefghijklmnopqrstuv) [link](https://z.example) ![c](//evil.example/x.png)')).toEqual(['https://x.example/y.png', '//evil.example/x.png']);
  });

  it('renders table alignment as classes, never as a style the CSP would block', () => {
    expect(renderMarkdown('| a | b |\n|:-|-:|\n| 1 | 2 |')).toBe(
      '<table>\n<thead>\n<tr>\n<th class="align-left">a</th>\n<th class="align-right">b</th>\n</tr>\n</thead>\n' +
        '<tbody>\n<tr>\n<td class="align-left">1</td>\n<td class="align-right">2</td>\n</tr>\n</tbody>\n</table>\n',
    );
  });

  it('never lets a style attribute or a foreign image through (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('| a | b |\n|:-|:-:|\n| 1 | 2 |\n', '![x](https://e.example/i.png)', '<img src="https://e.example/i.png">', '<p style="color:red">x</p>', '![y](/media/abcdefghijklmnopqrstuv)', 'text ', '\n\n', '[l](https://e.example)'), { maxLength: 12 }), (parts) => {
        const html = renderMarkdown(parts.join(''));
        expect(html).not.toMatch(/<[^>]*\sstyle=/i);
        for (const m of html.matchAll(/<img[^>]*src="([^"]*)"/g)) expect(m[1]).toMatch(/^\/media\/[A-Za-z0-9_-]{22}$/);
      }),
    );
  });

  it('renders blockquotes, code blocks, hard breaks and rules', () => {
    expect(renderMarkdown('> cité')).toBe('<blockquote>\n<p>cité</p>\n</blockquote>\n');
    expect(renderMarkdown('```\nconst a = "<b>";\n```')).toBe('<pre><code>const a = "&lt;b&gt;";\n</code></pre>\n');
    expect(renderMarkdown('Ligne  \nsuivante')).toBe('<p>Ligne<br />\nsuivante</p>\n');
    expect(renderMarkdown('---')).toBe('<hr />\n');
  });

  it('applies typographic quotes', () => {
    expect(renderMarkdown('"bonjour"')).toBe('<p>“bonjour”</p>\n');
  });

  it('renders empty input as empty', () => {
    expect(renderMarkdown('')).toBe('');
  });
});

describe('markdownToText', () => {
  it.each([
    ['# Titre\n\nUn *paragraphe* avec [un lien](https://example.org).', 'Titre Un paragraphe avec un lien.'],
    ['- a\n- b\n\n> cité', 'a b cité'],
    ['**a**   b\n\nc', 'a b c'],
    ['> quote\n\n```\ncode <i>\n```', 'quote code <i>'],
    ['A &amp; B &lt;c&gt;', 'A & B <c>'],
    ['A&nbsp;B &copy; &#39; &quot;', 'A B © \' "'], // the no-break space is whitespace, collapsed to a space
    ['Tom & Jerry <3', 'Tom & Jerry <3'],
    ['`"x" \'y\' <b> & a`', '"x" \'y\' <b> & a'],
    ['a &amp;lt; b', 'a &lt; b'],
    ['"guillemets"', '“guillemets”'],
    ['', ''],
    ['   \n\n  ', ''],
  ])('%j → %j', (input, expected) => {
    expect(markdownToText(input)).toBe(expected);
  });

  it('keeps raw HTML written in the source as literal text (it was never markup)', () => {
    expect(markdownToText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });

  it('does not truncate at exactly the limit', () => {
    const text = 'x'.repeat(300);
    expect(markdownToText(text)).toBe(text);
    expect(markdownToText('abcde', 5)).toBe('abcde');
  });

  it('truncates past the limit with an ellipsis, within the limit', () => {
    const out = markdownToText('x'.repeat(301));
    expect(out).toBe(`${'x'.repeat(299)}…`);
    expect(out).toHaveLength(300);
  });

  it('trims the space before the ellipsis', () => {
    expect(markdownToText('abc def ghi', 5)).toBe('abc…');
    expect(markdownToText('abcd efgh', 6)).toBe('abcd…');
  });

  it('property: the result never exceeds maxLength and never contains generated tags', () => {
    const words = fc.constantFrom('mot', '**gras**', '*em*', '[lien](https://example.org)', '# Titre\n', '- item\n', '\n\n', ' ', 'é');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 60 }).map((w) => w.join(' ')), fc.integer({ min: 2, max: 400 }), (source, max) => {
        const text = markdownToText(source, max);
        expect(text.length).toBeLessThanOrEqual(max);
        expect(text).not.toMatch(/<\/?(p|a|em|strong|h2|ul|li)\b/);
        expect(text).not.toMatch(/\s{2,}/);
        expect(text).toBe(text.trim());
      }),
    );
  });
});
