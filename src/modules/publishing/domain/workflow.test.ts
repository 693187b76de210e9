import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidTransitionError } from '../../../shared/errors.ts';
import {
  TRANSITIONS,
  WORKFLOW_ACTIONS,
  availableActions,
  canEditContent,
  isPubliclyVisible,
  nextStatus,
  publicationState,
  type PieceStatus,
  type WorkflowAction,
  type WorkflowRole,
} from './workflow.ts';

const STATUSES: readonly PieceStatus[] = ['draft', 'submitted', 'in_review', 'published', 'rejected'];
const ACTIONS: readonly WorkflowAction[] = ['submit', 'start_review', 'publish', 'reject', 'withdraw'];

type RoleName = 'editor' | 'editorOwner' | 'owner' | 'neither';
const ROLES: Record<RoleName, WorkflowRole> = {
  editor: { isEditor: true, isOwner: false },
  editorOwner: { isEditor: true, isOwner: true },
  owner: { isEditor: false, isOwner: true },
  neither: { isEditor: false, isOwner: false },
};
const ROLE_NAMES = Object.keys(ROLES) as RoleName[];

/** Expected outcome: the resulting status, or null when the move must be refused. */
type Expected = Record<PieceStatus, Record<WorkflowAction, PieceStatus | null>>;

/** What an editor (with or without ownership) may do. */
const EDITOR_TABLE: Expected = {
  draft: { submit: 'submitted', start_review: null, publish: null, reject: null, withdraw: null },
  submitted: { submit: null, start_review: 'in_review', publish: 'published', reject: 'rejected', withdraw: null },
  in_review: { submit: null, start_review: null, publish: 'published', reject: 'rejected', withdraw: null },
  published: { submit: null, start_review: null, publish: null, reject: null, withdraw: 'draft' },
  rejected: { submit: 'submitted', start_review: null, publish: null, reject: null, withdraw: null },
};

/** What an owner who is not an editor may do: only submit their own draft or rejected piece. */
const OWNER_TABLE: Expected = {
  draft: { submit: 'submitted', start_review: null, publish: null, reject: null, withdraw: null },
  submitted: { submit: null, start_review: null, publish: null, reject: null, withdraw: null },
  in_review: { submit: null, start_review: null, publish: null, reject: null, withdraw: null },
  published: { submit: null, start_review: null, publish: null, reject: null, withdraw: null },
  rejected: { submit: 'submitted', start_review: null, publish: null, reject: null, withdraw: null },
};

/** Someone who is neither editor nor owner may do nothing. */
const NEITHER_TABLE: Expected = {
  draft: { submit: null, start_review: null, publish: null, reject: null, withdraw: null },
  submitted: { submit: null, start_review: null, publish: null, reject: null, withdraw: null },
  in_review: { submit: null, start_review: null, publish: null, reject: null, withdraw: null },
  published: { submit: null, start_review: null, publish: null, reject: null, withdraw: null },
  rejected: { submit: null, start_review: null, publish: null, reject: null, withdraw: null },
};

const TABLES: Record<RoleName, Expected> = {
  editor: EDITOR_TABLE,
  editorOwner: EDITOR_TABLE,
  owner: OWNER_TABLE,
  neither: NEITHER_TABLE,
};

const cases = ROLE_NAMES.flatMap((roleName) =>
  STATUSES.flatMap((status) =>
    ACTIONS.map((action) => ({ roleName, status, action, expected: TABLES[roleName][status][action] })),
  ),
);

describe('workflow constants', () => {
  it('lists the actions in workflow order', () => {
    expect(WORKFLOW_ACTIONS).toEqual(['submit', 'start_review', 'publish', 'reject', 'withdraw']);
  });

  it('has one transition per action', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ACTIONS].sort());
  });

  it('covers all 100 (role × status × action) combinations', () => {
    expect(cases).toHaveLength(4 * 5 * 5);
  });
});

describe('nextStatus', () => {
  it.each(cases.filter((c) => c.expected !== null))(
    '$roleName: $status --$action--> $expected',
    ({ roleName, status, action, expected }) => {
      expect(nextStatus(status, action, ROLES[roleName])).toBe(expected);
    },
  );

  it.each(cases.filter((c) => c.expected === null))(
    '$roleName: $status --$action--> refused',
    ({ roleName, status, action }) => {
      let caught: unknown;
      try {
        nextStatus(status, action, ROLES[roleName]);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(InvalidTransitionError);
      const error = caught as InvalidTransitionError;
      expect(error.code).toBe('invalid_transition');
      expect(error.status).toBe(409);
      expect(error.messageKey).toBe('errors.invalidTransition');
      expect(error.message).toBe(`${status} -> ${action}`);
    },
  );

  it('the number of allowed moves per role matches the tables', () => {
    const allowedCount = (r: RoleName) => cases.filter((c) => c.roleName === r && c.expected !== null).length;
    expect(allowedCount('editor')).toBe(8);
    expect(allowedCount('editorOwner')).toBe(8);
    expect(allowedCount('owner')).toBe(2);
    expect(allowedCount('neither')).toBe(0);
  });

  it('property: nextStatus succeeds exactly when the action is in availableActions', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUSES),
        fc.constantFrom(...ACTIONS),
        fc.boolean(),
        fc.boolean(),
        (status, action, isEditor, isOwner) => {
          const role = { isEditor, isOwner };
          const offered = availableActions(status, role).includes(action);
          let result: PieceStatus | null = null;
          try {
            result = nextStatus(status, action, role);
          } catch (err) {
            expect(err).toBeInstanceOf(InvalidTransitionError);
          }
          expect(result !== null).toBe(offered);
          if (result !== null) expect(result).toBe(TRANSITIONS[action].to);
        },
      ),
    );
  });
});

describe('availableActions', () => {
  const expectedActions: Record<RoleName, Record<PieceStatus, WorkflowAction[]>> = {
    editor: {
      draft: ['submit'],
      submitted: ['start_review', 'publish', 'reject'],
      in_review: ['publish', 'reject'],
      published: ['withdraw'],
      rejected: ['submit'],
    },
    editorOwner: {
      draft: ['submit'],
      submitted: ['start_review', 'publish', 'reject'],
      in_review: ['publish', 'reject'],
      published: ['withdraw'],
      rejected: ['submit'],
    },
    owner: {
      draft: ['submit'],
      submitted: [],
      in_review: [],
      published: [],
      rejected: ['submit'],
    },
    neither: {
      draft: [],
      submitted: [],
      in_review: [],
      published: [],
      rejected: [],
    },
  };

  const rows = ROLE_NAMES.flatMap((roleName) =>
    STATUSES.map((status) => ({ roleName, status, expected: expectedActions[roleName][status] })),
  );

  it.each(rows)('$roleName on $status → $expected', ({ roleName, status, expected }) => {
    expect(availableActions(status, ROLES[roleName])).toEqual(expected);
  });

  it('agrees with the nextStatus table for every combination', () => {
    for (const { roleName, status, action, expected } of cases) {
      expect(availableActions(status, ROLES[roleName]).includes(action)).toBe(expected !== null);
    }
  });
});

describe('canEditContent', () => {
  const expected: Record<RoleName, Record<PieceStatus, boolean>> = {
    editor: { draft: true, submitted: true, in_review: true, published: true, rejected: true },
    editorOwner: { draft: true, submitted: true, in_review: true, published: true, rejected: true },
    owner: { draft: true, submitted: false, in_review: false, published: false, rejected: true },
    neither: { draft: false, submitted: false, in_review: false, published: false, rejected: false },
  };
  const rows = ROLE_NAMES.flatMap((roleName) =>
    STATUSES.map((status) => ({ roleName, status, expected: expected[roleName][status] })),
  );

  it.each(rows)('$roleName on $status → $expected', ({ roleName, status, expected }) => {
    expect(canEditContent(status, ROLES[roleName])).toBe(expected);
  });
});

describe('isPubliclyVisible and publicationState', () => {
  const now = new Date('2026-05-10T12:00:00.000Z');
  const past = '2026-05-10T11:59:59.999Z';
  const exactlyNow = '2026-05-10T12:00:00.000Z';
  const future = '2026-05-10T12:00:00.001Z';
  const farPast = '2020-01-01T00:00:00.000Z';
  const farFuture = '2030-01-01T00:00:00.000Z';

  const rows: { status: PieceStatus; published_at: string | null; visible: boolean; state: string }[] = [
    { status: 'published', published_at: farPast, visible: true, state: 'published' },
    { status: 'published', published_at: past, visible: true, state: 'published' },
    { status: 'published', published_at: exactlyNow, visible: true, state: 'published' },
    { status: 'published', published_at: future, visible: false, state: 'scheduled' },
    { status: 'published', published_at: farFuture, visible: false, state: 'scheduled' },
    { status: 'published', published_at: null, visible: false, state: 'scheduled' },
    ...(['draft', 'submitted', 'in_review', 'rejected'] as const).flatMap((status) =>
      [farPast, exactlyNow, farFuture, null].map((published_at) => ({
        status,
        published_at,
        visible: false,
        state: status,
      })),
    ),
  ];

  it.each(rows)('$status at $published_at → visible=$visible, state=$state', ({ status, published_at, visible, state }) => {
    const piece = { status, published_at };
    expect(isPubliclyVisible(piece, now)).toBe(visible);
    expect(publicationState(piece, now)).toBe(state);
  });

  it('a scheduled piece becomes visible once its date comes', () => {
    const piece = { status: 'published' as const, published_at: '2026-06-01T08:00:00.000Z' };
    expect(publicationState(piece, new Date('2026-06-01T07:59:59.999Z'))).toBe('scheduled');
    expect(isPubliclyVisible(piece, new Date('2026-06-01T07:59:59.999Z'))).toBe(false);
    expect(publicationState(piece, new Date('2026-06-01T08:00:00.000Z'))).toBe('published');
    expect(isPubliclyVisible(piece, new Date('2026-06-01T08:00:00.000Z'))).toBe(true);
    expect(publicationState(piece, new Date('2026-06-01T08:00:00.001Z'))).toBe('published');
  });

  it('property: a published piece is visible iff published_at <= now', () => {
    const min = new Date('2000-01-01T00:00:00.000Z').getTime();
    const max = new Date('2099-12-31T23:59:59.999Z').getTime();
    fc.assert(
      fc.property(fc.integer({ min, max }), fc.integer({ min, max }), (publishedMs, nowMs) => {
        const piece = { status: 'published' as const, published_at: new Date(publishedMs).toISOString() };
        const at = new Date(nowMs);
        expect(isPubliclyVisible(piece, at)).toBe(publishedMs <= nowMs);
        expect(publicationState(piece, at)).toBe(publishedMs <= nowMs ? 'published' : 'scheduled');
      }),
    );
  });
});
