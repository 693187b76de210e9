/** The roles an account can hold, from the most to the least trusted. */
export type Role = 'admin' | 'editor' | 'contributor' | 'member';

/** The person behind a request, as every policy sees them. */
export interface Actor {
  id: number;
  role: Role;
  displayName: string;
  contributorId: number | null;
}
