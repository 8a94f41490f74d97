import type { TComment, TCommentTarget } from '@budgetflow/domain';
import { useState } from 'react';
import { formatDateTime } from '../../lib/dates';
import { useDeskI18n } from '../../lib/desk-i18n';
import { Status } from '../../ui/status';
import { useAddComment, useAnswerComment, useComments } from './use-comments';
import { problemText } from '../../lib/problem-text';

/**
 * The conversation on a budget: reviewers comment on the budget, a table row or a line (the
 * anchor comes from what they clicked); preparers answer. `onOpenTarget` shows the anchor.
 */
export function CommentsPanel({
  budgetId,
  mode,
  anchor,
  onOpenTarget,
  describe,
}: {
  budgetId: string;
  mode: 'comment' | 'answer';
  anchor?: TCommentTarget;
  onOpenTarget?: (target: TCommentTarget) => void;
  describe: (target: TCommentTarget) => string;
}) {
  const { t } = useDeskI18n();
  const comments = useComments(budgetId);
  const add = useAddComment(budgetId);
  const [body, setBody] = useState('');
  const target = anchor ?? { kind: 'budget' as const };
  return (
    <section className="comments card" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('comments')}</h2>
      {comments.isPending ? (
        <Status>{t('loading')}</Status>
      ) : comments.isError ? (
        <Status error>{problemText(comments.error, t)}</Status>
      ) : comments.data.length === 0 ? (
        <p className="muted">{t('nothingHere')}</p>
      ) : (
        <ul>
          {comments.data.map((c) => (
            <CommentItem
              key={c.id}
              comment={c}
              budgetId={budgetId}
              canAnswer={mode === 'answer'}
              describe={describe}
              {...(onOpenTarget === undefined ? {} : { onOpenTarget })}
            />
          ))}
        </ul>
      )}
      {mode === 'comment' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const text = body.trim();
            if (text === '') return;
            // Cleared at once (and given back if it fails), so a next comment typed while this one
            // is being saved is never wiped by its answer.
            setBody('');
            add.mutate({ target, body: text }, { onError: () => setBody(text) });
          }}
        >
          <p className="muted">
            {t('commentOn')}: {t(`target_${target.kind}`)} {describe(target)}
          </p>
          <label>
            {t('commentBody')}
            <textarea name="comment" rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
          </label>
          {add.isError && <Status error>{problemText(add.error, t)}</Status>}
          <button type="submit" disabled={add.isPending || body.trim() === ''}>
            {t('addComment')}
          </button>
        </form>
      )}
    </section>
  );
}

function CommentItem({
  comment,
  budgetId,
  canAnswer,
  onOpenTarget,
  describe,
}: {
  comment: TComment;
  budgetId: string;
  canAnswer: boolean;
  onOpenTarget?: (target: TCommentTarget) => void;
  describe: (target: TCommentTarget) => string;
}) {
  const { t } = useDeskI18n();
  const answer = useAnswerComment(budgetId);
  const [text, setText] = useState('');
  return (
    <li data-comment={comment.id}>
      <div className="muted">
        {comment.author.username} · {formatDateTime(comment.createdAt)} ·{' '}
        {comment.target.kind === 'budget' || onOpenTarget === undefined ? (
          `${t(`target_${comment.target.kind}`)} ${describe(comment.target)}`
        ) : (
          <button type="button" className="link" onClick={() => onOpenTarget(comment.target)}>
            {t(`target_${comment.target.kind}`)} {describe(comment.target)}
          </button>
        )}
      </div>
      <p>{comment.body}</p>
      {comment.answer !== null ? (
        <p className="answer">
          <strong>{t('answered')}</strong>（{comment.answer.by.username}）：{comment.answer.text}
        </p>
      ) : (
        canAnswer && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (text.trim() !== '') answer.mutate({ id: comment.id, answer: text.trim() });
            }}
          >
            <label>
              {t('answer')}
              <input name="answer" value={text} onChange={(e) => setText(e.target.value)} />
            </label>
            <button type="submit" disabled={answer.isPending || text.trim() === ''}>
              {t('answer')}
            </button>
            {answer.isError && <Status error>{problemText(answer.error, t)}</Status>}
          </form>
        )
      )}
    </li>
  );
}
