import { isSaneDate } from '../../../shared/time.ts';

/** An event's state as people see it: "past" is not stored, it follows from the clock. */
/** draft: being prepared, invisible; published: on the site, open to registration in its window; cancelled. */
export type EventStatus = 'draft' | 'published' | 'cancelled';

export type EventState = EventStatus | 'past';

export function eventState(event: { status: EventStatus; ends_at: string }, now: Date): EventState {
  if (event.status === 'published' && event.ends_at < now.toISOString()) return 'past';
  return event.status;
}

type ScheduleProblem = 'events.endBeforeStart' | 'events.closesBeforeOpens' | 'errors.invalid' | 'errors.dateRange';

/** Every date within SANE_YEARS; start before end; capacity a whole number of seats. */
export function scheduleProblems(input: { startsAt: Date; endsAt: Date; capacity: number; opensAt: Date | null; closesAt: Date | null }): Record<string, ScheduleProblem> {
  const problems: Record<string, ScheduleProblem> = {};
  const dates = { starts_at: input.startsAt, ends_at: input.endsAt, registration_opens_at: input.opensAt, registration_closes_at: input.closesAt };
  for (const [field, at] of Object.entries(dates)) if (at !== null && !isSaneDate(at)) problems[field] = 'errors.dateRange';
  if (Object.keys(problems).length) return problems;
  if (input.endsAt <= input.startsAt) problems.ends_at = 'events.endBeforeStart';
  if (input.opensAt && input.closesAt && input.closesAt <= input.opensAt) problems.registration_closes_at = 'events.closesBeforeOpens';
  if (!Number.isSafeInteger(input.capacity) || input.capacity < 0 || input.capacity > 100_000) problems.capacity = 'errors.invalid';
  return problems;
}
