/**
 * The moderation rules, as plain functions: what happens to a comment or a response when it
 * arrives, and the anti-spam checks that need no third-party service.
 */
import type { ContributionStatus, HeldReason } from './statuses.ts';

export interface ModerationSettings {
  /** More links than this in one text: held. */
  maxLinks: number;
  /** Words or phrases that hold a text (accent- and case-insensitive, matched inside words too). */
  blocklist: readonly string[];
}

export interface Arrival {
  kind: 'comment' | 'response';
  /** Everything the person typed that is shown: name, website, title, text. */
  text: string;
  /** Links in the rendered text. */
  links: number;
  /** An editor approved something of theirs before. */
  trusted: boolean;
}

export interface ModerationDecision {
  status: Extract<ContributionStatus, 'held' | 'published'>;
  reason: HeldReason | null;
}

/**
 * A blocklisted word or too many links hold anything; a response always waits for an editor
 * (approving it makes its author a contributor); a first-time commenter's comment is held, and
 * once one of theirs was approved the next ones publish at once.
 */
export function moderate(arrival: Arrival, settings: ModerationSettings): ModerationDecision {
  if (findBlockedWord(arrival.text, settings.blocklist) !== null) return { status: 'held', reason: 'blocklist' };
  if (arrival.links > settings.maxLinks) return { status: 'held', reason: 'links' };
  if (arrival.kind === 'response') return { status: 'held', reason: 'response' };
  if (!arrival.trusted) return { status: 'held', reason: 'first_time' };
  return { status: 'published', reason: null };
}

/** Lower case without accents, so "Casinò" and "CASINO" are one word. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The first blocklist entry found in the text, or null. */
export function findBlockedWord(text: string, blocklist: readonly string[]): string | null {
  const folded = foldText(text);
  for (const entry of blocklist) {
    const word = foldText(entry.trim());
    if (word.length >= 2 && folded.includes(word)) return entry;
  }
  return null;
}

/** The editors' blocklist as typed (one entry a line): trimmed, without blanks or repeats, at most 500. */
export function parseBlocklist(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const entry = line.trim();
    if (entry.length < 2 || entry.length > 100 || seen.has(foldText(entry))) continue;
    seen.add(foldText(entry));
    out.push(entry);
    if (out.length === 500) break;
  }
  return out;
}

/** How many links a rendered text holds. */
export function countLinks(html: string): number {
  return html.match(/<a\s/gi)?.length ?? 0;
}

/** Seconds a person needs at least to write something; a form sent sooner was sent by a robot. */
export const MIN_FILL_SECONDS = 3;
/** A form older than this is stale (shown again, with a fresh start time). */
export const MAX_FORM_AGE_SECONDS = 24 * 3600;

/** Whether a form shown at `shownAt` and sent at `sentAt` (ms) was filled by a person in a plausible time. */
export function fillTimeOk(shownAt: number, sentAt: number, minSeconds = MIN_FILL_SECONDS): boolean {
  const elapsed = (sentAt - shownAt) / 1000;
  return elapsed >= minSeconds && elapsed <= MAX_FORM_AGE_SECONDS;
}
