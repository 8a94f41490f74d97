import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const WEB = path.resolve(__dirname, '../../../apps/web');
const WEB_DIST = path.join(WEB, 'dist');
const DOMAIN_SRC = path.resolve(__dirname, '../../../packages/domain/src');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds apps/web (vite) as `pnpm build` does, into its dist or into `outDir`. */
export function buildWeb(outDir?: string): void {
  // NODE_ENV=production whatever the caller runs under: jest sets "test", which would bundle React's
  // development build (bigger and slower than what `pnpm start` serves).
  execFileSync(
    path.join(WEB, 'node_modules/.bin/vite'),
    ['build', '--logLevel', 'error', ...(outDir === undefined ? [] : ['--outDir', outDir, '--emptyOutDir'])],
    { cwd: WEB, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
}

/** Builds apps/web (vite) unless its dist is newer than its sources and the domain's. */
export function ensureWebBuilt(): void {
  const index = path.join(WEB_DIST, 'index.html');
  const sources = Math.max(
    newestMtime(path.join(WEB, 'src')),
    newestMtime(DOMAIN_SRC),
    statSync(path.join(WEB, 'index.html')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs > sources) return;
  buildWeb();
}

/** The scripts a visitor's browser loads before the portal can render: the entry script and its static imports (modulepreload), as paths under `dist`. */
export function entryScripts(dist: string = WEB_DIST): string[] {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  return [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');
}

/** What a visitor's browser loads before the portal can render: the entry script and its static imports, gzipped. */
export function entryScriptGzipKb(dist: string = WEB_DIST): number {
  const bytes = entryScripts(dist).reduce(
    (sum, src) => sum + gzipSync(readFileSync(path.join(dist, src)), { level: 9 }).length,
    0,
  );
  return bytes / 1024;
}
