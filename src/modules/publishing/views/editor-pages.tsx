import { formatDateTime } from '../../../shared/i18n/index.ts';
import type { Page } from '../../../shared/pagination.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import { FormErrorSummary, PostForm, TextArea, type FormState } from '../../../shared/views/form-fields.tsx';
import { ListFilter, ListTabs, Pager } from '../../../shared/views/pager.tsx';
import type { ProposalStatus } from '../domain/proposals.ts';
import type { PublicationState } from '../domain/workflow.ts';
import type { EditorPieceRow } from '../queries.ts';
import { StatusBadge } from './piece-form.tsx';

export type PieceRowWithState = EditorPieceRow & { state: PublicationState };

export function PieceTable({ ctx, rows, caption }: { ctx: ViewContext; rows: PieceRowWithState[]; caption: string }) {
  const { t } = ctx;
  if (rows.length === 0) {
    return (
      <p class="empty">
        {caption} — {t('editor.nothing')}
      </p>
    );
  }
  return (
    <table class="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('piece.title')}</th>
          <th scope="col">{t('piece.kind')}</th>
          <th scope="col">{t('workflow.status')}</th>
          <th scope="col">{t('editor.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>
              <a href={`/studio/pieces/${r.id}`}>{r.title}</a>
              {r.proposal_id ? <span class="badge">{t('editor.fromProposal')}</span> : null}
            </td>
            <td>{t(`kind.${r.kind}`)}</td>
            <td>
              <StatusBadge ctx={ctx} state={r.state} />
            </td>
            <td>{formatDateTime(r.updated_at, ctx.lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DashboardPage(props: {
  ctx: ViewContext;
  queue: PieceRowWithState[];
  scheduled: PieceRowWithState[];
  newProposals: number;
  unreadMessages: number;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <EditorLayout ctx={ctx} title={t('editor.dashboard')}>
      <ul class="stat-list">
        <li>
          <a href="/editor/proposals">
            <strong>{props.newProposals}</strong> {t('editor.newProposals')}
          </a>
        </li>
        <li>
          <strong>{props.queue.length}</strong> {t('editor.inQueue')}
        </li>
        <li>
          <a href="/editor/inbox">
            <strong>{props.unreadMessages}</strong> {t('editor.unreadMessages')}
          </a>
        </li>
      </ul>
      <p>
        <a class="button" href="/studio/pieces/new">
          {t('piece.newTitle')}
        </a>
      </p>
      <PieceTable ctx={ctx} rows={props.queue} caption={t('editor.queue')} />
      <PieceTable ctx={ctx} rows={props.scheduled} caption={t('editor.scheduled')} />
    </EditorLayout>
  );
}

export function PieceListPage({ ctx, title, groups }: { ctx: ViewContext; title: string; groups: { caption: string; rows: PieceRowWithState[] }[] }) {
  return (
    <EditorLayout ctx={ctx} title={title}>
      <p>
        <a class="button" href="/studio/pieces/new">
          {ctx.t('piece.newTitle')}
        </a>
      </p>
      {groups.map((g) => (
        <PieceTable ctx={ctx} rows={g.rows} caption={g.caption} />
      ))}
    </EditorLayout>
  );
}

/** The desk's pieces: one state or all, filtered, a page at a time. */
export function DeskPiecesPage({ ctx, pieces, status, q, tabs }: { ctx: ViewContext; pieces: Page<PieceRowWithState>; status: string; q: string; tabs: readonly (readonly [string, string])[] }) {
  const path = '/editor/pieces';
  const caption = tabs.find(([value]) => value === status)?.[1] ?? ctx.t('editor.pieces');
  return (
    <EditorLayout ctx={ctx} title={ctx.t('editor.pieces')}>
      <p>
        <a class="button" href="/studio/pieces/new">
          {ctx.t('piece.newTitle')}
        </a>
      </p>
      <ListTabs ctx={ctx} path={path} name="status" current={status} tabs={tabs} params={{ q }} />
      <ListFilter ctx={ctx} path={path} q={q} label={ctx.t('piece.filter')} hidden={status ? { status } : {}} />
      <PieceTable ctx={ctx} rows={pieces.rows} caption={caption} />
      <Pager ctx={ctx} page={pieces} path={path} params={{ status, q }} />
    </EditorLayout>
  );
}

interface ProposalRow {
  id: number;
  name: string;
  title: string;
  pitch: string;
  language: string;
  status: ProposalStatus;
  piece_id: number | null;
  created_at: string;
}

/** The desk's proposals, one state at a time, a page at a time. */
export function ProposalsPage({ ctx, proposals, status, q, tabs }: { ctx: ViewContext; proposals: Page<ProposalRow>; status: ProposalStatus; q: string; tabs: readonly (readonly [string, string])[] }) {
  const { t } = ctx;
  const path = '/editor/proposals';
  return (
    <EditorLayout ctx={ctx} title={t('editor.proposals')}>
      <ListTabs ctx={ctx} path={path} name="status" current={status} tabs={tabs} params={{ q }} />
      <ListFilter ctx={ctx} path={path} q={q} label={t('proposal.filter')} hidden={{ status }} />
      {proposals.rows.length === 0 ? (
        <p class="empty">{t('list.empty')}</p>
      ) : (
        <table class="data-table">
          <caption>{t(`proposal.status.${status}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('proposal.title')}</th>
              <th scope="col">{t('proposal.name')}</th>
              <th scope="col">{t('editor.received')}</th>
            </tr>
          </thead>
          <tbody>
            {proposals.rows.map((p) => (
              <tr>
                <td>
                  <a href={`/editor/proposals/${p.id}`}>{p.title}</a>
                </td>
                <td>{p.name}</td>
                <td>{formatDateTime(p.created_at, ctx.lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager ctx={ctx} page={proposals} path={path} params={{ status, q }} />
    </EditorLayout>
  );
}

export function ProposalPage({
  ctx,
  proposal,
  declineForm,
}: {
  ctx: ViewContext;
  proposal: ProposalRow & { email: string; draft_md: string };
  declineForm: FormState;
}) {
  const { t } = ctx;
  return (
    <EditorLayout ctx={ctx} title={proposal.title}>
      <dl class="facts">
        <dt>{t('proposal.name')}</dt>
        <dd>{proposal.name}</dd>
        <dt>{t('proposal.emailPrivate')}</dt>
        <dd>
          <a href={`mailto:${proposal.email}`}>{proposal.email}</a>
        </dd>
        <dt>{t('piece.language')}</dt>
        <dd>{proposal.language}</dd>
        <dt>{t('editor.received')}</dt>
        <dd>{formatDateTime(proposal.created_at, ctx.lang)}</dd>
        <dt>{t('workflow.status')}</dt>
        <dd>{t(`proposal.status.${proposal.status}`)}</dd>
      </dl>
      <h2>{t('proposal.pitch')}</h2>
      <p class="pre-wrap">{proposal.pitch}</p>
      {proposal.draft_md ? (
        <>
          <h2>{t('proposal.draft')}</h2>
          <pre class="pre-wrap">{proposal.draft_md}</pre>
        </>
      ) : null}
      {proposal.status === 'new' ? (
        <div class="actions-row">
          <PostForm ctx={ctx} action={`/editor/proposals/${proposal.id}/accept`} label={t('proposal.accept')}>
            <p>{t('proposal.acceptHint')}</p>
            <button type="submit">{t('proposal.accept')}</button>
          </PostForm>
          <PostForm ctx={ctx} action={`/editor/proposals/${proposal.id}/decline`} label={t('proposal.decline')}>
            <FormErrorSummary ctx={ctx} form={declineForm} />
            <TextArea ctx={ctx} form={declineForm} name="message" label={t('proposal.declineMessage')} rows={3} />
            <button type="submit" class="button-secondary">
              {t('proposal.decline')}
            </button>
          </PostForm>
        </div>
      ) : proposal.piece_id ? (
        <p>
          <a href={`/studio/pieces/${proposal.piece_id}`}>{t('proposal.openPiece')}</a>
        </p>
      ) : null}
    </EditorLayout>
  );
}

export function RevisionsPage({
  ctx,
  pieceId,
  title,
  revisions,
  canRestore,
}: {
  ctx: ViewContext;
  pieceId: number;
  title: string;
  revisions: { number: number; note: string; created_at: string; author_name: string | null }[];
  canRestore: boolean;
}) {
  const { t } = ctx;
  return (
    <EditorLayout ctx={ctx} title={`${t('revisions.title')} — ${title}`}>
      <p>
        <a href={`/studio/pieces/${pieceId}`}>← {t('revisions.back')}</a>
      </p>
      <table class="data-table">
        <caption>{t('revisions.title')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('revisions.when')}</th>
            <th scope="col">{t('revisions.who')}</th>
            <th scope="col">{t('revisions.what')}</th>
            <th scope="col">{t('revisions.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r, i) => (
            <tr>
              <td>{r.number}</td>
              <td>{formatDateTime(r.created_at, ctx.lang)}</td>
              <td>{r.author_name ?? '—'}</td>
              <td>{r.note}</td>
              <td>
                <a href={`/studio/pieces/${pieceId}/revisions/${r.number}`}>{t('revisions.view')}</a>
                {canRestore && i > 0 ? (
                  <PostForm ctx={ctx} action={`/studio/pieces/${pieceId}/revisions/${r.number}/restore`} class="inline-form" label={t('revisions.restore')}>
                    <button type="submit" class="link-button">
                      {t('revisions.restore')}
                    </button>
                  </PostForm>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </EditorLayout>
  );
}

export function RevisionPage({ ctx, pieceId, number, snapshot }: { ctx: ViewContext; pieceId: number; number: number; snapshot: { title: string; summary: string; body_md: string; slug: string } }) {
  const { t } = ctx;
  return (
    <EditorLayout ctx={ctx} title={`${t('revisions.revision')} #${number}`}>
      <p>
        <a href={`/studio/pieces/${pieceId}/revisions`}>← {t('revisions.title')}</a>
      </p>
      <dl class="facts">
        <dt>{t('piece.title')}</dt>
        <dd>{snapshot.title}</dd>
        <dt>{t('piece.slug')}</dt>
        <dd>{snapshot.slug}</dd>
        <dt>{t('piece.summary')}</dt>
        <dd>{snapshot.summary}</dd>
      </dl>
      <h2>{t('piece.body')}</h2>
      <pre class="pre-wrap">{snapshot.body_md}</pre>
    </EditorLayout>
  );
}
