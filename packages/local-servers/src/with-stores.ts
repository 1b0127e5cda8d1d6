import { spawn } from 'node:child_process';
import { startCassandra, type RunningCassandra } from './cassandra.js';
import type { LocalServersSettings } from './config.js';
import { startElasticsearch, type RunningElasticsearch } from './elasticsearch.js';
import { ensureCassandraInstalled, ensureElasticsearchInstalled } from './install.js';
import { javaStatus } from './java.js';

export interface WithStoresOptions {
  settings: LocalServersSettings;
  /** The command to run with the stores' addresses in its environment. */
  command: readonly string[];
  /** The environment the command inherits (the caller passes its own). */
  env: Record<string, string | undefined>;
  say: (line: string) => void;
}

/**
 * Runs `command` with ONE Cassandra and ONE Elasticsearch for all of it: both start in parallel on
 * free ports with throwaway data, their addresses go into CASSANDRA_CONTACT_POINTS /
 * CASSANDRA_LOCAL_DATACENTER / ELASTICSEARCH_URL, and they stop (by PID) when the command ends.
 * `pnpm test` uses it so every package's store suites share one pair instead of each starting
 * its own. Addresses already in the environment are used as they are; without Java the command
 * runs without them (each suite then reports its skip, which CI=true turns into a failure).
 * Resolves with the command's exit code.
 */
export async function runWithStores(options: WithStoresOptions): Promise<number> {
  const { settings, command, say } = options;
  const env = { ...options.env };
  const [executable, ...args] = command;
  if (executable === undefined) throw new Error('with-stores needs a command after --');

  const started: (RunningCassandra | RunningElasticsearch)[] = [];
  const needCassandra = !env.CASSANDRA_CONTACT_POINTS;
  const needElasticsearch = !env.ELASTICSEARCH_URL;
  try {
    if (needCassandra || needElasticsearch) {
      const java = await javaStatus(settings);
      if (!java.ok) {
        say(`with-stores: no Cassandra/Elasticsearch started (${java.reason})`);
      } else {
        if (needCassandra) await ensureCassandraInstalled({ settings });
        if (needElasticsearch) await ensureElasticsearchInstalled({ settings });
        const began = Date.now();
        const [cassandra, elasticsearch] = await Promise.allSettled([
          needCassandra ? startCassandra() : Promise.resolve(undefined),
          needElasticsearch ? startElasticsearch() : Promise.resolve(undefined),
        ]);
        for (const result of [cassandra, elasticsearch]) {
          if (result.status === 'fulfilled' && result.value) started.push(result.value);
        }
        if (cassandra.status === 'rejected') throw cassandra.reason;
        if (elasticsearch.status === 'rejected') throw elasticsearch.reason;
        if (cassandra.value) {
          env.CASSANDRA_CONTACT_POINTS = cassandra.value.contactPoints.join(',');
          env.CASSANDRA_LOCAL_DATACENTER = cassandra.value.localDataCenter;
        }
        if (elasticsearch.value) env.ELASTICSEARCH_URL = elasticsearch.value.url;
        say(
          `with-stores: Cassandra ${env.CASSANDRA_CONTACT_POINTS}, Elasticsearch ${env.ELASTICSEARCH_URL} ` +
            `(ready in ${((Date.now() - began) / 1000).toFixed(1)} s; stopped when the command ends)`,
        );
      }
    }
    return await runForeground(executable, args, env);
  } finally {
    await Promise.allSettled(started.map((server) => server.stop()));
  }
}

/** Runs a command with inherited stdio; SIGINT/SIGTERM are passed on to it. */
function runForeground(executable: string, args: string[], env: Record<string, string | undefined>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { stdio: 'inherit', env });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(code ?? (signal ? 128 + 15 : 1));
    });
  });
}
