/** A contributor's profile as editors (and the commands that bring people in) write it, and how it is stored. */
import type { ContributorLink } from './domain/links.ts';

export interface ContributorInput {
  name: string;
  /** The page's address; empty or absent: made from the name (on creation) or kept (on update). */
  slug?: string;
  bio: string;
  links: ContributorLink[];
  /** Private: never shown publicly; links proposals and accounts to the profile. */
  email?: string | null;
  /** Whether the transparency pages may name them (default: yes). */
  publicName?: boolean;
  /** A new photo, as uploaded: checked and stored with the profile. */
  photo?: { data: Buffer } | undefined;
}

/** The stored columns of a profile other than its slug, photo and creation date. */
export function profileRow(input: ContributorInput) {
  return {
    name: input.name,
    bio: input.bio,
    links: JSON.stringify(input.links),
    email: input.email ?? null,
    public_name: input.publicName === false ? 0 : 1,
  };
}
