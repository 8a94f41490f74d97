/** The grid's columns, left to right: a pasted block fills them in this order from the cell it lands on. */
export const LINE_FIELDS = [
  'unitCode',
  'functionCode',
  'economicCode',
  'kind',
  'projectId',
  'fundSource',
  'amount',
  'note',
] as const;
export type TLineField = (typeof LINE_FIELDS)[number];

/** The message key of each column's heading (the same words the paste summary names a column by). */
export const FIELD_LABEL = {
  unitCode: 'unit',
  functionCode: 'functionCode',
  economicCode: 'economicCode',
  kind: 'kind',
  projectId: 'project',
  fundSource: 'fundSource',
  amount: 'amountYuan',
  note: 'note',
} as const satisfies Record<TLineField, string>;
