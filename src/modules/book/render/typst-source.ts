/**
 * The manuscript as a Typst document, for the PDF (docs/decisions/018-book.md): Typst does the
 * typography — justified paragraphs, hyphenation in the book's language, running heads, page
 * numbers, a table of contents with page numbers, PDF bookmarks. Every text of the book goes in as
 * a Typst string literal (`#"…"`), so nothing a chapter holds can be read as Typst markup or code.
 */
import type { Block, Inline } from './markdown-ast.ts';
import { imageResources, type Manuscript } from './manuscript.ts';

export interface PdfLayout {
  /** Trim size in millimetres. */
  widthMm: number;
  heightMm: number;
  /** Bleed added around every page (the printer's PDF); 0 for the screen. */
  bleedMm: number;
  /** The screen edition opens on its cover; the printer's interior has none (the cover is printed apart). */
  withCover: boolean;
}

/** A Typst string literal: only `\` and `"` need escaping; line breaks become spaces. */
export function typstString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n\t]+/g, ' ')}"`;
}

const IMAGE_DIR = 'images/';

function inlineTypst(nodes: readonly Inline[], m: Manuscript): string {
  let out = '';
  for (const n of nodes) {
    switch (n.t) {
      case 'text':
        out += `#${typstString(n.v)}`;
        break;
      case 'br':
        out += '#linebreak()';
        break;
      case 'code':
        out += `#raw(${typstString(n.v)})`;
        break;
      case 'em':
        out += `#emph[${inlineTypst(n.c, m)}]`;
        break;
      case 'strong':
        out += `#strong[${inlineTypst(n.c, m)}]`;
        break;
      case 'del':
        out += `#strike[${inlineTypst(n.c, m)}]`;
        break;
      case 'sup':
        out += `#super[${inlineTypst(n.c, m)}]`;
        break;
      case 'sub':
        out += `#sub[${inlineTypst(n.c, m)}]`;
        break;
      case 'link':
        out += `#link(${typstString(n.href)})[${inlineTypst(n.c, m)}]`;
        break;
      case 'img': {
        const resource = m.images.get(n.src);
        out += resource
          ? `#fig(${typstString(IMAGE_DIR + resource.name)}, ${typstString(n.alt)})`
          : `#emph(${typstString(m.texts.imageNotEmbedded.replace('{alt}', n.alt))})`;
        break;
      }
    }
  }
  return out;
}

function blocksTypst(blocks: readonly Block[], m: Manuscript): string {
  let out = '';
  for (const b of blocks) {
    switch (b.t) {
      case 'p':
        out += `${inlineTypst(b.c, m)}\n\n`;
        break;
      case 'h':
        out += `#heading(level: ${2 + b.level})[${inlineTypst(b.c, m)}]\n\n`;
        break;
      case 'quote':
        out += `#quote(block: true)[\n${blocksTypst(b.c, m)}]\n\n`;
        break;
      case 'list': {
        const items = b.items.map((item) => `[${blocksTypst(item, m).trim()}]`).join(', ');
        out += b.ordered ? `#enum(start: ${b.start}, ${items})\n\n` : `#list(${items})\n\n`;
        break;
      }
      case 'code':
        out += `#raw(block: true, ${codeLiteral(b.v)})\n\n`;
        break;
      case 'hr':
        out += '#align(center)[#"⁂"]\n\n';
        break;
      case 'table': {
        const columns = Math.max(1, b.head.length, ...b.rows.map((r) => r.length));
        const cell = (c: readonly Inline[] | undefined) => `[${c ? inlineTypst(c, m) : ''}]`;
        const pad = (row: readonly (readonly Inline[])[]) => Array.from({ length: columns }, (_, i) => cell(row[i]));
        const align = Array.from({ length: columns }, (_, i) => b.align[i] ?? 'left').join(', ');
        const header = b.head.length ? `table.header(${pad(b.head).join(', ')}), ` : '';
        out += `#table(columns: ${columns}, align: (${align},), ${header}${b.rows.map((r) => pad(r).join(', ')).join(', ')})\n\n`;
        break;
      }
    }
  }
  return out;
}

/** A code block keeps its line breaks: a string literal with `\n` escapes. */
function codeLiteral(code: string): string {
  return `"${code.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r/g, '').replace(/\n/g, '\\n').replace(/\t/g, '    ')}"`;
}

const COVER_NAME = 'cover';

/** The document's source and the files it reads (images, by their path in the Typst workspace). */
export function typstDocument(m: Manuscript, layout: PdfLayout): { source: string; files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>();
  for (const r of imageResources(m)) files.set(IMAGE_DIR + r.name, r.bytes);
  const t = m.texts;
  const b = layout.bleedMm;
  const parts: string[] = [];
  parts.push(`#set document(title: ${typstString(m.title)}, author: (${m.authors.map(typstString).join(', ')}${m.authors.length === 1 ? ',' : ''}), keywords: ("CC BY-SA 4.0",), date: none)
#set text(lang: "${m.lang}", font: "Libertinus Serif", size: 10.5pt, hyphenate: true)
#set par(justify: true, first-line-indent: 1.2em, leading: 0.62em, spacing: 0.62em)
#show raw: set text(font: "DejaVu Sans Mono", size: 8.5pt)
#show link: underline
#let booktitle = ${typstString(m.title)}
// An image at its own size, never wider than the text.
#let fig(path, alt) = layout(size => {
  let img = image(path, alt: alt)
  if measure(img).width > size.width { image(path, alt: alt, width: 100%) } else { img }
})
#let heads = state("heads", false)
#set page(
  width: ${layout.widthMm + 2 * b}mm, height: ${layout.heightMm + 2 * b}mm,
  margin: (inside: ${20 + b}mm, outside: ${15 + b}mm, top: ${20 + b}mm, bottom: ${22 + b}mm),
  header: context {
    if not heads.get() { return }
    let here-page = here().page()
    let next = query(heading.where(level: 1).or(heading.where(level: 2)).after(here()))
    if next.len() > 0 and next.first().location().page() == here-page { return }
    let before = query(heading.where(level: 2).before(here()))
    set text(size: 8.5pt, style: "italic")
    if calc.even(here-page) { align(left, booktitle) } else if before.len() > 0 { align(right, before.last().body) }
  },
  footer: context { if heads.get() { align(center, text(size: 9pt, counter(page).display())) } },
)
#show heading.where(level: 1): it => {
  pagebreak(weak: true)
  v(30%)
  align(center, text(size: 20pt, weight: "bold", it.body))
  pagebreak(weak: true)
}
#show heading.where(level: 2): it => {
  pagebreak(weak: true)
  v(18mm)
  block(text(size: 17pt, weight: "bold", hyphenate: false, it.body))
  v(4mm)
}
#show heading.where(level: 3): set text(size: 12.5pt)
#show heading.where(level: 4): set text(size: 11pt)
#show heading.where(level: 5): set text(size: 10.5pt, style: "italic")
#show heading: set block(above: 1.4em, below: 0.8em)
#show heading: set par(justify: false)
`);
  if (layout.withCover) {
    if (m.cover) {
      const ext = m.cover.mime === 'image/png' ? 'png' : m.cover.mime === 'image/gif' ? 'gif' : m.cover.mime === 'image/webp' ? 'webp' : 'jpg';
      files.set(`${COVER_NAME}.${ext}`, m.cover.bytes);
      parts.push(`#page(margin: 0pt, header: none, footer: none, image(${typstString(`${COVER_NAME}.${ext}`)}, width: 100%, height: 100%, fit: "cover", alt: ${typstString(m.title)}))\n`);
    } else {
      parts.push(`#page(margin: 18mm, fill: rgb("#0b5c4a"), header: none, footer: none)[
#set text(fill: white)
#set par(first-line-indent: 0pt, justify: false)
#v(25%)
#align(center, text(size: 26pt, weight: "bold", ${typstString(m.title)}))
#v(6mm)
#align(center, text(size: 14pt, ${typstString(m.subtitle)}))
#align(center + bottom, text(size: 10pt, ${typstString(`${t.edition} · Open Experience · CC BY-SA 4.0`)}))
]\n`);
    }
  }
  // Title page, then the licence on its back.
  parts.push(`#page(header: none, footer: none)[
#set par(first-line-indent: 0pt, justify: false)
#v(20%)
#align(center, text(size: 22pt, weight: "bold", ${typstString(m.title)}))
#v(4mm)
#align(center, text(size: 13pt, ${typstString(m.subtitle)}))
#v(12mm)
#align(center, text(size: 11pt, ${typstString(m.authors.join(', '))}))
#align(center + bottom, text(size: 10pt, ${typstString(t.edition)}))
]
#page(header: none, footer: none)[
#set par(first-line-indent: 0pt)
#set text(size: 9pt)
#v(1fr)
#text(weight: "bold", ${typstString(t.licenceTitle)})

#${typstString(t.licence)}

#link("https://creativecommons.org/licenses/by-sa/4.0/")

#text(weight: "bold", ${typstString(t.attributionTitle)})

#${typstString(t.attribution)}
]
#heads.update(true)
#outline(title: ${typstString(t.contents)}, target: heading.where(level: 1).or(heading.where(level: 2)), depth: 2)
#pagebreak(weak: true)
#block(text(size: 17pt, weight: "bold", ${typstString(t.contributorsTitle)}))
#set par(first-line-indent: 0pt)
${m.contributors.length ? m.contributors.map((c) => `#strong(${typstString(c.name)}) — #${typstString(c.chapters.join(' ; '))}\n`).join('\n') : `#${typstString(t.noContributors)}\n`}
#set par(first-line-indent: 1.2em)
`);
  for (const item of m.items) {
    if (item.kind === 'part') {
      parts.push(`#heading(level: 1, ${typstString(item.title)})\n`);
      continue;
    }
    const authors = item.authors.length ? `#block(below: 6mm, emph(${typstString(item.authors.join(', '))}))\n` : '';
    parts.push(`#heading(level: 2, ${typstString(item.title)})\n${authors}\n${blocksTypst(item.blocks, m)}`);
  }
  parts.push(`#pagebreak(weak: true)
#block(text(size: 17pt, weight: "bold", ${typstString(t.aboutTitle)}))
${blocksTypst(m.about, m)}
#pagebreak(weak: true)
#set par(first-line-indent: 0pt)
#block(text(size: 17pt, weight: "bold", ${typstString(t.colophonTitle)}))
#${typstString(t.colophon)}

#${typstString(t.contentHashLabel)} #raw(${typstString(m.contentHash)})
`);
  return { source: parts.join('\n'), files };
}
