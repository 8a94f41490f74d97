import type { TBudgetDocument, TExpenditureLine } from '@budgetflow/domain';
import { generateBudget } from '@budgetflow/domain/testing';
import { XLSX_MEDIA_TYPE } from '../../apps/api/src/modules/budgets/workbook-body';
import { TEST_PASSWORD } from '../../apps/api/test/utils/seed-people';
import { zipBomb } from '../../apps/api/test/utils/zip-bomb';
import { json, percentile, pg, signIn, startServer, stopServer, timed, type TServer } from './api-bench-kit';
import type { Figure } from './bench';

const MB = 1024 * 1024;
const SAVES = 60;
const FLOODERS = 16;

/**
 * Issue 13's attacks, as a preparer feels them: the p95 of their saves (PATCH of one line of a
 * 1,000-line budget) alone, then while 16 anonymous clients flood the sign-in with wrong passwords
 * (defect 7: it once slowed saves from 15 ms to a p95 of 1 s, and wrote an audit entry per
 * attempt), then while two clients upload zip bombs that inflate to 512 MB (defect 1: one killed
 * the server). Beside each p95: what the attack got — the audit entries the flood wrote, the bombs'
 * answers — and that the server is still the same process.
 */
export async function run(report: (figure: Figure) => void): Promise<void> {
  const server = await startServer();
  try {
    const editor = await editedBudget(server);
    const quiet = await savesP95(editor);
    report({ name: 'api.hostile.save.quiet-p95', value: quiet, unit: 'ms', target: { op: '<=', value: 100 } });

    const auditBefore = await auditCount(server);
    const flood = await whileAttacked(editor, FLOODERS, 2_000, async () => {
      const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'preparer', password: 'not-the-password' }) });
      await res.arrayBuffer();
      return res.status;
    });
    const written = (await auditCount(server)) - auditBefore;
    report({ name: 'api.hostile.save.sign-in-flood.p95', value: flood.p95, unit: 'ms', target: { op: '<=', value: 100 } });
    report({ name: 'api.hostile.sign-in-flood.attempts', value: flood.attacks, unit: 'requests', target: { op: '>', value: 0 }, decimals: 0 });
    report({ name: 'api.hostile.sign-in-flood.unexpected-answers', value: flood.unexpected(new Set([401, 429])), unit: 'answers', target: { op: '<=', value: 0 }, decimals: 0 });
    // The window's first failure and a summary per username, address and window: a handful, not one per attempt.
    report({ name: 'api.hostile.sign-in-flood.audit-entries', value: written, unit: 'entries', target: { op: '<=', value: 10 }, decimals: 0 });

    const bomb = await zipBomb([{ name: 'xl/worksheets/sheet2.xml', inflatedBytes: 512 * MB, declaredBytes: 1024 }]);
    const bombs = await whileAttacked(editor, 2, 20, async () => {
      const res = await fetch(`${server.url}/api/budgets/${editor.id}/workbook/previews`, { method: 'POST', headers: { ...editor.auth, 'content-type': XLSX_MEDIA_TYPE }, body: bomb });
      await res.arrayBuffer();
      return res.status;
    });
    report({ name: 'api.hostile.save.zip-bombs.p95', value: bombs.p95, unit: 'ms', target: { op: '<=', value: 100 } });
    report({ name: 'api.hostile.zip-bombs.refused', value: bombs.attacks, unit: 'uploads', target: { op: '>', value: 0 }, decimals: 0 });
    report({ name: 'api.hostile.zip-bombs.unexpected-answers', value: bombs.unexpected(new Set([413])), unit: 'answers', target: { op: '<=', value: 0 }, decimals: 0 });
    report({ name: 'api.hostile.server-restarts', value: server.child.exitCode === null ? 0 : 1, unit: 'restarts', target: { op: '<=', value: 0 }, decimals: 0 });
  } finally {
    await stopServer(server);
  }
}

interface TEditor {
  id: string;
  version: number;
  lines: readonly TExpenditureLine[];
  auth: Record<string, string>;
  url: string;
  saves: number;
}

/** editor01's 1,000-line budget, ready for one-line saves. */
async function editedBudget(server: TServer): Promise<TEditor> {
  const { headers: auth } = await signIn(server.url, 'editor01', TEST_PASSWORD);
  const generated = generateBudget({ lines: 1_000 });
  const document: TBudgetDocument = { ...generated, department: { ...generated.department, code: '800001' } };
  const created = await json(`${server.url}/api/budgets`, { method: 'POST', headers: auth, body: JSON.stringify({ fiscalYear: document.fiscalYear }) });
  const id = String(created.body['id']);
  const put = await json(`${server.url}/api/budgets/${id}/document`, { method: 'PUT', headers: { ...auth, 'If-Match': `"${String(created.body['version'])}"` }, body: JSON.stringify(document) });
  return { id, version: Number(put.body['version']), lines: document.expenditureLines, auth, url: server.url, saves: 0 };
}

/** One save: a line's amount changed, at the version last saved. */
async function save(editor: TEditor): Promise<void> {
  editor.saves += 1;
  const line = editor.lines[(editor.saves * 37) % editor.lines.length] as TExpenditureLine;
  const body = JSON.stringify({ version: editor.version, upsertExpenditure: [{ ...line, amount: `${1000 + editor.saves}.00` }] });
  const res = await json(`${editor.url}/api/budgets/${editor.id}/lines`, { method: 'PATCH', headers: editor.auth, body });
  editor.version = Number(res.body['version']);
}

/** The p95 of SAVES saves at least, and of as many more as go on until `enough()` says so. */
async function savesP95(editor: TEditor, enough: () => boolean = () => true): Promise<number> {
  await save(editor);
  const latencies: number[] = [];
  while (latencies.length < SAVES || !enough()) latencies.push(await timed(() => save(editor)));
  return percentile(latencies, 95);
}

/**
 * The saves' p95 while `clients` attackers send `attack` over and over, until `minAttacks` were
 * answered (the flood of the issue was 1,803 sign-ins); the attacks' answers, counted by status.
 */
async function whileAttacked(editor: TEditor, clients: number, minAttacks: number, attack: () => Promise<number>): Promise<{ p95: number; attacks: number; unexpected(expected: Set<number>): number }> {
  const statuses: number[] = [];
  let done = false;
  const attackers = Array.from({ length: clients }, async () => {
    while (!done) statuses.push(await attack());
  });
  // Each attacker's first request is in before the first save is timed.
  while (statuses.length < clients) await new Promise((resolve) => setTimeout(resolve, 20));
  try {
    return { p95: await savesP95(editor, () => statuses.length >= minAttacks), attacks: statuses.length, unexpected: (expected) => statuses.filter((s) => !expected.has(s)).length };
  } finally {
    done = true;
    await Promise.all(attackers);
  }
}

/** Entries of the sign-in's failures (and summaries) in the audit trail. */
async function auditCount(server: TServer): Promise<number> {
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'auth.login%'`);
    return (rows[0] as { n: number }).n;
  } finally {
    await client.end();
  }
}
