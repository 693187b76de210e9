/**
 * The Markdown readers may write in comments and responses: a safe subset (emphasis, code,
 * quotes, lists, links), no headings, images, tables or raw HTML. markdown-it renders it with HTML
 * switched off; sanitize-html then keeps an allow-list, as a second and independent layer, and
 * marks every link `rel="nofollow ugc"` (links from the public vouch for nothing).
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false }).disable(['heading', 'lheading', 'table', 'image', 'hr', 'reference', 'html_block', 'html_inline']);

const allowList: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'em', 'strong', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { href: attribs.href ?? '', rel: 'nofollow ugc noopener' } }),
  },
};

/** A reader's Markdown as HTML safe to show as it is. */
export function renderCommentMarkdown(source: string): string {
  return sanitizeHtml(md.render(source), allowList);
}
