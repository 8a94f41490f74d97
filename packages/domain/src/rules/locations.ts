import type { TFindingLocation } from './finding.schema';

/** A location in a project's form (表10), leaving out the parts not given. */
export function projectLocation(
  projectId: string,
  part?: string,
  index?: number,
  field?: string,
): TFindingLocation {
  return {
    kind: 'project',
    projectId,
    ...(part === undefined ? {} : { part }),
    ...(index === undefined || index < 0 ? {} : { index }),
    ...(field === undefined ? {} : { field }),
  };
}
