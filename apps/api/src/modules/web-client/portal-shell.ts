import { z } from 'zod';
import type { ReadableDisclosures } from '../public/readable-disclosures.service';
import { withNoscript } from './noscript-html';

/** The reads a portal shell needs (ReadableDisclosures; a stand-in in the middleware's own tests). */
export type TReadableLookup = Pick<ReadableDisclosures, 'one' | 'page'>;

/** The portal's own pages under /portal/ (apps/web's router); any other one segment is a publication's id. */
const PORTAL_PAGES = /^\/portal\/(?:compare|compliance|departments\/[^/]+)\/?$/;
const DISCLOSURE = /^\/portal\/([^/]+)\/?$/;
const PAGE = /^[1-9]\d{0,5}$/;

/**
 * The app shell of a portal page for a reader without script: a published disclosure's page links
 * its web version and PDF (404 when no publication has that id; the client, with script, says so
 * itself), every other portal page (and the site's first page) a page of all published disclosures
 * (`?page=`). Undefined outside the portal: the shell is sent as it is.
 */
export async function portalShell(
  indexHtml: string,
  path: string,
  page: unknown,
  readable: TReadableLookup,
): Promise<{ status: number; html: string } | undefined> {
  const listed = async (status: number) => ({
    status,
    html: withNoscript(indexHtml, {
      list: await readable.page(typeof page === 'string' && PAGE.test(page) ? Number(page) : 1),
    }),
  });
  if (path === '/' || path === '/portal' || path === '/portal/' || PORTAL_PAGES.test(path))
    return listed(200);
  const id = DISCLOSURE.exec(path)?.[1];
  if (id === undefined) return undefined;
  const disclosure = z.uuid().safeParse(id).success ? await readable.one(id) : undefined;
  return disclosure === undefined
    ? listed(404)
    : { status: 200, html: withNoscript(indexHtml, { disclosure }) };
}
