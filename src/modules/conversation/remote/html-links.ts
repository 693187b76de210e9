/** What a remote HTML page says that mentions care about: its links, its title, its webmention endpoint. */
import { Parser } from 'htmlparser2';

export interface PageLinks {
  /** Every URL the page links to or embeds (as written: relative ones are resolved by the caller). */
  links: string[];
  /** The href of the first <link> or <a> whose rel includes "webmention" ("" names the page itself), or null. */
  webmention: string | null;
  /** The <title> text. */
  title: string;
}

const LINKING: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  img: ['src'],
  audio: ['src'],
  video: ['src'],
  source: ['src'],
  blockquote: ['cite'],
  q: ['cite'],
};

export function readPageLinks(html: string): PageLinks {
  const links: string[] = [];
  let webmention: string | null = null;
  let title = '';
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        for (const attribute of LINKING[name] ?? []) {
          const value = attributes[attribute];
          if (value !== undefined && links.length < 10_000) links.push(value.trim());
        }
        if (webmention === null && (name === 'link' || name === 'a') && attributes.href !== undefined) {
          const rels = (attributes.rel ?? '').toLowerCase().split(/\s+/);
          if (rels.includes('webmention')) webmention = attributes.href.trim();
        }
        if (name === 'title' && !title) inTitle = true;
      },
      ontext(text) {
        if (inTitle) title += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { links, webmention, title: title.replace(/\s+/g, ' ').trim() };
}
