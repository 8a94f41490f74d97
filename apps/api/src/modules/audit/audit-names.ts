import type { EntityManager } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id (UUID) an entry names: its object's and any in its facts, however deep. */
function idsIn(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (UUID.test(value)) into.add(value.toLowerCase());
  } else if (Array.isArray(value)) {
    for (const item of value) idsIn(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) idsIn(item, into);
  }
}

/**
 * What a person calls the ids the entries name: a user by username, a department and a budget
 * unit by name, a budget and a publication by department and year. A reader of the trail then sees
 * 「预算 武汉市硚口区大数据中心 2020年」, not a UUID. Ids of what has no name (a session) or is gone stay out.
 */
export async function namesOfIds(m: Pick<EntityManager, 'query'>, entries: readonly { entityId: string; payload: unknown }[]): Promise<Record<string, string>> {
  const ids = new Set<string>();
  for (const e of entries) idsIn([e.entityId, e.payload], ids);
  if (ids.size === 0) return {};
  const rows = (await m.query(
    `SELECT u.id::text AS id, u.username AS name FROM users u WHERE u.id::text = ANY($1)
     UNION ALL SELECT d.id::text, d.name FROM departments d WHERE d.id::text = ANY($1)
     UNION ALL SELECT bu.id::text, bu.name FROM budget_units bu WHERE bu.id::text = ANY($1)
     UNION ALL SELECT b.id::text, COALESCE((SELECT bu.name FROM budget_units bu WHERE bu.code = b.unit_code), d.name) || ' ' || b.fiscal_year || '年' FROM budgets b JOIN departments d ON d.id = b.department_id WHERE b.id::text = ANY($1)
     UNION ALL SELECT p.id::text, d.name || ' ' || p.fiscal_year || '年 第' || p.version_no || '版' FROM publications p JOIN departments d ON d.id = p.department_id WHERE p.id::text = ANY($1)`,
    [[...ids]],
  )) as { id: string; name: string }[];
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
