import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { useDeskI18n } from '../../lib/desk-i18n';
import { QueryView } from '../../ui/query-view';
import { fenText } from './fen-text';

interface TRoundsAnswer {
  budgetId: string;
  rows: { item: string; name: string; proposalFen: string | null; ceilingFen: string | null; finalFen: string | null; repliedFen: string | null }[];
}

const cell = (fen: string | null) => (fen === null ? '—' : fenText(fen));

/** 一上 vs 控制数 vs 二上 vs 批复 of the budget, item by item, in 元. */
export function RoundsTable({ budgetId, budgetVersion }: { budgetId: string; budgetVersion: number | undefined }) {
  const { t } = useDeskI18n();
  const rounds = useQuery({
    queryKey: ['budget', budgetId, 'rounds', budgetVersion],
    queryFn: () => api<TRoundsAnswer>(`/api/budgets/${budgetId}/rounds`),
  });
  return (
    <QueryView query={rounds} isEmpty={(answer) => answer.rows.length === 0}>
      {(answer) => (
        <table className="rounds-table">
          <caption>{t('roundsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ceilingItem')}</th>
              <th scope="col">{t('roundProposal')}</th>
              <th scope="col">{t('roundCeilings')}</th>
              <th scope="col">{t('roundFinal')}</th>
              <th scope="col">{t('roundReplied')}</th>
            </tr>
          </thead>
          <tbody>
            {answer.rows.map((r) => (
              <tr key={r.item}>
                <th scope="row">{r.name}</th>
                <td className="num">{cell(r.proposalFen)}</td>
                <td className="num">{cell(r.ceilingFen)}</td>
                <td className="num">{cell(r.finalFen)}</td>
                <td className="num">{cell(r.repliedFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </QueryView>
  );
}
