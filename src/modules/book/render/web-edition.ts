/**
 * The web edition: a contents page, one page per part and chapter with previous / contents / next
 * links, the back matter, and the whole book on a single page. Plain, accessible HTML and one
 * stylesheet, readable on a 390 px phone; stored with the build and served as files.
 */
import { frontAndBackPages } from './epub.ts';
import { blocksXhtml, escapeXml } from './xhtml.ts';
import { imageResources, type Manuscript, type ManuscriptItem } from './manuscript.ts';

export interface WebFile {
  path: string;
  mime: string;
  data: Buffer;
}

const CSS = `:root { color: #1d1b2f; background: #fdfcf8; }
* { box-sizing: border-box; }
body { margin: 0; font-family: Georgia, 'DejaVu Serif', serif; line-height: 1.6; overflow-wrap: anywhere; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; }
header, main, footer { max-width: 40rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1rem; font-family: system-ui, sans-serif; font-size: 0.95rem; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; }
a { color: #0b5c4a; }
h1, h2, h3, h4 { font-family: system-ui, sans-serif; line-height: 1.25; }
p { hyphens: auto; }
.authors { font-style: italic; }
img { max-width: 100%; height: auto; }
pre { white-space: pre-wrap; background: #f3f1ea; padding: 0.5rem; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; }
th, td { border: 1px solid #aaa; padding: 0.25rem; vertical-align: top; }
.align-center { text-align: center; } .align-right { text-align: right; }
.toc ol { padding-left: 1.25rem; }
.pager { display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap; margin: 2rem 0; font-family: system-ui, sans-serif; }
footer { font-size: 0.85rem; color: #55526b; border-top: 1px solid #dedbd0; margin-top: 2rem; padding-bottom: 2rem; }
footer p { color: #4a4760; }
code { overflow-wrap: anywhere; }
`;

interface PageParts {
  title: string;
  body: string;
  pager?: { previous?: ManuscriptItem | { file: string; title: string }; next?: ManuscriptItem | { file: string; title: string } };
}

function htmlPage(m: Manuscript, p: PageParts): string {
  const t = m.texts;
  const pager = p.pager
    ? `<nav class="pager" aria-label="${escapeXml(t.navigation)}">${p.pager.previous ? `<a rel="prev" href="${p.pager.previous.file}.html">← ${escapeXml(p.pager.previous.title)}</a>` : '<span></span>'}<a href="index.html">${escapeXml(t.contents)}</a>${p.pager.next ? `<a rel="next" href="${p.pager.next.file}.html">${escapeXml(p.pager.next.title)} →</a>` : '<span></span>'}</nav>`
    : '';
  return `<!DOCTYPE html>
<html lang="${m.lang}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>${escapeXml(p.title === m.title ? m.title : `${p.title} · ${m.title}`)}</title>
<link rel="stylesheet" href="style.css"/>
<link rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/"/>
</head>
<body>
<a class="skip" href="#text">${escapeXml(t.skipToText)}</a>
<header><nav aria-label="${escapeXml(m.title)}"><ul><li><a href="${escapeXml(m.siteUrl)}">${escapeXml(t.backToSite)}</a></li><li><a href="index.html">${escapeXml(t.contents)}</a></li><li><a href="single.html">${escapeXml(t.singlePage)}</a></li></ul></nav></header>
<main id="text">
${p.body}
${pager}
</main>
<footer><p>${escapeXml(m.title)} · ${escapeXml(t.edition)} · <a rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a></p></footer>
</body>
</html>
`;
}

const opts = (m: Manuscript, titleLevel: number) => ({ images: m.images, imageBase: 'images/', titleLevel, imageNotEmbedded: m.texts.imageNotEmbedded });

function itemBody(m: Manuscript, item: ManuscriptItem, level: number): string {
  const h = `h${level}`;
  if (item.kind === 'part') return `<section id="${item.file}"><${h}>${escapeXml(item.title)}</${h}></section>`;
  const authors = item.authors.length ? `<p class="authors">${escapeXml(`${m.texts.by} ${item.authors.join(', ')}`)}</p>` : '';
  return `<article id="${item.file}"><${h}>${escapeXml(item.title)}</${h}>${authors}\n${blocksXhtml(item.blocks, opts(m, level))}</article>`;
}

function tocList(m: Manuscript, href: (file: string) => string): string {
  const out: string[] = [];
  let open = false;
  for (const item of m.items) {
    const link = `<a href="${href(item.file)}">${escapeXml(item.title)}</a>`;
    if (item.kind === 'part') {
      if (open) out.push('</ol></li>');
      out.push(`<li>${link}<ol>`);
      open = true;
    } else out.push(`<li>${link}${item.authors.length ? ` — ${escapeXml(item.authors.join(', '))}` : ''}</li>`);
  }
  if (open) out.push('</ol></li>');
  return `<ol>${out.join('\n').replace(/<ol>\n?<\/ol>/g, '')}</ol>`;
}

/** The web edition's files, under `html/`. */
export async function renderWebEdition(m: Manuscript, onItem: (done: number, total: number) => Promise<void> = async () => undefined): Promise<WebFile[]> {
  const files: WebFile[] = [];
  const add = (path: string, html: string) => files.push({ path: `html/${path}`, mime: 'text/html; charset=utf-8', data: Buffer.from(html, 'utf8') });
  const [titlePage, licence, contributors] = frontAndBackPages(m, { level: 2, epub: false });
  const [, , , about, colophon] = frontAndBackPages(m, { level: 1, epub: false });
  const [, , , aboutInBook, colophonInBook] = frontAndBackPages(m, { level: 2, epub: false });
  const first = m.items[0];
  add(
    'index.html',
    htmlPage(m, {
      title: m.title,
      body: `${titlePage!.body}\n<section class="toc"><h2>${escapeXml(m.texts.contents)}</h2>${tocList(m, (f) => `${f}.html`)}<p><a href="about.html">${escapeXml(m.texts.aboutTitle)}</a></p></section>\n${licence!.body}\n${contributors!.body}`,
      ...(first ? { pager: { next: first } } : {}),
    }),
  );
  const total = m.items.length;
  for (let i = 0; i < total; i++) {
    const item = m.items[i]!;
    const previous = i > 0 ? m.items[i - 1]! : { file: 'index', title: m.texts.contents };
    const next = i + 1 < total ? m.items[i + 1]! : { file: 'about', title: m.texts.aboutTitle };
    add(`${item.file}.html`, htmlPage(m, { title: item.title, body: itemBody(m, item, 1), pager: { previous, next } }));
    if ((i + 1) % 25 === 0 || i + 1 === total) await onItem(i + 1, total);
  }
  const last = m.items[total - 1];
  add('about.html', htmlPage(m, { title: m.texts.aboutTitle, body: `${about!.body}\n${colophon!.body.replace(/<(\/?)h1>/g, '<$1h2>')}`, pager: { previous: last ?? { file: 'index', title: m.texts.contents } } }));
  const single = [
    titlePage!.body,
    `<section class="toc"><h2>${escapeXml(m.texts.contents)}</h2>${tocList(m, (f) => `#${f}`)}</section>`,
    licence!.body,
    contributors!.body,
    ...m.items.map((item) => itemBody(m, item, 2)),
    aboutInBook!.body,
    colophonInBook!.body,
  ].join('\n');
  add('single.html', htmlPage(m, { title: m.title, body: single }));
  files.push({ path: 'html/style.css', mime: 'text/css; charset=utf-8', data: Buffer.from(CSS) });
  for (const r of imageResources(m)) files.push({ path: `html/images/${r.name}`, mime: r.mime, data: r.bytes });
  return files;
}
