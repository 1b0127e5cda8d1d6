#!/usr/bin/env node
// The developer's local production-profile servers: `install`, `up`, `down`, `status`.
import { runCli } from '@commerce/process-kit';
import { readLocalServersSettings } from './config.js';
import {
  DEVELOPER_PORTS,
  downStack,
  stackLayout,
  stackStatus,
  upStack,
} from './developer-stack.js';
import { ensureCassandraInstalled, ensureElasticsearchInstalled } from './install.js';
import { javaStatus } from './java.js';
import { runWithStores } from './with-stores.js';

const USAGE = `usage: node packages/local-servers/dist/cli.js <command>

commands:
  install   install both launchers into the cache (Maven Central jars; idempotent)
  up        start Cassandra (127.0.0.1:${DEVELOPER_PORTS.cassandraNative}, storage ${DEVELOPER_PORTS.cassandraStorage}) and Elasticsearch
            (127.0.0.1:${DEVELOPER_PORTS.elasticsearchHttp}) in the background, wait until both are ready, exit;
            data under .data/infra/, logs under .data/infra/logs/, PIDs in .data/infra/state.json
  down      stop the servers recorded in .data/infra/state.json (by PID)
  status    show the recorded servers and whether they answer
  java      show which Java would run the servers
  with-stores -- <command…>
            run the command with one Cassandra and one Elasticsearch (free ports, throwaway data)
            in CASSANDRA_CONTACT_POINTS / ELASTICSEARCH_URL, stopped when it ends (pnpm test uses it)

settings: JAVA_HOME (else java on PATH; must be JDK 17), COMMERCE_CACHE_DIR (default <workspace>/.cache)`;

const say = (line: string): void => console.log(line);

await runCli({
  usage: USAGE,
  prepare: () => readLocalServersSettings(),
  commands: {
    install: async (settings) => {
      for (const [name, ensure] of [
        ['elasticsearch', ensureElasticsearchInstalled],
        ['cassandra', ensureCassandraInstalled],
      ] as const) {
        const result = await ensure({ settings });
        say(result.output.trimEnd());
        say(`${name}: install checked in ${(result.durationMs / 1000).toFixed(1)} s`);
      }
      return 0;
    },
    up: async (settings) => {
      const { state, alreadyRunning } = await upStack(settings, say);
      for (const name of alreadyRunning) say(`${name}: already running (pid ${state[name]?.pid})`);
      say('');
      say(`CASSANDRA_CONTACT_POINTS=${state.cassandra?.address}`);
      say(`ELASTICSEARCH_URL=${state.elasticsearch?.address}`);
      say(`stop with: pnpm infra:down   (state: ${stackLayout(settings).stateFile})`);
      return 0;
    },
    down: async (settings) => {
      await downStack(settings, say);
      return 0;
    },
    status: async (settings) => {
      const health = await stackStatus(settings);
      if (health.length === 0) say('no servers recorded (run `pnpm infra:up`)');
      for (const h of health) {
        say(
          `${h.name}: ${h.ready ? 'ready' : h.running ? 'running, not ready' : 'down'} — pid ${h.pid}, ${h.address}, ${h.detail}`,
        );
      }
      return health.length > 0 && health.every((h) => h.ready) ? 0 : 1;
    },
    'with-stores': async (settings) => {
      const dashes = process.argv.indexOf('--');
      const command = dashes === -1 ? process.argv.slice(3) : process.argv.slice(dashes + 1);
      return await runWithStores({ settings, command, env: process.env, say });
    },
    java: async (settings) => {
      const status = await javaStatus(settings);
      say(
        status.ok
          ? `java ${status.version}: ${status.executable} (home ${status.home})`
          : `no usable Java: ${status.reason}`,
      );
      return status.ok ? 0 : 1;
    },
  },
});
