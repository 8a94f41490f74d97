import { invalidCellFindings } from '../src/features/editor/invalid-findings';
import { seedDocument } from './budget-fixture';

const doc = seedDocument();
const [first, second] = doc.expenditureLines;

describe('what was typed and refused, as findings', () => {
  it('lists an amount that is none and a code the catalogue lacks as errors pointing at their cells', () => {
    const invalid = new Map([
      [`${first!.id}:amount`, { text: '12a', reason: { zh: '不是金额', en: 'not an amount' } }],
      [`${second!.id}:functionCode`, { text: '9999999', reason: { zh: '无此科目：9999999', en: 'no such code: 9999999' } }],
    ]);
    expect(invalidCellFindings(invalid, doc.expenditureLines, doc.incomeLines)).toEqual([
      {
        ruleId: 'EDITOR.TYPED_NOT_VALID',
        severity: 'error',
        message: { zh: '金额「12a」未能保存：不是金额', en: 'amount “12a” cannot be saved: not an amount' },
        location: { kind: 'line', lineId: first!.id, field: 'amount' },
      },
      {
        ruleId: 'EDITOR.TYPED_NOT_VALID',
        severity: 'error',
        message: { zh: '功能科目「9999999」未能保存：无此科目：9999999', en: 'functional code “9999999” cannot be saved: no such code: 9999999' },
        location: { kind: 'line', lineId: second!.id, field: 'functionCode' },
      },
    ]);
  });

  it('points an income amount at its row, and leaves out cells of lines removed and the forms’ kept drafts', () => {
    const income = doc.incomeLines[0]!;
    const invalid = new Map([
      [`income:${income.id}`, { text: '1e5', reason: { zh: '金额不能用科学计数法', en: 'no exponents in amounts' } }],
      ['GONE:amount', { text: 'x', reason: { zh: '不是金额', en: 'not an amount' } }],
      ['form:department', { text: '{}', reason: { zh: '必填', en: 'required' } }],
    ]);
    const findings = invalidCellFindings(invalid, doc.expenditureLines, doc.incomeLines);
    expect(findings.map((f) => f.location)).toEqual([{ kind: 'document', path: 'incomeLines.0.amount' }]);
  });
});
