import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The secret of the link that confirms a proposer's address, derived from the app secret and the
 * address itself: nothing stored, and a link for one proposal (or one address) confirms nothing else.
 */
export function proposalConfirmToken(appSecret: string, proposal: { id: number; email: string }): string {
  return createHmac('sha256', appSecret).update(`proposal-confirm:${proposal.id}:${proposal.email}`).digest('base64url');
}

export function isProposalConfirmToken(appSecret: string, proposal: { id: number; email: string }, token: unknown): boolean {
  if (typeof token !== 'string' || token.length > 100) return false;
  const expected = Buffer.from(proposalConfirmToken(appSecret, proposal));
  const actual = Buffer.from(token);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
