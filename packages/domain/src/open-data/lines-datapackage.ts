import { LINE_FIELDS } from './line-csv';

/** The line CSV a package describes: where it is and what a reader checks the copy against. */
export interface TLineResource {
  path: string;
  bytes?: number;
  sha256?: string;
}

export interface TLinesPackageOptions {
  /** Lower case letters, digits, `-`, `_`, `.`: the Data Package name. */
  name: string;
  title: string;
  fiscalYear: number;
  resource: TLineResource;
}

const header = (key: (typeof LINE_FIELDS)[number]['key']): string => {
  const field = LINE_FIELDS.find((f) => f.key === key);
  if (field === undefined) throw new Error(`no line field ${key}`);
  return field.header;
};

/**
 * A Fiscal Data Package (the Frictionless registry's `fiscal-data-package` profile) for the line
 * CSV. The registry's profile is the Tabular Data Package schema plus the fiscal part (`allOf`), so
 * it accepts only `"profile": "tabular-data-package"`: a descriptor saying `fiscal-data-package`
 * fails it, and generic tabular tools would not read it either. One measure, the approved expenditure in CNY, and the functional (功能), economic (经济) and
 * administrative (部门/单位) classifications as separate dimensions, with 支出类型, 资金来源 and 项目 beside them.
 */
export function linesDataPackage(options: TLinesPackageOptions): Record<string, unknown> {
  const { fiscalYear, resource } = options;
  const attr = (key: Parameters<typeof header>[0], extra: Record<string, string> = {}) => ({ source: header(key), ...extra });
  return {
    profile: 'tabular-data-package',
    name: options.name,
    title: options.title,
    countryCode: 'CN',
    fiscalPeriod: { start: `${fiscalYear}-01-01`, end: `${fiscalYear}-12-31` },
    resources: [
      {
        name: 'budget-lines',
        path: resource.path,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8-sig',
        ...(resource.bytes === undefined ? {} : { bytes: resource.bytes }),
        ...(resource.sha256 === undefined ? {} : { hash: `sha256:${resource.sha256}` }),
        schema: { fields: LINE_FIELDS.map((f) => ({ name: f.header, type: f.type, description: f.description })) },
      },
    ],
    model: {
      measures: {
        amount: { source: header('amount'), currency: 'CNY', factor: 1, direction: 'expenditure', phase: 'approved' },
      },
      dimensions: {
        functional: {
          dimensionType: 'classification',
          classificationType: 'functional',
          primaryKey: ['function_code'],
          attributes: { function_code: attr('functionCode'), function_name: attr('functionName', { labelfor: 'function_code' }) },
        },
        economic: {
          dimensionType: 'classification',
          classificationType: 'economic',
          primaryKey: ['economic_code'],
          attributes: { economic_code: attr('economicCode'), economic_name: attr('economicName', { labelfor: 'economic_code' }) },
        },
        administrative: {
          dimensionType: 'entity',
          classificationType: 'administrative',
          primaryKey: ['department_code', 'unit_code'],
          attributes: {
            department_code: attr('departmentCode'),
            department_name: attr('departmentName', { labelfor: 'department_code' }),
            unit_code: attr('unitCode', { parent: 'department_code' }),
            unit_name: attr('unitName', { labelfor: 'unit_code' }),
          },
        },
        kind: { dimensionType: 'other', primaryKey: ['kind', 'basic_kind'], attributes: { kind: attr('kind'), basic_kind: attr('basicKind', { parent: 'kind' }) } },
        fund_source: { dimensionType: 'other', primaryKey: ['fund_source'], attributes: { fund_source: attr('fundSource') } },
        project: { dimensionType: 'activity', primaryKey: ['project_name'], attributes: { project_name: attr('projectName') } },
        fiscal_year: { dimensionType: 'datetime', primaryKey: ['fiscal_year'], attributes: { fiscal_year: attr('fiscalYear') } },
      },
    },
  };
}
