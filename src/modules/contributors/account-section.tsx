/** A contributor's profile on their own account page (app.ts adds it to the accounts' sections). */
import type { AccountSection } from '../../shared/account-extensions.ts';
import type { FormState } from '../../shared/views/form-fields.tsx';
import { linksToText, parseLinks } from './domain/links.ts';
import { getContributorForEditing, getPublicContributor, listContributionItems } from './queries.ts';
import type { SubjectRegistry } from './subjects.ts';
import { OwnProfileSection } from './views/own-profile-section.tsx';

/** The form's values as stored now. */
export function ownProfileValues(profile: { name: string; bio: string; links: string; public_name: number }): FormState['values'] {
  return { name: profile.name, bio: profile.bio, links: linksToText(parseLinks(profile.links)), public_name: profile.public_name ? 'on' : '' };
}

/** `form`: the profile form as posted, when it comes back with errors. */
export function ownProfileSection(subjects: SubjectRegistry, form?: FormState): AccountSection {
  return async ({ db, actor, now }) => {
    if (actor.contributorId === null) return null;
    const profile = await getContributorForEditing(db, actor.contributorId);
    if (!profile) return null;
    const [items, listed] = await Promise.all([listContributionItems(db, subjects, profile.id, now), getPublicContributor(db, profile.slug, now)]);
    const shown = form ?? { values: ownProfileValues(profile), errors: {} };
    return (ctx) => <OwnProfileSection ctx={ctx} slug={profile.slug} listed={listed !== undefined} items={items} form={shown} />;
  };
}
