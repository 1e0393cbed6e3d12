import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Router } from '@koa/router';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

/**
 * Serves a built page directory (web/<page>/dist) under `/<page>/`. Only plain file names inside the
 * (flat) directory are served; index.html is never cached, hashed assets may be.
 */
export function mountStaticPage(router: Router, page: string, dir: string): void {
  // The router is not strict about a trailing slash: only the bare path redirects, or /page/ would loop.
  router.get(`/${page}`, (ctx, next) => (ctx.path === `/${page}` ? ctx.redirect(`/${page}/${ctx.querystring ? `?${ctx.querystring}` : ''}`) : next()));
  const serve = async (ctx: Parameters<Parameters<Router['get']>[1]>[0], file: string): Promise<void> => {
    const name = normalize(file);
    if (name.startsWith('..') || name.includes('\0') || !TYPES[extname(name)]) {
      ctx.status = 404;
      return;
    }
    try {
      ctx.body = await readFile(join(dir, name));
    } catch {
      ctx.status = 404;
      return;
    }
    ctx.type = TYPES[extname(name)] as string;
    ctx.set('Cache-Control', name === 'index.html' ? 'no-cache' : 'public, max-age=3600');
  };
  // The built directory is flat: one path segment is all a page needs.
  router.get(`/${page}/`, (ctx) => serve(ctx, 'index.html'));
  router.get(`/${page}/:file`, (ctx) => serve(ctx, ctx.params.file ?? 'index.html'));
}
