import type { Role } from '../db/schema.ts';

/** The person behind a request, as every policy sees them. */
export interface Actor {
  id: number;
  role: Role;
  displayName: string;
  contributorId: number | null;
}
