import type { TableBody } from './table-parts';
import type { Fen } from '../money/fen';
import type { DeriveContext } from './derive-context';
import { isFiscal, sumCells, type EconomicCell } from './line-aggregate';
import { amountCell, amountColumn, byCode, makeRow } from './table-parts';

/** The economic 款 that make up “三公”经费. */
export const THREE_PUBLIC_CODES = {
  overseasTravel: '30212', // 因公出国（境）费用
  reception: '30217', // 公务接待费
  vehiclePurchase: '31013', // 公务用车购置
  vehicleOperation: '30231', // 公务用车运行维护费
} as const;

const CODES: readonly string[] = Object.values(THREE_PUBLIC_CODES);

export interface ThreePublicFigures {
  overseasTravel: Fen;
  reception: Fen;
  vehiclePurchase: Fen;
  vehicleOperation: Fen;
  vehicles: Fen;
  total: Fen;
  /** Units that carry any 三公 line (Part 3 counts them). */
  unitCodes: string[];
}

/** 三公 amounts of the fiscal appropriation, from the 款 they are booked on. */
export function threePublicFigures(ctx: DeriveContext): ThreePublicFigures {
  const inScope = (c: EconomicCell) => isFiscal(c.family) && CODES.includes(c.economicCode);
  const sums = sumCells(ctx.aggregate.byEconomic, inScope, (c) => c.economicCode);
  const byUnit = sumCells(ctx.aggregate.byEconomic, inScope, (c) => c.unitCode);
  const at = (code: string) => (sums.get(code) ?? 0) as Fen;
  const vehicles = (at(THREE_PUBLIC_CODES.vehiclePurchase) + at(THREE_PUBLIC_CODES.vehicleOperation)) as Fen;
  const overseasTravel = at(THREE_PUBLIC_CODES.overseasTravel);
  const reception = at(THREE_PUBLIC_CODES.reception);
  return {
    overseasTravel,
    reception,
    vehiclePurchase: at(THREE_PUBLIC_CODES.vehiclePurchase),
    vehicleOperation: at(THREE_PUBLIC_CODES.vehicleOperation),
    vehicles,
    total: (overseasTravel + reception + vehicles) as Fen,
    unitCodes: inDepartmentOrder(
      ctx,
      [...byUnit.keys()].filter((k) => byUnit.get(k) !== 0),
    ),
  };
}

/** 表8 财政拨款“三公”经费支出表. */
export function deriveT8(ctx: DeriveContext): TableBody {
  const f = threePublicFigures(ctx);
  return {
    layout: 'rows',
    sections: [],
    rowHeader: { nameLabel: '项目' },
    columns: [amountColumn('amount', '预算数')],
    rows: [
      makeRow('total', '合计', 0, { amount: amountCell(f.total) }, { emphasis: 'total' }),
      makeRow('overseas-travel', '因公出国（境）费', 1, { amount: amountCell(f.overseasTravel) }),
      makeRow('reception', '公务接待费', 1, { amount: amountCell(f.reception) }),
      makeRow('vehicles', '公务用车购置及运行费', 1, { amount: amountCell(f.vehicles) }),
      makeRow('vehicle-operation', '其中：公务用车运行维护费', 2, { amount: amountCell(f.vehicleOperation) }),
      makeRow('vehicle-purchase', '公务用车购置费', 2, { amount: amountCell(f.vehiclePurchase) }),
    ],
    preamble: [],
    blocks: [],
  };
}

/** Unit codes in the order the department lists its units (the text then does not depend on the order of the lines); unknown codes last. */
function inDepartmentOrder(ctx: DeriveContext, codes: string[]): string[] {
  const listed = new Map(ctx.doc.department.units.map((u, i) => [u.code, i]));
  return codes.sort((a, b) => (listed.get(a) ?? listed.size) - (listed.get(b) ?? listed.size) || byCode(a, b));
}
