import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZBudgetDocument, catalogueForYear, deriveDisclosure, type TDisclosure } from '@budgetflow/domain';
import { renderDisclosureFiles } from '../../apps/api/src/modules/reports/disclosure-files.renderer';
import type { Figure } from './bench';

const DEPARTMENTS = 100;
// The job runtime's default worker concurrency (job-runtime.ts): two file sets in flight at a time.
const CONCURRENCY = 2;
const CREATED_AT = new Date('2020-03-01T08:00:00Z');

/** The seed as published by `count` departments, each with a code and name of its own, derived by the domain. */
function departments(count: number): TDisclosure[] {
  const raw = JSON.parse(readFileSync(join(__dirname, '../../packages/domain/fixtures/qiaokou-bigdata-2020.json'), 'utf8')) as {
    department: Record<string, unknown>;
  };
  return Array.from({ length: count }, (_, i) => {
    const name = `武汉市硚口区第${i + 1}数据中心`;
    const doc = ZBudgetDocument.parse({ ...raw, department: { ...raw.department, code: String(19001 + i).padStart(6, '0'), name, shortName: name.slice(3) } });
    return deriveDisclosure(doc, catalogueForYear(doc.fiscalYear));
  });
}

export async function run(report: (figure: Figure) => void): Promise<void> {
  const disclosures = departments(DEPARTMENTS);
  let next = 0;
  let bytes = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < disclosures.length; i = next++) {
        const files = await renderDisclosureFiles(disclosures[i] as TDisclosure, { createdAt: CREATED_AT });
        bytes += files.reduce((sum, file) => sum + file.size, 0);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (bytes === 0) throw new Error('the file sets came out empty');
  report({ name: 'jobs.file-sets-100-departments', value: seconds, unit: 's', target: { op: '<=', value: 180 } });
}
