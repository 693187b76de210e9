/**
 * The EPUB 3 edition, written by hand rather than with a library (docs/decisions/018-book.md): the
 * format is a ZIP of a few XML files, the npm generators either fetch images over the network,
 * stamp the current time into the package or are unmaintained, and none is reproducible. This one
 * is a pure function of the manuscript: same content, same bytes. epubcheck runs on it in the tests.
 */
import { blocksXhtml, escapeXml, type XhtmlOptions } from './xhtml.ts';
import { imageResources, type Manuscript, type ManuscriptItem } from './manuscript.ts';
import { zip, type ZipEntry } from './zip.ts';
import { coverSvg } from './cover-svg.ts';

const CSS = `body { font-family: serif; line-height: 1.45; margin: 0 5%; }
h1, h2, h3, h4 { font-family: sans-serif; line-height: 1.2; page-break-after: avoid; break-after: avoid; }
h1 { font-size: 1.6em; margin: 2em 0 0.3em; }
p { margin: 0; text-indent: 1.2em; text-align: justify; hyphens: auto; -epub-hyphens: auto; }
h1 + p, h2 + p, h3 + p, h4 + p, .authors + p, blockquote p, li p, hr + p { text-indent: 0; }
.authors { font-style: italic; margin: 0 0 1.5em; text-indent: 0; }
blockquote { margin: 1em 1.5em; font-size: 0.95em; }
pre { white-space: pre-wrap; font-size: 0.85em; }
img { max-width: 100%; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #999; padding: 0.2em 0.4em; }
.align-center { text-align: center; } .align-right { text-align: right; }
.title-page { text-align: center; margin-top: 20%; }
.title-page h1 { font-size: 2em; }
.subtitle { font-size: 1.2em; text-indent: 0; text-align: center; }
.front p, .back p { text-indent: 0; margin: 0 0 0.8em; text-align: left; }
.part { text-align: center; margin-top: 30%; }
.image-missing { font-style: italic; }
nav ol { list-style: none; }
.cover { text-align: center; margin: 0; padding: 0; }
.cover img { max-height: 100%; }
`;

function page(m: Manuscript, title: string, body: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${m.lang}" lang="${m.lang}">
<head>
<meta charset="UTF-8"/>
<title>${escapeXml(title)}</title>
<link rel="stylesheet" type="text/css" href="../style.css"/>${extra}
</head>
<body>
${body}
</body>
</html>
`;
}

const options = (m: Manuscript, titleLevel: number): XhtmlOptions => ({ images: m.images, imageBase: '../images/', titleLevel, imageNotEmbedded: m.texts.imageNotEmbedded });

function itemPage(m: Manuscript, item: ManuscriptItem): string {
  if (item.kind === 'part') {
    return page(m, item.title, `<section class="part" epub:type="part" role="doc-part"><h1>${escapeXml(item.title)}</h1></section>`);
  }
  const authors = item.authors.length ? `<p class="authors">${escapeXml(item.authors.join(', '))}</p>\n` : '';
  return page(m, item.title, `<section epub:type="chapter" role="doc-chapter">\n<h1>${escapeXml(item.title)}</h1>\n${authors}${blocksXhtml(item.blocks, options(m, 1))}</section>`);
}

/**
 * The title page, licence, list of contributors, about the programme and colophon (the contents are
 * nav.xhtml). `level` is their heading level (the title page keeps h1); `epub` adds the EPUB's
 * structural semantics.
 */
export function frontAndBackPages(m: Manuscript, { level = 1, epub = true }: { level?: number; epub?: boolean } = {}): { file: string; title: string; body: string }[] {
  const t = m.texts;
  const h = (text: string, sub = 0) => `<h${level + sub}>${escapeXml(text)}</h${level + sub}>`;
  const type = (name: string) => (epub ? ` epub:type="${name}"` : '');
  const subtitle = m.subtitle ? `<p class="subtitle">${escapeXml(m.subtitle)}</p>` : '';
  const authors = m.authors.length ? `<p class="subtitle">${escapeXml(m.authors.join(', '))}</p>` : '';
  const contributors = m.contributors.length
    ? `<ul>${m.contributors.map((c) => `<li><strong>${escapeXml(c.name)}</strong> — ${escapeXml(c.chapters.join(' ; '))}</li>`).join('\n')}</ul>`
    : `<p>${escapeXml(t.noContributors)}</p>`;
  return [
    { file: 'title', title: m.title, body: `<section class="title-page"${type('titlepage')}><h1>${escapeXml(m.title)}</h1>${subtitle}${authors}<p class="subtitle">${escapeXml(t.edition)}</p></section>` },
    {
      file: 'licence',
      title: t.licenceTitle,
      body: `<section class="front"${type('copyright-page')}>${h(t.licenceTitle)}<p>${escapeXml(t.licence)}</p><p><a href="https://creativecommons.org/licenses/by-sa/4.0/">https://creativecommons.org/licenses/by-sa/4.0/</a></p>${h(t.attributionTitle, 1)}<p>${escapeXml(t.attribution)}</p></section>`,
    },
    { file: 'contributors', title: t.contributorsTitle, body: `<section class="front"${type('contributors')}>${h(t.contributorsTitle)}${contributors}</section>` },
    { file: 'about', title: t.aboutTitle, body: `<section class="back"${type('afterword')}>${h(t.aboutTitle)}${blocksXhtml(m.about, { ...options(m, level), imageBase: epub ? '../images/' : 'images/' })}</section>` },
    {
      file: 'colophon',
      title: t.colophonTitle,
      body: `<section class="back"${type('colophon')}>${h(t.colophonTitle)}<p>${escapeXml(t.colophon)}</p><p>${escapeXml(t.contentHashLabel)} <code>${m.contentHash}</code></p></section>`,
    },
  ];
}

function navDocument(m: Manuscript): string {
  const items: string[] = [];
  let openPart = false;
  for (const item of m.items) {
    const link = `<a href="text/${item.file}.xhtml">${escapeXml(item.title)}</a>`;
    if (item.kind === 'part') {
      if (openPart) items.push('</ol></li>');
      items.push(`<li>${link}<ol>`);
      openPart = true;
    } else items.push(`<li>${link}</li>`);
  }
  if (openPart) items.push('</ol></li>');
  // An empty part has an empty <ol>, which the nav document may not hold.
  const toc = items.join('\n').replace(/<ol>\n?<\/ol>/g, '');
  const t = m.texts;
  const body = `<nav epub:type="toc" id="toc" role="doc-toc"><h1>${escapeXml(t.contents)}</h1>
<ol>
<li><a href="text/licence.xhtml">${escapeXml(t.licenceTitle)}</a></li>
<li><a href="text/contributors.xhtml">${escapeXml(t.contributorsTitle)}</a></li>
${toc}
<li><a href="text/about.xhtml">${escapeXml(t.aboutTitle)}</a></li>
<li><a href="text/colophon.xhtml">${escapeXml(t.colophonTitle)}</a></li>
</ol>
</nav>
<nav epub:type="landmarks" hidden="hidden"><ol>
<li><a epub:type="cover" href="text/cover.xhtml">${escapeXml(t.cover)}</a></li>
<li><a epub:type="toc" href="nav.xhtml">${escapeXml(t.contents)}</a></li>
<li><a epub:type="bodymatter" href="text/${m.items[0]?.file ?? 'about'}.xhtml">${escapeXml(m.items[0]?.title ?? t.aboutTitle)}</a></li>
</ol></nav>`;
  return page(m, t.contents, body).replace('href="../style.css"', 'href="style.css"');
}

function packageDocument(m: Manuscript, manifest: { id: string; href: string; type: string; props?: string }[], spine: string[]): string {
  const creators = m.authors.map((a, i) => `<dc:creator id="creator${i + 1}">${escapeXml(a)}</dc:creator>`).join('\n    ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${m.lang}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">${escapeXml(m.identifier)}</dc:identifier>
    <dc:title id="main-title">${escapeXml(m.title)}</dc:title>${m.subtitle ? `\n    <dc:title id="sub-title">${escapeXml(m.subtitle)}</dc:title>\n    <meta refines="#sub-title" property="title-type">subtitle</meta>\n    <meta refines="#main-title" property="title-type">main</meta>` : ''}
    <dc:language>${m.lang}</dc:language>
    ${creators}
    <dc:publisher>Open Experience</dc:publisher>
    <dc:rights>${escapeXml(m.texts.licence)}</dc:rights>
    <meta property="dcterms:modified">${m.modified}</meta>
    <meta property="schema:license">https://creativecommons.org/licenses/by-sa/4.0/</meta>
    <meta property="schema:version">${escapeXml(m.edition)}</meta>
    <link rel="dcterms:license" href="https://creativecommons.org/licenses/by-sa/4.0/"/>
    <meta name="cover" content="cover-image"/>
  </metadata>
  <manifest>
${manifest.map((i) => `    <item id="${i.id}" href="${escapeXml(i.href)}" media-type="${i.type}"${i.props ? ` properties="${i.props}"` : ''}/>`).join('\n')}
  </manifest>
  <spine>
${spine.map((id) => `    <itemref idref="${id}"${id === 'cover' ? ' linear="no"' : ''}/>`).join('\n')}
  </spine>
</package>
`;
}

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

const extensionOf = (mime: string) => (mime === 'image/jpeg' ? 'jpg' : mime === 'image/svg+xml' ? 'svg' : mime.split('/')[1]!);

/**
 * Writes the EPUB. `onItem` is told after each chapter is written (the build's progress, and a
 * chance for the event loop to answer requests in between).
 */
export async function renderEpub(m: Manuscript, onItem: (done: number, total: number) => Promise<void> = async () => undefined): Promise<Buffer> {
  const files: ZipEntry[] = [{ name: 'mimetype', data: Buffer.from('application/epub+zip'), store: true }, { name: 'META-INF/container.xml', data: Buffer.from(CONTAINER) }];
  const manifest: { id: string; href: string; type: string; props?: string }[] = [
    { id: 'nav', href: 'nav.xhtml', type: 'application/xhtml+xml', props: 'nav' },
    { id: 'style', href: 'style.css', type: 'text/css' },
  ];
  const spine: string[] = [];
  const add = (name: string, data: string | Buffer) => files.push({ name: `EPUB/${name}`, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data });

  // The cover: the uploaded image, or one drawn from the title (SVG).
  const cover = m.cover ? { href: `images/cover.${extensionOf(m.cover.mime)}`, type: m.cover.mime, bytes: m.cover.bytes } : { href: 'images/cover.svg', type: 'image/svg+xml', bytes: Buffer.from(coverSvg(m)) };
  add(cover.href, cover.bytes);
  manifest.push({ id: 'cover-image', href: cover.href, type: cover.type, props: 'cover-image' });
  add('text/cover.xhtml', page(m, m.texts.cover, `<section class="cover" epub:type="cover"><img src="../${cover.href}" alt="${escapeXml(`${m.title}${m.subtitle ? ` — ${m.subtitle}` : ''}`)}"/></section>`));
  manifest.push({ id: 'cover', href: 'text/cover.xhtml', type: 'application/xhtml+xml' });
  spine.push('cover');

  const generated = frontAndBackPages(m);
  const front = generated.slice(0, 3);
  const back = generated.slice(3);
  for (const p of front) {
    add(`text/${p.file}.xhtml`, page(m, p.title, p.body));
    manifest.push({ id: p.file, href: `text/${p.file}.xhtml`, type: 'application/xhtml+xml' });
    spine.push(p.file);
    if (p.file === 'licence') spine.push('nav');
  }
  const total = m.items.length;
  let done = 0;
  for (const item of m.items) {
    const xhtml = itemPage(m, item);
    add(`text/${item.file}.xhtml`, xhtml);
    manifest.push({ id: item.file, href: `text/${item.file}.xhtml`, type: 'application/xhtml+xml' });
    spine.push(item.file);
    done += 1;
    if (done % 25 === 0 || done === total) await onItem(done, total);
  }
  for (const p of back) {
    add(`text/${p.file}.xhtml`, page(m, p.title, p.body));
    manifest.push({ id: p.file, href: `text/${p.file}.xhtml`, type: 'application/xhtml+xml' });
    spine.push(p.file);
  }
  for (const r of imageResources(m)) {
    add(`images/${r.name}`, r.bytes);
    manifest.push({ id: r.name.replace(/\.[a-z]+$/, '').replace(/[^A-Za-z0-9_-]/g, '-'), href: `images/${r.name}`, type: r.mime });
  }
  add('nav.xhtml', navDocument(m));
  add('style.css', CSS);
  add('package.opf', packageDocument(m, manifest, spine));
  return zip(files);
}
