/**
 * Blocks to XHTML (well-formed XML, so the same markup serves the EPUB and the web edition).
 * Every text and attribute is escaped here; nothing of the source reaches the output unescaped.
 */
import type { Block, Inline } from './markdown-ast.ts';
import type { BookResource } from './manuscript.ts';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

export interface XhtmlOptions {
  /** Image sources and the resources they became (null: not embeddable, shown as its text). */
  images: ReadonlyMap<string, BookResource | null>;
  /** Where the images are, relative to the page (`../images/`, `images/`). */
  imageBase: string;
  /** Heading level of the chapter's title: its sections start one below. */
  titleLevel: number;
  /** The text shown for an image that could not be embedded (`{alt}` is replaced). */
  imageNotEmbedded: string;
}

export function inlineXhtml(nodes: readonly Inline[], o: XhtmlOptions): string {
  let out = '';
  for (const n of nodes) {
    switch (n.t) {
      case 'text':
        out += escapeXml(n.v);
        break;
      case 'br':
        out += '<br/>';
        break;
      case 'code':
        out += `<code>${escapeXml(n.v)}</code>`;
        break;
      case 'em':
      case 'strong':
      case 'del':
      case 'sup':
      case 'sub':
        out += `<${n.t}>${inlineXhtml(n.c, o)}</${n.t}>`;
        break;
      case 'link':
        out += `<a href="${escapeXml(n.href)}">${inlineXhtml(n.c, o)}</a>`;
        break;
      case 'img': {
        const resource = o.images.get(n.src);
        out += resource
          ? `<img src="${escapeXml(o.imageBase + resource.name)}" alt="${escapeXml(n.alt)}"/>`
          : `<span class="image-missing">${escapeXml(o.imageNotEmbedded.replace('{alt}', n.alt))}</span>`;
        break;
      }
    }
  }
  return out;
}

export function blocksXhtml(blocks: readonly Block[], o: XhtmlOptions): string {
  let out = '';
  for (const b of blocks) {
    switch (b.t) {
      case 'p':
        out += `<p>${inlineXhtml(b.c, o)}</p>\n`;
        break;
      case 'h': {
        const level = Math.min(6, o.titleLevel + b.level);
        out += `<h${level}>${inlineXhtml(b.c, o)}</h${level}>\n`;
        break;
      }
      case 'quote':
        out += `<blockquote>\n${blocksXhtml(b.c, o)}</blockquote>\n`;
        break;
      case 'list': {
        const tag = b.ordered ? 'ol' : 'ul';
        const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
        out += `<${tag}${start}>\n${b.items.map((item) => `<li>${blocksXhtml(item, o)}</li>\n`).join('')}</${tag}>\n`;
        break;
      }
      case 'code':
        out += `<pre><code>${escapeXml(b.v)}</code></pre>\n`;
        break;
      case 'hr':
        out += '<hr/>\n';
        break;
      case 'table': {
        const cell = (tag: 'th' | 'td', c: readonly Inline[], i: number) => {
          const a = b.align[i];
          return `<${tag}${a ? ` class="align-${a}"` : ''}>${inlineXhtml(c, o)}</${tag}>`;
        };
        const head = b.head.length ? `<thead><tr>${b.head.map((c, i) => cell('th', c, i)).join('')}</tr></thead>` : '';
        const rows = b.rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('\n');
        out += `<table>${head}<tbody>\n${rows}\n</tbody></table>\n`;
        break;
      }
    }
  }
  return out;
}
