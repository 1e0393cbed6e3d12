import type { Router } from '@koa/router';
import type { Context } from 'koa';
import { badRequest } from '../errors.ts';
import { importMembers } from '../lifecycle/import-members.ts';
import type { MemberFileFormat } from '../lifecycle/read-member-file.ts';
import { currentMember, requireMember } from './current-member.ts';
import type { LifecycleApiDeps } from './lifecycle-deps.ts';
import { readRawBody } from './read-raw-body.ts';

/**
 * Windows browsers label a .csv file application/vnd.ms-excel when Excel is installed. text/plain is not
 * taken: a cross-site form can send it without a CORS preflight.
 */
export const MEMBER_CSV_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel'];

function formatOf(ctx: Context): MemberFileFormat {
  if (ctx.is('application/json')) return 'json';
  if (ctx.is(MEMBER_CSV_TYPES)) return 'csv';
  throw badRequest('unsupported_media_type', 'send the member file as text/csv or application/json', 415, 'upload the file body itself, not a multipart form');
}

/** Operations admin: import member data (CSV or JSON), and run the lifecycle rules now (after an import). */
export function mountLifecycleAdminRoutes(router: Router, deps: LifecycleApiDeps): void {
  const admin = requireMember(deps, ['admin']);

  router.post('/api/admin/members/import', admin, async (ctx) => {
    const format = formatOf(ctx);
    const text = await readRawBody(ctx.req, deps.importMaxBytes);
    const dryRun = ctx.query.dryRun === 'true' || ctx.query.dryRun === '1';
    const report = await importMembers({ members: deps.members, org: deps.org }, { text, format, now: deps.now(), dryRun });
    deps.log.info(
      { by: currentMember(ctx).userId, format, rows: report.rows, imported: report.imported, updated: report.updated, rejected: report.rejected.length, dryRun },
      'member file imported',
    );
    ctx.body = report;
  });

  router.post('/api/admin/lifecycle/run', admin, async (ctx) => {
    const jobId = await deps.requestRun();
    deps.log.info({ by: currentMember(ctx).userId, jobId }, 'lifecycle run requested');
    ctx.status = 202;
    ctx.body = { jobId };
  });
}
