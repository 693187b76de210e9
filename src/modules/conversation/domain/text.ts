/**
 * Text from the public as both databases can store it: PostgreSQL refuses NUL characters and
 * unpaired UTF-16 surrogates (invalid UTF-8) — a hostile form would otherwise be a 500 there.
 * NULs are dropped, a lone surrogate becomes U+FFFD.
 */
export function storableText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u0000/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
