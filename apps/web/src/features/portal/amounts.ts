import { formatAmount, parseFen } from '@budgetflow/domain';

/** An exact 元 amount in 万元 as the tables print it (one decimal, half up). */
export const wan = (yuan: string): string => formatAmount(parseFen(yuan));

/** A change with its sign, in 万元: +12.3 / -4.5. */
export const signedWan = (yuan: string): string => {
  const text = wan(yuan);
  return text.startsWith('-') || /^0\.0$/.test(text) ? text : `+${text}`;
};

/** A change in percent with its sign, as the figures beside it: +20.4% / -3.1% / 0.0%. */
export const signedPercent = (percent: string): string =>
  `${percent.startsWith('-') || /^0(\.0+)?$/.test(percent) ? '' : '+'}${percent}%`;
