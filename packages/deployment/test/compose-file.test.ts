// docker-compose.yml checked without a Docker engine (`docker compose config` cannot run here):
// structure, references to files of this repository, and agreement with each app's config.ts.
import { COMMERCE_SEARCH_ATTRIBUTES } from '@commerce/temporal-server';
import { StoreMigrationsEnvSchema } from '@commerce/store-migrations';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appServices,
  builtServices,
  composeText,
  loadCompose,
  type ComposeService,
} from './support/compose.js';
import { configEnvKeys } from './support/config-keys.js';
import { effective, environment, lineage, parseDockerfile, stage } from './support/dockerfile.js';
import { REPO_ROOT, repoPath } from './support/repo.js';
import { findWorkerApps } from '@commerce/process-kit';

const compose = loadCompose();
const services = compose.services;
const apps = appServices(compose);
// THE list of domain worker apps (apps/<name>/src/worker.ts), as dev-stack uses it.
const workerApps = findWorkerApps(REPO_ROOT).map((app) => app.name);

function dockerfileOf(spec: ComposeService) {
  if (spec.build === undefined) throw new Error('not a built service');
  return parseDockerfile(join(repoPath(spec.build.context), spec.build.dockerfile ?? 'Dockerfile'));
}

function env(service: string): Record<string, string> {
  return services[service]?.environment ?? {};
}

/** The image's HEALTHCHECK for built services, else the compose healthcheck. */
function hasHealthcheck(service: string): boolean {
  const spec = services[service];
  if (spec === undefined) return false;
  if (spec.healthcheck !== undefined) return true;
  if (spec.build?.target === undefined) return false;
  return effective(dockerfileOf(spec), spec.build.target, 'HEALTHCHECK') !== undefined;
}

function isOneShot(spec: ComposeService): boolean {
  return spec.restart === 'no' && (spec.ports ?? []).length === 0;
}

describe('docker-compose.yml', () => {
  it('parses as YAML into services that each have an image or a build', () => {
    expect(Object.keys(services).length).toBeGreaterThanOrEqual(9);
    for (const [name, spec] of Object.entries(services)) {
      expect([name, (spec.image === undefined) !== (spec.build === undefined)]).toEqual([
        name,
        true,
      ]);
    }
    // The stack the production-profile issue asks for.
    expect(Object.keys(services).sort()).toEqual(
      expect.arrayContaining([
        'cassandra',
        'elasticsearch',
        'temporal',
        'temporal-schema',
        'temporal-ui',
        'migrations',
        'gateway',
        'inventory-worker',
      ]),
    );
  });

  it('pins every image to a version, matching the versions the local launchers run', () => {
    for (const [name, spec] of Object.entries(services)) {
      if (spec.image === undefined) continue;
      const tag = /:([^/:]+)$/.exec(spec.image)?.[1];
      expect([name, tag !== undefined && tag !== 'latest']).toEqual([name, true]);
    }
    const pomVersion = (pom: string, property: RegExp) =>
      property.exec(readFileSync(repoPath(pom), 'utf8'))?.[1] ?? 'missing';
    const cassandra = pomVersion('infra/cassandra/pom.xml', /<cassandra\.version>([^<]+)</);
    const elasticsearch = pomVersion('infra/elasticsearch/pom.xml', /<es\.version>([^<]+)</);
    expect(services.cassandra?.image).toBe(
      `cassandra:${cassandra.split('.').slice(0, 2).join('.')}`,
    );
    expect(services.elasticsearch?.image).toBe(`elasticsearch:${elasticsearch}`);
    // The schema jobs' tools and the server come from one Temporal release.
    const version = (image: string | undefined) => image?.split(':')[1];
    expect(version(services['temporal-schema']?.image)).toBe(version(services.temporal?.image));
    expect(version(services['temporal-namespace']?.image)).toBe(version(services.temporal?.image));
  });

  it('builds every built service from an existing context, Dockerfile, stage and declared build args', () => {
    expect(
      builtServices(compose)
        .map(([name]) => name)
        .sort(),
    ).toEqual(['migrations', ...apps.map((a) => a.service)].sort());
    for (const [name, spec] of builtServices(compose)) {
      const context = repoPath(spec.build.context);
      expect([name, existsSync(context) && statSync(context).isDirectory()]).toEqual([name, true]);
      const file = join(context, spec.build.dockerfile ?? 'Dockerfile');
      expect([name, existsSync(file)]).toEqual([name, true]);
      const dockerfile = parseDockerfile(file);
      expect(spec.build.target, name).toBeDefined();
      const target = stage(dockerfile, spec.build.target ?? '');
      const declared = new Set([
        ...dockerfile.globalArgs.keys(),
        ...lineage(dockerfile, target.name ?? '').flatMap((s) =>
          s.instructions
            .filter((i) => i.keyword === 'ARG')
            .map((i) => i.args.split('=')[0]?.trim()),
        ),
        ...dockerfile.stages.flatMap((s) =>
          s.instructions
            .filter((i) => i.keyword === 'ARG')
            .map((i) => i.args.split('=')[0]?.trim()),
        ),
      ]);
      for (const arg of Object.keys(spec.build.args ?? {})) {
        expect([name, arg, declared.has(arg)]).toEqual([name, arg, true]);
      }
    }
  });

  it('runs each app from its own package, the gateway with the gateway stage and workers with the worker stage', () => {
    // One service per discovered worker app, named <app>-worker, plus the gateway.
    expect(workerApps).toContain('inventory');
    expect(apps.map((a) => a.app).sort()).toEqual([...workerApps, 'gateway'].sort());
    for (const app of workerApps)
      expect(apps.find((a) => a.app === app)?.service).toBe(`${app}-worker`);
    for (const { service, app, spec } of apps) {
      const manifest = JSON.parse(readFileSync(repoPath('apps', app, 'package.json'), 'utf8')) as {
        name: string;
      };
      expect(manifest.name).toBe(`@commerce/${app}`);
      const isWorker = existsSync(repoPath('apps', app, 'src', 'worker.ts'));
      expect([service, spec.build.target]).toEqual([service, isWorker ? 'worker' : 'gateway']);
    }
  });

  it("sets only environment variables each app's config.ts knows, and every one it requires", async () => {
    for (const { service, app } of apps) {
      const known = await configEnvKeys(app);
      // The schema is read: the shared names are found in every app.
      // (A worker that keeps no tables — the checkout — has no store keys at all.)
      for (const shared of ['TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'LOG_LEVEL']) {
        expect([app, shared, known.has(shared)]).toEqual([app, shared, true]);
      }
      const unknown = Object.keys(env(service)).filter((name) => !known.has(name));
      expect([service, unknown]).toEqual([service, []]);
      const missing = [...known.values()]
        .filter((key) => key.required === true && env(service)[key.name] === undefined)
        .map((key) => key.name);
      expect([service, missing]).toEqual([service, []]);
    }
    const migrationKeys = Object.keys(StoreMigrationsEnvSchema.properties);
    expect(Object.keys(env('migrations')).filter((name) => !migrationKeys.includes(name))).toEqual(
      [],
    );
    // TypeBox lists defaulted keys as required too: required here = no default and not optional.
    const migrationsRequired = (StoreMigrationsEnvSchema.required ?? []).filter(
      (key) =>
        (StoreMigrationsEnvSchema.properties as Record<string, { default?: unknown }>)[key]
          ?.default === undefined,
    );
    expect(migrationsRequired.sort()).toEqual(['CASSANDRA_CONTACT_POINTS', 'ELASTICSEARCH_URL']);
    for (const required of migrationsRequired) {
      expect(env('migrations')[required], required).toBeDefined();
    }
  });

  it('gives every ${VAR} a default or a required marker', () => {
    const text = composeText().replace(/\$\$/g, '');
    const uses = [...text.matchAll(/\$\{([^}]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g)];
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) {
      const expression = use[1];
      expect([
        use[0],
        expression !== undefined && /^[A-Za-z_][A-Za-z0-9_]*(:?-|:?\?)/.test(expression),
      ]).toEqual([use[0], true]);
    }
    expect(env('gateway').ADMIN_BOOTSTRAP_TOKEN).toMatch(/^\$\{ADMIN_BOOTSTRAP_TOKEN:\?.+\}$/);
  });

  it('orders the start with depends_on conditions that fit their targets', async () => {
    for (const [name, spec] of Object.entries(services)) {
      for (const [target, { condition }] of Object.entries(spec.depends_on ?? {})) {
        expect([name, target, services[target] !== undefined]).toEqual([name, target, true]);
        const targetSpec = services[target] as ComposeService;
        if (condition === 'service_healthy') {
          expect([name, target, hasHealthcheck(target)]).toEqual([name, target, true]);
        } else if (condition === 'service_completed_successfully') {
          expect([name, target, isOneShot(targetSpec)]).toEqual([name, target, true]);
        } else {
          expect([name, target, condition]).toEqual([name, target, 'service_started']);
        }
      }
    }
    // Every app waits for the namespace, and every app with a store for our schema; both jobs
    // wait for healthy stores.
    for (const { service, app } of apps) {
      expect(services[service]?.depends_on).toMatchObject({
        'temporal-namespace': { condition: 'service_completed_successfully' },
      });
      if ((await configEnvKeys(app)).has('SQLITE_PATH')) {
        expect([service, services[service]?.depends_on?.migrations]).toEqual([
          service,
          { condition: 'service_completed_successfully' },
        ]);
      }
    }
    for (const job of ['migrations', 'temporal-schema']) {
      expect(services[job]?.depends_on).toMatchObject({
        cassandra: { condition: 'service_healthy' },
        elasticsearch: { condition: 'service_healthy' },
      });
    }
    expect(services.temporal?.depends_on).toMatchObject({
      'temporal-schema': { condition: 'service_completed_successfully' },
    });
  });

  it('has health checks for the stateful services, the Temporal server and every app', () => {
    for (const name of ['cassandra', 'elasticsearch', 'temporal', ...apps.map((a) => a.service)]) {
      expect([name, hasHealthcheck(name)]).toEqual([name, true]);
    }
    const test = (name: string) => JSON.stringify(services[name]?.healthcheck?.test);
    expect(test('cassandra')).toMatch(/cqlsh/);
    expect(test('elasticsearch')).toMatch(/_cluster\/health/);
  });

  it('publishes the gateway on 3000 and the Temporal UI on 8233', () => {
    expect(services.gateway?.ports).toContain(`3000:${env('gateway').PORT}`);
    expect(services['temporal-ui']?.ports).toContain('8233:8080');
    expect(env('gateway').HOST).toBe('0.0.0.0');
  });

  it('mounts only files that exist, and points Temporal at its dynamic config', () => {
    for (const [name, spec] of Object.entries(services)) {
      for (const volume of spec.volumes ?? []) {
        const [source] = volume.split(':');
        if (source === undefined || !source.startsWith('.')) {
          expect([
            name,
            source,
            compose.volumes !== undefined && source !== undefined && source in compose.volumes,
          ]).toEqual([name, source, true]);
          continue;
        }
        expect([name, source, existsSync(repoPath(source))]).toEqual([name, source, true]);
      }
    }
    const mount =
      services.temporal?.volumes?.find((v) => v.includes('dynamicconfig'))?.split(':') ?? [];
    const path = env('temporal').DYNAMIC_CONFIG_FILE_PATH ?? '';
    expect(path.startsWith(`${mount[1]}/`)).toBe(true);
    expect(existsSync(repoPath(mount[0] ?? '', posix.relative(mount[1] ?? '', path)))).toBe(true);
    for (const job of ['temporal-schema', 'temporal-namespace']) {
      const script = services[job]?.entrypoint?.at(-1);
      const bind = services[job]?.volumes?.find((v) => v.split(':')[1] === script);
      expect([job, bind !== undefined]).toEqual([job, true]);
    }
  });

  it('points each worker at the prebuilt workflow bundle inside its image and health-checks its task queue', async () => {
    for (const { service, app, spec } of apps.filter((a) => a.spec.build.target === 'worker')) {
      const dockerfile = dockerfileOf(spec);
      const workdir = effective(dockerfile, 'worker', 'WORKDIR');
      // The worker image names its own bundle (runWorkerProcess then requires it); compose leaves it.
      expect(environment(dockerfile, 'worker').get('WORKFLOW_BUNDLE')).toBe(
        posix.join(workdir ?? '', 'dist', 'workflow-bundle.js'),
      );
      expect([service, env(service).WORKFLOW_BUNDLE]).toEqual([service, undefined]);
      expect([app, (await configEnvKeys(app)).has('WORKFLOW_BUNDLE')]).toEqual([app, true]);
      // The app's build really writes that bundle (the apps are built before this test).
      expect([app, existsSync(repoPath('apps', app, 'dist', 'workflow-bundle.js'))]).toEqual([
        app,
        true,
      ]);
      // The probe's queue (the APP build arg) is the queue the worker polls.
      expect(environment(dockerfile, 'worker').get('HEALTHCHECK_TASK_QUEUE')).toBe('${APP}');
      const contract = (await import(`@commerce/contracts/${app}`)) as Record<string, unknown>;
      const queueConstant = `${app.toUpperCase().replace(/-/g, '_')}_TASK_QUEUE`;
      expect([app, contract[queueConstant]]).toEqual([app, app]);
    }
  });

  it('agrees across services: namespace, search attributes, store addresses, keyspaces, index prefix', () => {
    const namespace = env('temporal-namespace').TEMPORAL_NAMESPACE;
    const registered = (env('temporal-namespace').COMMERCE_SEARCH_ATTRIBUTES ?? '').split(/\s+/);
    for (const [name, type] of Object.entries(COMMERCE_SEARCH_ATTRIBUTES)) {
      expect(registered).toContain(`${name}=${type}`);
    }
    expect(env('temporal').ES_VIS_INDEX).toBe(env('temporal-schema').ES_VISIBILITY_INDEX);
    const consumers = ['migrations', ...apps.map((a) => a.service)];
    for (const service of consumers) {
      const e = env(service);
      if (service !== 'migrations') {
        expect([service, e.TEMPORAL_NAMESPACE]).toEqual([service, namespace]);
        expect([service, e.TEMPORAL_ADDRESS]).toEqual([service, 'temporal:7233']);
      }
      if (e.ELASTICSEARCH_URL !== undefined) {
        expect([service, e.ELASTICSEARCH_URL]).toEqual([
          service,
          env('migrations').ELASTICSEARCH_URL,
        ]);
        expect([service, e.ELASTICSEARCH_INDEX_PREFIX]).toEqual([
          service,
          env('migrations').ELASTICSEARCH_INDEX_PREFIX,
        ]);
      }
      if (e.CASSANDRA_CONTACT_POINTS !== undefined) {
        expect([service, e.CASSANDRA_CONTACT_POINTS]).toEqual([
          service,
          env('migrations').CASSANDRA_CONTACT_POINTS,
        ]);
        expect([service, e.CASSANDRA_LOCAL_DATACENTER]).toEqual([
          service,
          env('migrations').CASSANDRA_LOCAL_DATACENTER,
        ]);
      }
    }
    // The migrations job applies every folder of infra/cassandra/cql without a prefix, so each
    // keyspace an app is told to use must be one of those folders.
    expect(env('migrations').CASSANDRA_KEYSPACE_PREFIX).toBeUndefined();
    const folders = readdirSync(repoPath('infra/cassandra/cql'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    for (const { service } of apps) {
      for (const [name, value] of Object.entries(env(service))) {
        if (!name.startsWith('CASSANDRA_KEYSPACE_')) continue;
        expect([service, name, folders]).toEqual([service, name, expect.arrayContaining([value])]);
      }
    }
  });
});
