import type { Fen } from '../money/fen';
import { ceilingFiguresOf, ZCeilings } from './ceilings';
import { ceilingFiguresOfLines, compareRounds } from './rounds-comparison';

const line = (kind: 'basic-personnel' | 'project', fundSource: 'general-budget-appropriation' | 'government-fund-appropriation', economicCode: string, amount: string) => ({ kind, fundSource, economicCode, amount });

describe('compareRounds', () => {
  const proposal = ceilingFiguresOfLines([line('basic-personnel', 'general-budget-appropriation', '30101', '500000.00'), line('project', 'general-budget-appropriation', '30217', '30000.00')]);
  const final = ceilingFiguresOfLines([line('basic-personnel', 'general-budget-appropriation', '30101', '480000.00'), line('project', 'government-fund-appropriation', '31002', '100000.00')]);

  it('puts 一上, 控制数, 二上 and 批复 of each item side by side, in 分', () => {
    const ceilings = ZCeilings.parse({ total: '60000000', threePublic: { reception: '2000000' } });
    expect(compareRounds({ proposal, ceilings, final, replied: final })).toEqual([
      { item: 'total', name: '支出总额', proposalFen: 530_000_00, ceilingFen: 600_000_00, finalFen: 580_000_00, repliedFen: 580_000_00 },
      { item: 'basic', name: '基本支出', proposalFen: 500_000_00, finalFen: 480_000_00, repliedFen: 480_000_00 },
      { item: 'project', name: '项目支出', proposalFen: 30_000_00, finalFen: 100_000_00, repliedFen: 100_000_00 },
      { item: 'fundSource.general-budget-appropriation', name: '经费拨款（补助）', proposalFen: 530_000_00, finalFen: 480_000_00, repliedFen: 480_000_00 },
      { item: 'fundSource.government-fund-appropriation', name: '政府性基金财政拨款', proposalFen: 0, finalFen: 100_000_00, repliedFen: 100_000_00 },
      { item: 'threePublic.total', name: '“三公”经费合计', proposalFen: 30_000_00, finalFen: 0, repliedFen: 0 },
      { item: 'threePublic.reception', name: '公务接待费', proposalFen: 30_000_00, ceilingFen: 20_000_00, finalFen: 0, repliedFen: 0 },
    ]);
  });

  it('leaves out the rounds not reached, and shows the headline of a budget with nothing yet', () => {
    expect(compareRounds({ proposal: ceilingFiguresOf([]) })).toEqual([
      { item: 'total', name: '支出总额', proposalFen: 0 as Fen },
      { item: 'basic', name: '基本支出', proposalFen: 0 as Fen },
      { item: 'project', name: '项目支出', proposalFen: 0 as Fen },
    ]);
  });
});
