import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readLocalServersSettings, type LocalServersSettings } from './config.js';

const execFileAsync = promisify(execFile);

/** The Java major version both launchers are built for (Cassandra 5.0's jvm17.options). */
export const REQUIRED_JAVA_MAJOR = 17;

/** A usable JDK 17. */
export interface JavaRuntime {
  /** The `java` executable that runs the servers. */
  executable: string;
  /** Its `java.home` (holds `bin/javac`, which the Elasticsearch install needs). */
  home: string;
  /** `java.version`, e.g. `17.0.15`. */
  version: string;
}

export type JavaStatus = ({ ok: true; reason: '' } & JavaRuntime) | { ok: false; reason: string };

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function locateJava(settings: LocalServersSettings): { path: string } | { reason: string } {
  if (settings.javaHome !== undefined) {
    const path = join(settings.javaHome, 'bin', 'java');
    return isExecutable(path)
      ? { path }
      : { reason: `JAVA_HOME is ${settings.javaHome} but ${path} is not an executable` };
  }
  for (const dir of settings.searchPath) {
    const path = join(dir, 'java');
    if (isExecutable(path)) return { path };
  }
  return {
    reason:
      'no java on PATH and JAVA_HOME is not set (the local Cassandra/Elasticsearch need a JDK 17)',
  };
}

function property(output: string, name: string): string | undefined {
  const match = new RegExp(`^\\s*${name.replace(/\./g, '\\.')} = (.*)$`, 'm').exec(output);
  return match?.[1]?.trim();
}

/**
 * Is there a JDK 17 to run the local servers with? JAVA_HOME wins over PATH. Never throws:
 * `reason` says in one line what is missing.
 */
export async function javaStatus(
  settings: LocalServersSettings = readLocalServersSettings(),
): Promise<JavaStatus> {
  const located = locateJava(settings);
  if ('reason' in located) return { ok: false, reason: located.reason };
  let output: string;
  try {
    // -XshowSettings prints to stderr; `-version` makes the JVM exit right after.
    const { stdout, stderr } = await execFileAsync(
      located.path,
      ['-XshowSettings:properties', '-version'],
      { timeout: 30_000 },
    );
    output = `${stdout}\n${stderr}`;
  } catch (err) {
    return {
      ok: false,
      reason: `${located.path} does not run: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
    };
  }
  const specification = property(output, 'java.specification.version');
  const home = property(output, 'java.home');
  const version = property(output, 'java.version') ?? specification ?? 'unknown';
  if (specification === undefined || home === undefined) {
    return { ok: false, reason: `${located.path} did not report its version` };
  }
  const major = Number.parseInt(specification.replace(/^1\./, ''), 10);
  if (major !== REQUIRED_JAVA_MAJOR) {
    return {
      ok: false,
      reason: `${located.path} is Java ${specification}; the local Cassandra 5.0 needs Java ${REQUIRED_JAVA_MAJOR} (point JAVA_HOME at a JDK ${REQUIRED_JAVA_MAJOR})`,
    };
  }
  if (!existsSync(join(home, 'bin', 'javac'))) {
    return {
      ok: false,
      reason: `${located.path} is a Java ${specification} runtime without javac (${home}); a full JDK ${REQUIRED_JAVA_MAJOR} is needed`,
    };
  }
  return { ok: true, reason: '', executable: located.path, home, version };
}

/** The JDK 17, or an error carrying the one-line reason. */
export async function requireJava(settings: LocalServersSettings): Promise<JavaRuntime> {
  const status = await javaStatus(settings);
  if (!status.ok) throw new Error(`Java 17 is required: ${status.reason}`);
  return { executable: status.executable, home: status.home, version: status.version };
}
