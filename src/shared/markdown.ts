/**
 * Markdown to safe HTML. markdown-it runs with raw HTML disabled and its own link validation
 * (no javascript:, vbscript:, data: except images); sanitize-html then enforces an allow-list as a
 * second, independent layer, so a bug in one does not open the door.
 *
 * What comes out obeys the site's CSP by construction: no `style` attribute (a table column's
 * alignment becomes a class), and no image from another site — readers' browsers never call a
 * third party; an image from elsewhere is shown as a link to it. Images are the site's own
 * stored files (/media/<key>).
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const md = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks: false });

const ALIGN_CLASSES = ['align-left', 'align-right', 'align-center'];

/** One of the site's own stored images (a path, never another host). */
export function isOwnImage(src: string): boolean {
  return /^\/media\/[A-Za-z0-9_-]{22}$/.test(src);
}

/** The images a Markdown text shows that are not the site's own (to refuse them on a form). */
export function foreignImages(source: string): string[] {
  const found: string[] = [];
  const walk = (tokens: ReturnType<typeof md.parse>) => {
    for (const token of tokens) {
      if (token.type === 'image') {
        const src = String(token.attrGet('src') ?? '');
        if (!isOwnImage(src)) found.push(src);
      }
      if (token.children) walk(token.children);
    }
  };
  walk(md.parse(source, {}));
  return found;
}

/** markdown-it aligns table columns with `style="text-align:…"`; the CSP forbids inline styles: a class instead. */
function alignToClass(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const { style, ...rest } = attribs;
  const align = /text-align:\s*(left|right|center)/.exec(style ?? '')?.[1];
  return { tagName, attribs: align ? { ...rest, class: `align-${align}` } : rest };
}

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 's', 'del',
    'ul', 'ol', 'li', 'a', 'img', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
  },
  allowedClasses: { th: ALIGN_CLASSES, td: ALIGN_CLASSES },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  // A top-level heading belongs to the page; bodies start at h2.
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => {
      const external = /^https?:\/\//i.test(attribs.href ?? '');
      return { tagName, attribs: external ? { ...attribs, rel: 'nofollow noopener' } : attribs };
    },
    img: (tagName, attribs): sanitizeHtml.Tag => {
      const src = attribs.src ?? '';
      if (isOwnImage(src)) return { tagName, attribs };
      const alt = attribs.alt?.trim() ?? '';
      // Only a web address is worth a link; anything else (data:) keeps its description only.
      if (!/^https?:\/\//i.test(src)) return { tagName: 'span', attribs: {}, text: alt };
      return { tagName: 'a', attribs: { href: src, rel: 'nofollow noopener' }, text: alt ? `${alt} (${src})` : src };
    },
    th: alignToClass,
    td: alignToClass,
  },
};

/** Renders Markdown written by a person into HTML that is safe to put in a page as is. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(md.render(source), sanitizeOptions);
}

/** Plain text from Markdown (for descriptions and feeds). */
export function markdownToText(source: string, maxLength = 300): string {
  const text = sanitizeHtml(md.render(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}
