import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { readForm, validateForm } from '../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../shared/http/page.ts';
import { listContributorOptions } from '../contributors/index.ts';
import { updateUserRole } from './commands/create-user.ts';
import { authorize } from './guard.ts';
import { listUsers } from './queries.ts';
import { roleSchema } from './schemas.ts';
import { UsersPage } from './views/users-page.tsx';

export function userAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;

  app.get('/editor/users', async (req, reply) => {
    authorize(req, 'manage:users');
    const [users, contributors] = await Promise.all([listUsers(db), listContributorOptions(db)]);
    return sendPage(reply, <UsersPage ctx={viewContext(req, reply)} users={users} contributors={contributors} />);
  });

  app.post('/editor/users/:id', async (req, reply) => {
    const actor = authorize(req, 'manage:users');
    const userId = Number((req.params as { id: string }).id);
    if (!Number.isSafeInteger(userId) || userId <= 0) throw new NotFoundError();
    const result = validateForm(roleSchema, readForm(req).fields);
    if (!result.ok) return redirectWithFlash(req, reply, '/editor/users', 'errors.validation', 'error');
    // An admin cannot demote themselves: there must always be someone able to undo a mistake.
    if (userId === actor.id && result.data.role !== 'admin') return redirectWithFlash(req, reply, '/editor/users', 'users.cannotDemoteSelf', 'error');
    await updateUserRole({ db, now: deps.now(), actorId: actor.id }, { userId, ...result.data });
    return redirectWithFlash(req, reply, '/editor/users', 'users.saved');
  });
}
