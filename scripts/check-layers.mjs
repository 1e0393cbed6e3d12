// Enforces the architecture's "Always" rules that a linter cannot express:
// imports point inward, and only the composition root (src/main.ts and its helpers in src/compose/) reads the
// environment or constructs clients.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'src');

/** layer → layers and packages it must not import */
const forbidden = {
  wecom: { layers: ['http', 'jobs', 'assist'], packages: ['koa', '@koa/router', 'openai', 'bullmq'] },
  assist: { layers: ['http', 'jobs', 'wecom', 'emulator'], packages: ['koa', '@koa/router', 'fast-xml-parser', 'bullmq'] },
  conversation: { layers: ['http', 'jobs', 'assist', 'wecom', 'emulator'], packages: ['koa', '@koa/router', 'openai'] },
  ops: { layers: ['http', 'jobs', 'assist', 'wecom', 'emulator'], packages: [] },
  http: { layers: ['emulator', 'compose'], packages: [] },
  jobs: { layers: ['http', 'emulator', 'compose'], packages: ['koa', '@koa/router'] },
  suggestions: { layers: ['http', 'jobs', 'wecom', 'emulator', 'compose'], packages: ['koa', '@koa/router'] },
  tasks: { layers: ['http', 'jobs', 'assist', 'wecom', 'emulator', 'compose'], packages: ['koa', '@koa/router'] },
  org: { layers: ['http', 'jobs', 'assist', 'wecom', 'emulator', 'compose'], packages: [] },
  lifecycle: { layers: ['http', 'jobs', 'emulator', 'compose'], packages: ['koa', '@koa/router', 'bullmq'] },
};
const ROOT_ONLY = [
  [/\bprocess\.env\b/, 'reads process.env'],
  [/\bnew (Redis|IORedis|OpenAI)\(/, 'constructs a client'],
];
const ROOT_ONLY_ALLOWED = new Set(['src/main.ts', 'src/ops/ensure-redis.ts']);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const problems = [];
for (const file of walk(src)) {
  const rel = relative(root, file);
  const layer = relative(src, file).split('/')[0];
  const text = readFileSync(file, 'utf8');
  const rules = forbidden[layer];
  for (const [, spec] of text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    if (spec.startsWith('.')) {
      const target = relative(src, resolve(dirname(file), spec));
      if (target.startsWith('..')) problems.push(`${rel}: imports ${spec} from outside src/`);
      const targetLayer = target.split('/')[0];
      if (rules?.layers.includes(targetLayer)) problems.push(`${rel}: ${layer}/ must not import ${targetLayer}/ (${spec})`);
    } else if (rules?.packages.some((p) => spec === p || spec.startsWith(`${p}/`))) {
      problems.push(`${rel}: ${layer}/ must not import ${spec}`);
    }
  }
  if (!ROOT_ONLY_ALLOWED.has(rel) && !rel.startsWith('src/emulator/') && !rel.startsWith('src/compose/')) {
    for (const [pattern, what] of ROOT_ONLY) if (pattern.test(text)) problems.push(`${rel}: ${what}; only src/main.ts may`);
  }
}

if (problems.length > 0) {
  console.error(`Layering rules broken:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`layers ok (${walk(src).length} files)`);
