// infra/docker/Dockerfile and .dockerignore checked without a Docker engine (`docker build`
// cannot run here): the stages, what each image contains and runs as, and the build context.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dockerignoreMatcher } from './support/dockerignore.js';
import {
  effective,
  environment,
  healthcheckCommand,
  lineage,
  parseDockerfile,
  stage,
} from './support/dockerfile.js';
import { repoPath } from './support/repo.js';

const dockerfile = parseDockerfile(repoPath('infra/docker/Dockerfile'));
const FINAL = ['gateway', 'worker', 'migrations'] as const;
const run = (name: string) =>
  stage(dockerfile, name)
    .instructions.filter((i) => i.keyword === 'RUN')
    .map((i) => i.args)
    .join('\n');

describe('infra/docker/Dockerfile', () => {
  it('has the build stages and one final stage per kind of deployable', () => {
    expect(dockerfile.stages.map((s) => s.name)).toEqual([
      'workspace',
      'app-build',
      'migrations-build',
      'runtime',
      'gateway',
      'worker',
      'migrations',
    ]);
  });

  it('builds and runs on the Node line that package.json requires, slim Debian bookworm at runtime', () => {
    const root = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as {
      engines: { node: string };
      packageManager: string;
    };
    const major = /(\d+)/.exec(root.engines.node)?.[1];
    const image = dockerfile.globalArgs.get('NODE_IMAGE');
    expect(image).toBe(`node:${major}-bookworm-slim`);
    expect(stage(dockerfile, 'workspace').from).toBe('${NODE_IMAGE}');
    expect(stage(dockerfile, 'runtime').from).toBe('${NODE_IMAGE}');
    // pnpm comes from corepack, pinned by packageManager to an exact version.
    expect(root.packageManager).toMatch(/^pnpm@\d+\.\d+\.\d+$/);
    expect(run('workspace')).toMatch(/corepack enable && corepack install/);
  });

  it('installs from the lockfile with the native toolchain, builds with turbo and deploys production dependencies only', () => {
    expect(run('workspace')).toMatch(
      /apt-get install -y --no-install-recommends python3 make g\+\+/,
    );
    expect(run('workspace')).toMatch(/pnpm fetch --frozen-lockfile/);
    expect(run('workspace')).toMatch(/pnpm install --frozen-lockfile --offline/);
    expect(run('app-build')).toMatch(/pnpm turbo run build --filter="@commerce\/\$\{APP\}\.\.\."/);
    expect(run('app-build')).toMatch(
      /pnpm --filter="@commerce\/\$\{APP\}" deploy --legacy --prod .* \/out/,
    );
    expect(run('app-build')).toMatch(/node infra\/docker\/prune-deploy\.mjs \/out/);
    expect(run('migrations-build')).toMatch(
      /pnpm --filter=@commerce\/store-migrations deploy --legacy --prod .* \/out/,
    );
  });

  it('runs every final image from the runtime stage as the non-root node user with NODE_ENV=production', () => {
    for (const name of FINAL) {
      const chain = lineage(dockerfile, name).map((s) => s.name);
      expect([name, chain.at(-1)]).toEqual([name, 'runtime']);
      expect([name, effective(dockerfile, name, 'USER')]).toEqual([name, 'node']);
      expect([name, environment(dockerfile, name).get('NODE_ENV')]).toEqual([name, 'production']);
      expect([name, effective(dockerfile, name, 'WORKDIR')]).toEqual([name, '/app']);
      // Only the deploy folder's pieces are copied from the build stages: no workspace, no sources.
      const copies = stage(dockerfile, name).instructions.filter((i) => i.keyword === 'COPY');
      for (const copy of copies.filter((c) => c.args.includes('--from='))) {
        expect(copy.args).toMatch(
          /^--from=(app|migrations)-build \/(out\/(package\.json|node_modules|dist)|repo\/packages\/deployment\/dist) /,
        );
      }
    }
    expect(effective(dockerfile, 'gateway', 'CMD')).toBe('["node", "dist/main.js"]');
    expect(effective(dockerfile, 'worker', 'CMD')).toBe('["node", "dist/main.js"]');
    expect(effective(dockerfile, 'migrations', 'CMD')).toBe('["node", "dist/cli.js"]');
  });

  it('gives the gateway and the worker a health check, the worker with the probe it ships', () => {
    const gateway = healthcheckCommand(effective(dockerfile, 'gateway', 'HEALTHCHECK') ?? '');
    expect(gateway.slice(0, 2)).toEqual(['node', '-e']);
    expect(gateway[2]).toMatch(/\/healthz/);
    const worker = healthcheckCommand(effective(dockerfile, 'worker', 'HEALTHCHECK') ?? '');
    expect(worker[0]).toBe('node');
    // healthcheck/ in the image is packages/deployment/dist (built before this test).
    const probe = (worker[1] ?? '').replace(/^healthcheck\//, '');
    expect(existsSync(repoPath('packages/deployment/dist', probe))).toBe(true);
    expect(run('worker')).toMatch(/test -f dist\/workflow-bundle\.js/);
  });

  it('ships the schema files into the migrations image', () => {
    const copies = stage(dockerfile, 'migrations')
      .instructions.filter((i) => i.keyword === 'COPY' && !i.args.includes('--from='))
      .map((i) => i.args.split(/\s+/)[0]);
    expect(copies).toEqual(['infra/cassandra/cql', 'infra/elasticsearch/indices']);
    const env = environment(dockerfile, 'migrations');
    expect(env.get('CASSANDRA_CQL_DIR')).toBe('/app/infra/cassandra/cql');
    expect(env.get('ELASTICSEARCH_INDICES_DIR')).toBe('/app/infra/elasticsearch/indices');
  });
});

describe('.dockerignore', () => {
  const ignored = dockerignoreMatcher(repoPath('.dockerignore'));

  it('keeps local installs, builds, caches, data and git history out of the build context', () => {
    for (const path of [
      'node_modules',
      'node_modules/.pnpm/x',
      'apps/gateway/node_modules',
      'apps/gateway/dist/main.js',
      'packages/sqlite-store/dist',
      'packages/cassandra-store/reports/vitest.json',
      '.turbo',
      'apps/inventory/.turbo/turbo-build.log',
      '.git',
      '.cache/cassandra/lib',
      '.data/commerce.db',
    ]) {
      expect([path, ignored(path)]).toEqual([path, true]);
    }
  });

  it('keeps everything the Dockerfile copies from the context', () => {
    const fromContext = dockerfile.stages
      .flatMap((s) => s.instructions)
      .filter((i) => i.keyword === 'COPY' && !i.args.includes('--from='))
      .flatMap((i) => {
        const parts = i.args.split(/\s+/).filter((p) => !p.startsWith('--'));
        return parts.slice(0, -1);
      })
      .filter((source) => source !== '.');
    expect(fromContext).toEqual(
      expect.arrayContaining(['package.json', 'pnpm-lock.yaml', 'infra/cassandra/cql']),
    );
    for (const source of fromContext) {
      expect([source, existsSync(repoPath(source)), ignored(source)]).toEqual([
        source,
        true,
        false,
      ]);
    }
    for (const path of [
      'apps/gateway/src/main.ts',
      'packages/store-migrations/src/cli.ts',
      'packages/deployment/src/cli/worker-health.ts',
      'bench/package.json',
      'turbo.json',
      'infra/elasticsearch/indices/README.md',
    ]) {
      expect([path, ignored(path)]).toEqual([path, false]);
    }
  });
});
