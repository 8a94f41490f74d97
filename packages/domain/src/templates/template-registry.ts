import { DomainError } from '../errors';
import { HUBEI_2020 } from './hubei-2020';
import { JIANGSU_PROVINCE } from './jiangsu-province';
import { SHANGHAI_DISTRICT } from './shanghai-district';
import { ZDisclosureTemplate, type TDisclosureTemplate } from './template.schema';

/** The templates Budgetflow ships, parsed once: each file is checked against the schema on load. */
export const TEMPLATES: readonly TDisclosureTemplate[] = [HUBEI_2020, SHANGHAI_DISTRICT, JIANGSU_PROVINCE].map((t) => ZDisclosureTemplate.parse(t));

/** The template a budget follows when it names none: the seed's. */
export const DEFAULT_TEMPLATE_ID = 'hubei-2020';

export function findTemplate(id: string): TDisclosureTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

export function templateById(id: string): TDisclosureTemplate {
  const template = findTemplate(id);
  if (template === undefined) {
    throw new DomainError('TEMPLATE_UNKNOWN', `no disclosure template "${id}"; the templates are ${TEMPLATES.map((t) => t.id).join(', ')}`, { template: id });
  }
  return template;
}
