import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const WEB = path.resolve(__dirname, '../../../apps/web');
const DOMAIN_SRC = path.resolve(__dirname, '../../../packages/domain/src');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds apps/web (vite) unless its dist is newer than its sources and the domain's. */
export function ensureWebBuilt(): void {
  const index = path.join(WEB, 'dist/index.html');
  const sources = Math.max(
    newestMtime(path.join(WEB, 'src')),
    newestMtime(DOMAIN_SRC),
    statSync(path.join(WEB, 'index.html')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs > sources) return;
  // NODE_ENV=production whatever the caller runs under: jest sets "test", which would bundle React's
  // development build (bigger and slower than what `pnpm start` serves).
  execFileSync(path.join(WEB, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], {
    cwd: WEB,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
