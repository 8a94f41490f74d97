import { catalogueList, CATALOGUE_LISTS, type Catalogue, type CatalogueList } from './catalogue';

export interface CatalogueListDiff {
  list: CatalogueList;
  added: { code: string; name: string }[];
  renamed: { code: string; from: string; to: string }[];
  removed: { code: string; name: string }[];
}

export interface CatalogueDiff {
  lists: CatalogueListDiff[];
  /** 部门 codes whose 政府 counterparts change (`from`/`to` empty where none is mapped). */
  mapping: { departmentCode: string; from: string[]; to: string[] }[];
}

/**
 * What replacing the edition in force (`current`) by `next` changes, list by list, in code order:
 * what an administrator sees before confirming an upload.
 */
export function diffCatalogues(current: Catalogue, next: Catalogue): CatalogueDiff {
  const lists = CATALOGUE_LISTS.map((list) => {
    const before = catalogueList(current, list);
    const after = catalogueList(next, list);
    const diff: CatalogueListDiff = { list, added: [], renamed: [], removed: [] };
    for (const [code, entry] of after) {
      const old = before.get(code);
      if (old === undefined) diff.added.push({ code, name: entry.name });
      else if (old.name !== entry.name) diff.renamed.push({ code, from: old.name, to: entry.name });
    }
    for (const [code, entry] of before) if (!after.has(code)) diff.removed.push({ code, name: entry.name });
    return diff;
  });
  const departmentCodes = [...new Set([...current.economicMapping.keys(), ...next.economicMapping.keys()])].sort();
  const mapping = departmentCodes.flatMap((departmentCode) => {
    const from = [...(current.economicMapping.get(departmentCode) ?? [])];
    const to = [...(next.economicMapping.get(departmentCode) ?? [])];
    return from.join() === to.join() ? [] : [{ departmentCode, from, to }];
  });
  return { lists, mapping };
}
