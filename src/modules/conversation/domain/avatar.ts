/**
 * Avatars drawn from a name alone: its initials on a colour taken from the name. Nothing is fetched
 * from elsewhere (no Gravatar), and the private email plays no part.
 */

export interface AvatarSpec {
  /** One or two capital letters ("LM"), or "?" when the name has no letter. */
  initials: string;
  /** A hue for the background, 0–359. */
  hue: number;
}

export function avatarFor(name: string): AvatarSpec {
  const words = name.normalize('NFC').split(/[\s\-_.,'’]+/u).filter((w) => /\p{L}|\p{N}/u.test(w));
  const first = (w: string | undefined) => (w ? ([...w].find((ch) => /\p{L}|\p{N}/u.test(ch)) ?? '') : '');
  const letters = words.length >= 2 ? first(words[0]) + first(words[words.length - 1]) : first(words[0]);
  let hash = 2166136261;
  for (const ch of name.trim().toLowerCase()) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return { initials: letters.toUpperCase() || '?', hue: hash % 360 };
}
