import type { ViewContext } from '../../../shared/views/context.ts';
import { Layout } from '../../../shared/views/layout.tsx';
import { mediaUrl } from '../../media/index.ts';
import type { ContributorLink } from '../domain/links.ts';
import type { ContributionItem } from '../subjects.ts';
import { ContributionList } from './contribution-list.tsx';

interface ContributorSummary {
  slug: string;
  name: string;
  bio: string;
  photo_key: string | null;
  contribution_count: number;
}

export function ContributorsPage({ ctx, contributors }: { ctx: ViewContext; contributors: ContributorSummary[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('contributors.title'), description: t('contributors.intro'), canonicalPath: '/contributors' }}>
      <h1>{t('contributors.title')}</h1>
      <p class="lede">{t('contributors.intro')}</p>
      {contributors.length === 0 ? (
        <p class="empty">{t('contributors.none')}</p>
      ) : (
        <ul class="people">
          {contributors.map((c) => (
            <li class="person">
              {c.photo_key ? <img src={mediaUrl(c.photo_key)} alt="" class="avatar" loading="lazy" /> : <span class="avatar avatar-empty" aria-hidden="true">{c.name.slice(0, 1)}</span>}
              <div>
                <h2 class="person-name">
                  <a href={`/contributors/${c.slug}`}>{c.name}</a>
                </h2>
                <p class="person-count">{t('contributors.count', { n: Number(c.contribution_count) })}</p>
                {c.bio ? <p class="person-bio">{c.bio.length > 160 ? `${c.bio.slice(0, 159)}…` : c.bio}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function ContributorPage({
  ctx,
  contributor,
  links,
  items,
}: {
  ctx: ViewContext;
  contributor: { slug: string; name: string; bio: string; photo_key: string | null };
  links: ContributorLink[];
  items: ContributionItem[];
}) {
  const { t } = ctx;
  const url = `${ctx.baseUrl}/contributors/${contributor.slug}`;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: contributor.name,
    url,
    description: contributor.bio || undefined,
    sameAs: links.map((l) => l.url),
  };
  return (
    <Layout ctx={ctx} meta={{ title: contributor.name, description: contributor.bio || t('contributors.intro'), canonicalPath: `/contributors/${contributor.slug}`, ogType: 'profile', jsonLd }}>
      <article class="profile">
        <header class="profile-header">
          {contributor.photo_key ? <img src={mediaUrl(contributor.photo_key)} alt={contributor.name} class="avatar avatar-large" /> : null}
          <div>
            <h1>{contributor.name}</h1>
            {contributor.bio ? <p class="lede">{contributor.bio}</p> : null}
            {links.length ? (
              <ul class="links">
                {links.map((l) => (
                  <li>
                    <a href={l.url} rel="me nofollow noopener">
                      {l.label}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </header>
        <section aria-labelledby="contributions-heading">
          <h2 id="contributions-heading">{t('contributors.contributions')}</h2>
          <ContributionList ctx={ctx} items={items} />
        </section>
      </article>
    </Layout>
  );
}
