import { Router } from '@koa/router';
import Koa from 'koa';
import type { Logger } from '../ops/logger.ts';
import { errorMiddleware } from './error-middleware.ts';

/** A route group: a function that mounts its routes on the shared router. */
export type Mount = (router: Router) => void;

/** The Koa app: error mapping, then the mounted route groups. Each group receives its dependencies itself. */
export function createApp(log: Logger, mounts: Mount[]): Koa {
  const app = new Koa({ proxy: true });
  app.silent = true; // errorMiddleware logs every error once
  const router = new Router();
  for (const mount of mounts) mount(router);
  app.use(errorMiddleware(log));
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}
