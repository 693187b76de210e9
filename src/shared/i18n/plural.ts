/**
 * Real plural rules in the catalogues, in the ICU MessageFormat syntax translators know:
 * `{count, plural, =0 {aucune place} one {# place} other {# places}}`. The form is chosen by
 * `Intl.PluralRules` for the language (French says "1,5 place" and "0 place"; English "0 seats"),
 * never by writing "place(s)". Only `plural` is supported; `#` is the number in the language's format.
 */
import type { Lang } from './lang.ts';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
const rules = new Map<Lang, Intl.PluralRules>();
const numbers = new Map<Lang, Intl.NumberFormat>();

/** The plural category of `count` in `lang` ('one', 'many', 'other'…). */
export function pluralCategory(lang: Lang, count: number): Intl.LDMLPluralRule {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(LOCALES[lang])));
  return r.select(count);
}

function formatNumber(lang: Lang, n: number): string {
  let f = numbers.get(lang);
  if (!f) numbers.set(lang, (f = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 })));
  return f.format(n);
}

const PLURAL_START = /\{(\w+),\s*plural,/g;

/** Reads `selector {text} selector {text} … }` from `start`; returns the options and where the block ends. */
function readOptions(template: string, start: number): { options: Map<string, string>; end: number } | null {
  const options = new Map<string, string>();
  let i = start;
  for (;;) {
    while (i < template.length && /\s/.test(template[i]!)) i += 1;
    if (template[i] === '}') return { options, end: i + 1 };
    const selector = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(template.slice(i));
    if (!selector) return null;
    i += selector[0].length;
    let depth = 1;
    const textStart = i;
    while (i < template.length && depth > 0) {
      if (template[i] === '{') depth += 1;
      else if (template[i] === '}') depth -= 1;
      i += 1;
    }
    if (depth !== 0) return null;
    options.set(selector[1]!, template.slice(textStart, i - 1));
  }
}

/**
 * Resolves the plural blocks of a catalogue template with `params` (a block whose number is
 * missing, or that cannot be read, is left as written so the mistake shows).
 */
export function resolvePlurals(template: string, params: Record<string, string | number>, lang: Lang): string {
  if (!template.includes(', plural,') && !template.includes(',plural,')) return template;
  let out = '';
  let last = 0;
  PLURAL_START.lastIndex = 0;
  for (let m = PLURAL_START.exec(template); m; m = PLURAL_START.exec(template)) {
    const name = m[1]!;
    const parsed = readOptions(template, PLURAL_START.lastIndex);
    const raw = params[name];
    const count = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
    if (!parsed || Number.isNaN(count)) continue;
    const text = parsed.options.get(`=${count}`) ?? parsed.options.get(pluralCategory(lang, count)) ?? parsed.options.get('other');
    if (text === undefined) continue;
    out += template.slice(last, m.index) + text.replace(/#/g, formatNumber(lang, count));
    last = parsed.end;
    PLURAL_START.lastIndex = parsed.end;
  }
  return out + template.slice(last);
}

/**
 * A template with each plural block written out as `{name}` followed by its options' texts, or null
 * when a block cannot be read: what the catalogue tests check placeholders and braces on.
 */
export function flattenPlurals(template: string): string | null {
  let out = '';
  let last = 0;
  const start = new RegExp(PLURAL_START.source, 'g');
  for (let m = start.exec(template); m; m = start.exec(template)) {
    const parsed = readOptions(template, start.lastIndex);
    if (!parsed) return null;
    out += `${template.slice(last, m.index)}{${m[1]}} ${[...parsed.options.values()].join(' ')}`;
    last = parsed.end;
    start.lastIndex = parsed.end;
  }
  return out + template.slice(last);
}
