import { TEMPLATES, type TDisclosureTemplate } from '@budgetflow/domain';
import type { CliCommand } from '../cli-command';
import { EXIT } from '../exit-codes';

const SCOPE_NAMES = { department: '部门', unit: '单位' } as const;

function describe(template: TDisclosureTemplate): string {
  const scopes = template.scopes.map((s) => SCOPE_NAMES[s]).join('、');
  const n = template.narrative;
  const lines = [
    `${template.id}  ${template.name}（${template.region}，${scopes}）`,
    `  说明：${n.unit} ${n.decimals} 位小数，占比 ${n.shareDecimals} 位小数，比较${n.compareWith === 'prior-budget' ? '上年预算数' : '上年预算执行数'}`,
    ...template.tables.map((t) => `  ${t.id.padEnd(4)} ${t.number} ${t.title}  [${t.role}; ${t.unit} ${t.decimals} 位小数]`),
  ];
  return lines.join('\n');
}

export const templatesCommand: CliCommand = {
  name: 'templates',
  summary: 'list the disclosure templates: each province’s tables in print order, with role, unit and print precision',
  arguments: [],
  options: [{ name: 'format', values: ['text', 'json'], description: 'text (default) or json (the templates as data)' }],
  run({ options }, io) {
    io.stdout(options.format === 'json' ? `${JSON.stringify(TEMPLATES, null, 2)}\n` : `${TEMPLATES.map(describe).join('\n\n')}\n`);
    return Promise.resolve(EXIT.ok);
  },
};
