import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { sendPage, viewContext } from '../../shared/http/page.ts';
import { standingFrom } from './domain/eligibility.ts';
import { getPublicContributor, listContributionFacts, listPublicContributors, parseLinks } from './queries.ts';
import { contributionSubjects } from './subjects.ts';
import { ContributorPage, ContributorsPage, type ContributionItem } from './views/public-pages.tsx';

export function contributorRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;

  app.get('/contributors', async (req, reply) => {
    const contributors = await listPublicContributors(db, deps.now());
    return sendPage(reply, <ContributorsPage ctx={viewContext(req, reply)} contributors={contributors} />);
  });

  app.get('/contributors/:slug', async (req, reply) => {
    const contributor = await getPublicContributor(db, (req.params as { slug: string }).slug);
    if (!contributor) throw new NotFoundError();
    const now = deps.now();
    const standing = standingFrom(await listContributionFacts(db, contributor.id), now);
    const subjects = await contributionSubjects.resolve(db, standing.contributions, now);
    const items: ContributionItem[] = standing.contributions.flatMap((c) => {
      const subject = subjects.get(`${c.subjectType}:${c.subjectId}`);
      return subject ? [{ kind: c.kind, acceptedAt: c.acceptedAt, subject }] : [];
    });
    return sendPage(reply, <ContributorPage ctx={viewContext(req, reply)} contributor={contributor} links={parseLinks(contributor.links)} items={items} />);
  });
}
