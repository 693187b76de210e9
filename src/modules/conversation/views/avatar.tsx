import { avatarFor } from '../domain/avatar.ts';

/** A person's initials on a colour drawn from their name, inline: nothing is fetched from elsewhere. */
export function Avatar({ name }: { name: string }) {
  const { initials, hue } = avatarFor(name);
  return (
    <svg class="avatar" width="40" height="40" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <circle cx="20" cy="20" r="20" fill={`hsl(${hue}, 45%, 30%)`} />
      <text x="20" y="25" text-anchor="middle" font-size="15" font-family="system-ui, sans-serif" fill="#ffffff">
        {initials}
      </text>
    </svg>
  );
}

/** A name, linked to the person's website when they gave one (a link from the public: nofollow ugc). */
export function AuthorName({ name, website }: { name: string; website: string | null }) {
  return website ? (
    <a class="author-name" href={website} rel="nofollow ugc noopener">
      {name}
    </a>
  ) : (
    <span class="author-name">{name}</span>
  );
}
