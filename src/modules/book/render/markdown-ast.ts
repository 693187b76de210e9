/**
 * A chapter's Markdown, read once into a small tree that every output renders (XHTML for the EPUB
 * and the web edition, Typst for the PDF). markdown-it parses with raw HTML off; only the node
 * kinds below exist, so whatever else hostile Markdown holds cannot reach an output: every text is
 * escaped by its renderer, links keep http(s) and mailto only, and images resolve to the book's
 * own resources or become a warning. French spacing is applied here, to text runs only.
 */
import MarkdownIt, { type Token } from 'markdown-it';
import { frenchSpacing, lastCharOf } from '../domain/french-typography.ts';

export type Inline =
  | { t: 'text'; v: string }
  | { t: 'em' | 'strong' | 'del' | 'sup' | 'sub'; c: Inline[] }
  | { t: 'code'; v: string }
  | { t: 'link'; href: string; c: Inline[] }
  | { t: 'img'; src: string; alt: string }
  | { t: 'br' };

export type Align = 'left' | 'center' | 'right' | null;

export type Block =
  | { t: 'p'; c: Inline[] }
  /** Level within the chapter: 1 is a section of the chapter (h2 under the chapter's h1). */
  | { t: 'h'; level: 1 | 2 | 3; c: Inline[] }
  | { t: 'quote'; c: Block[] }
  | { t: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { t: 'code'; v: string }
  | { t: 'hr' }
  | { t: 'table'; align: Align[]; head: Inline[][]; rows: Inline[][][] };

/** What reading a chapter noticed: characters an XML file cannot hold, links that were dropped. */
export interface ParseNotes {
  removedCharacters: number;
  droppedLinks: string[];
  /** Quotes and lists nested deeper than MAX_NESTING, brought up to it. */
  flattened?: number;
}

/** Quotes and lists nest this deep at most (deeper ones are read at this depth): no typesetter chokes on them. */
export const MAX_NESTING = 8;

function limitNesting(blocks: Block[], depth: number, notes: ParseNotes): Block[] {
  return blocks.flatMap((b): Block[] => {
    if (b.t === 'quote') {
      if (depth >= MAX_NESTING) {
        notes.flattened = (notes.flattened ?? 0) + 1;
        return limitNesting(b.c, depth, notes);
      }
      return [{ ...b, c: limitNesting(b.c, depth + 1, notes) }];
    }
    if (b.t === 'list') {
      if (depth >= MAX_NESTING) {
        notes.flattened = (notes.flattened ?? 0) + 1;
        return b.items.flatMap((item) => limitNesting(item, depth, notes));
      }
      return [{ ...b, items: b.items.map((item) => limitNesting(item, depth + 1, notes)) }];
    }
    return [b];
  });
}

const QUOTES = { fr: ['«', '»', '“', '”'], en: ['“', '”', '‘', '’'] } as const;
const parsers = {
  fr: new MarkdownIt({ html: false, linkify: true, typographer: true, quotes: [...QUOTES.fr] }),
  en: new MarkdownIt({ html: false, linkify: true, typographer: true, quotes: [...QUOTES.en] }),
};

// Characters XML 1.0 cannot carry (C0 controls but tab and newlines, U+FFFE/FFFF, lone surrogates).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes what no XML file may hold; counts it for the build report. */
export function cleanText(text: string, notes?: ParseNotes): string {
  return text.replace(INVALID_XML, () => {
    if (notes) notes.removedCharacters += 1;
    return '';
  });
}

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/** Reads a chapter's Markdown into blocks. `lang` decides the quotes and French spacing. */
export function parseMarkdown(source: string, lang: 'fr' | 'en', notes: ParseNotes): Block[] {
  const tokens = parsers[lang].parse(cleanText(source, notes), {});
  const reader = new BlockReader(tokens, lang, notes);
  return limitNesting(reader.blocks(null), 0, notes);
}

/** Reads inline Markdown (a title, a name): its plain text, spaced the French way. */
export function inlineText(source: string, lang: 'fr' | 'en'): string {
  const text = cleanText(source).replace(/\s+/g, ' ').trim();
  return lang === 'fr' ? frenchSpacing(text) : text;
}

class BlockReader {
  private i = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly lang: 'fr' | 'en',
    private readonly notes: ParseNotes,
  ) {}

  /** Blocks until the closing token of type `until` (consumed), or the end. */
  blocks(until: string | null): Block[] {
    const out: Block[] = [];
    while (this.i < this.tokens.length) {
      const tok = this.tokens[this.i]!;
      if (until !== null && tok.type === until) {
        this.i++;
        return out;
      }
      const block = this.block(tok);
      if (block) out.push(block);
    }
    return out;
  }

  private inlineOf(tok: Token | undefined): Inline[] {
    return tok && tok.type === 'inline' ? inlines(tok.children ?? [], this.lang, this.notes) : [];
  }

  private block(tok: Token): Block | null {
    switch (tok.type) {
      case 'paragraph_open': {
        const c = this.inlineOf(this.tokens[this.i + 1]);
        this.i += 3;
        return c.length ? { t: 'p', c } : null;
      }
      case 'heading_open': {
        const c = this.inlineOf(this.tokens[this.i + 1]);
        this.i += 3;
        const depth = Number(tok.tag.slice(1));
        return { t: 'h', level: depth <= 2 ? 1 : depth === 3 ? 2 : 3, c };
      }
      case 'blockquote_open':
        this.i++;
        return { t: 'quote', c: this.blocks('blockquote_close') };
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = tok.type === 'ordered_list_open';
        const start = Number(tok.attrGet('start') ?? 1);
        const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
        this.i++;
        const items: Block[][] = [];
        while (this.i < this.tokens.length && this.tokens[this.i]!.type !== close) {
          if (this.tokens[this.i]!.type === 'list_item_open') {
            this.i++;
            items.push(this.blocks('list_item_close'));
          } else this.i++;
        }
        this.i++;
        return { t: 'list', ordered, start: Number.isSafeInteger(start) && start >= 0 ? start : 1, items };
      }
      case 'fence':
      case 'code_block':
        this.i++;
        return { t: 'code', v: tok.content.replace(/\n$/, '') };
      case 'hr':
        this.i++;
        return { t: 'hr' };
      case 'table_open':
        return this.table();
      default:
        // Anything else (tight-list paragraphs are handled by markdown-it's hidden flag) is skipped.
        this.i++;
        return null;
    }
  }

  private table(): Block {
    const align: Align[] = [];
    const head: Inline[][] = [];
    const rows: Inline[][][] = [];
    let row: Inline[][] | null = null;
    let inHead = false;
    this.i++;
    while (this.i < this.tokens.length) {
      const tok = this.tokens[this.i]!;
      this.i++;
      if (tok.type === 'table_close') break;
      if (tok.type === 'thead_open') inHead = true;
      else if (tok.type === 'thead_close') inHead = false;
      else if (tok.type === 'tr_open') row = [];
      else if (tok.type === 'tr_close' && row) {
        if (inHead) head.push(...row);
        else rows.push(row);
        row = null;
      } else if ((tok.type === 'th_open' || tok.type === 'td_open') && row) {
        if (inHead) {
          const style = String(tok.attrGet('style') ?? '');
          const m = /text-align:(left|center|right)/.exec(style);
          align.push(m ? (m[1] as Align) : null);
        }
        row.push(this.inlineOf(this.tokens[this.i]));
        this.i += 2;
      }
    }
    return { t: 'table', align, head, rows };
  }
}

/** Inline tokens into inline nodes; French spacing carries the previous character across runs. */
function inlines(tokens: Token[], lang: 'fr' | 'en', notes: ParseNotes): Inline[] {
  let before = '';
  const space = (v: string) => {
    const spaced = lang === 'fr' ? frenchSpacing(v, before) : v;
    before = lastCharOf(v, before);
    return spaced;
  };
  const stack: { node: Inline[]; close: string; make: (c: Inline[]) => Inline | null }[] = [];
  let current: Inline[] = [];
  const open = (close: string, make: (c: Inline[]) => Inline | null) => {
    stack.push({ node: current, close, make });
    current = [];
  };
  for (const tok of tokens) {
    switch (tok.type) {
      case 'text':
        if (tok.content) current.push({ t: 'text', v: space(tok.content) });
        break;
      case 'softbreak':
        current.push({ t: 'text', v: ' ' });
        before = ' ';
        break;
      case 'hardbreak':
        current.push({ t: 'br' });
        before = ' ';
        break;
      case 'code_inline':
        current.push({ t: 'code', v: tok.content });
        before = lastCharOf(tok.content, before);
        break;
      case 'image':
        current.push({ t: 'img', src: String(tok.attrGet('src') ?? ''), alt: (tok.children ?? []).map((c) => c.content).join('') || tok.content });
        break;
      case 'em_open':
        open('em_close', (c) => ({ t: 'em', c }));
        break;
      case 'strong_open':
        open('strong_close', (c) => ({ t: 'strong', c }));
        break;
      case 's_open':
        open('s_close', (c) => ({ t: 'del', c }));
        break;
      case 'link_open': {
        const href = String(tok.attrGet('href') ?? '');
        const safe = SAFE_LINK.test(href);
        if (!safe) notes.droppedLinks.push(href.slice(0, 200));
        // An unsafe link keeps its text, without the link.
        open('link_close', (c) => (safe ? { t: 'link', href, c } : null));
        break;
      }
      case 'em_close':
      case 'strong_close':
      case 's_close':
      case 'link_close': {
        const frame = stack.pop();
        if (!frame) break;
        const children = current;
        current = frame.node;
        const made = frame.make(children);
        if (made) current.push(made);
        else current.push(...children);
        break;
      }
      default:
        // html_inline cannot occur (html: false); anything unknown keeps its text, escaped.
        if (tok.content) current.push({ t: 'text', v: space(tok.content) });
    }
  }
  // Unclosed frames (malformed token streams) fold their children back in.
  while (stack.length) {
    const frame = stack.pop()!;
    const children = current;
    current = frame.node;
    current.push(...children);
  }
  return current;
}

/** Every image source of a chapter, in order, for the build to resolve. */
export function imageSources(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  const walkInline = (nodes: readonly Inline[]) => {
    for (const n of nodes) {
      if (n.t === 'img') out.push(n.src);
      else if ('c' in n) walkInline(n.c);
    }
  };
  const walk = (list: readonly Block[]) => {
    for (const b of list) {
      if (b.t === 'p' || b.t === 'h') walkInline(b.c);
      else if (b.t === 'quote') walk(b.c);
      else if (b.t === 'list') b.items.forEach(walk);
      else if (b.t === 'table') [...b.head, ...b.rows.flat()].forEach(walkInline);
    }
  };
  walk(blocks);
  return out;
}

/** Words in a chapter (for the build report and the benchmark). */
export function countWords(blocks: readonly Block[]): number {
  let n = 0;
  const text = (nodes: readonly Inline[]) => {
    for (const x of nodes) {
      if (x.t === 'text') n += x.v.split(/\s+/).filter(Boolean).length;
      else if ('c' in x) text(x.c);
    }
  };
  const walk = (list: readonly Block[]) => {
    for (const b of list) {
      if (b.t === 'p' || b.t === 'h') text(b.c);
      else if (b.t === 'quote') walk(b.c);
      else if (b.t === 'list') b.items.forEach(walk);
    }
  };
  walk(blocks);
  return n;
}
