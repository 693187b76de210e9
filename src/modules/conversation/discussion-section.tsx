/**
 * The conversation's section of a piece's page (wired by app.ts into publishing's extension
 * point): responses, mentions and comments under the article, and the endpoints that receive
 * webmentions and pingbacks announced in the page's head.
 */
import type { PieceSection } from '../publishing/index.ts';
import { conversationPolicy } from './policy.ts';
import { getPieceDiscussion } from './queries.ts';
import { DiscussionSection } from './views/discussion.tsx';

export const discussionSection: PieceSection = async ({ db, piece, actor }) => {
  const discussion = await getPieceDiscussion(db, piece.id, { withResponses: piece.kind === 'challenge' });
  const canModerate = conversationPolicy.can(actor, 'moderate');
  return {
    render: (ctx) => <DiscussionSection ctx={ctx} piece={piece} discussion={discussion} canModerate={canModerate} />,
    links: [
      { rel: 'webmention', href: '/webmention' },
      { rel: 'pingback', href: '/xmlrpc' },
    ],
  };
};
