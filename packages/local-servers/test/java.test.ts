import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLocalServersSettings } from '../src/config.js';
import { javaStatus } from '../src/java.js';
import { javaSkipReason, makeTempDir } from './helpers.js';

const skipReason = await javaSkipReason();

/** A JAVA_HOME whose bin/java prints what `java -XshowSettings:properties -version` would. */
function fakeJavaHome(root: string, spec: string, withJavac: boolean): string {
  const home = join(root, `jdk-${spec}-${withJavac ? 'jdk' : 'jre'}`);
  mkdirSync(join(home, 'bin'), { recursive: true });
  const java = join(home, 'bin', 'java');
  writeFileSync(
    java,
    `#!/bin/sh\necho "    java.home = ${home}" >&2\necho "    java.specification.version = ${spec}" >&2\necho "    java.version = ${spec}.0.1" >&2\n`,
  );
  chmodSync(java, 0o755);
  if (withJavac) {
    writeFileSync(join(home, 'bin', 'javac'), '#!/bin/sh\n');
    chmodSync(join(home, 'bin', 'javac'), 0o755);
  }
  return home;
}

describe('javaStatus', () => {
  const temp = makeTempDir('java');
  afterAll(() => temp.remove());

  it.skipIf(skipReason !== undefined)("finds this machine's JDK 17", async () => {
    const status = await javaStatus();
    expect(status).toMatchObject({ ok: true, reason: '' });
    expect(status.ok && status.version).toMatch(/^17\./);
  });

  it('prefers JAVA_HOME and accepts a JDK 17 there', async () => {
    const home = fakeJavaHome(temp.dir, '17', true);
    const status = await javaStatus(readLocalServersSettings({ JAVA_HOME: home, PATH: '' }));
    expect(status).toEqual({
      ok: true,
      reason: '',
      executable: join(home, 'bin', 'java'),
      home,
      version: '17.0.1',
    });
  });

  it('refuses another Java major version with a one-line reason', async () => {
    const home = fakeJavaHome(temp.dir, '21', true);
    const status = await javaStatus(readLocalServersSettings({ JAVA_HOME: home }));
    expect(status.ok).toBe(false);
    expect(status.reason).toMatch(/is Java 21; the local Cassandra 5\.0 needs Java 17/);
    expect(status.reason).not.toContain('\n');
  });

  it('refuses a Java 17 runtime without javac', async () => {
    const home = fakeJavaHome(temp.dir, '17', false);
    const status = await javaStatus(readLocalServersSettings({ JAVA_HOME: home }));
    expect(status.ok).toBe(false);
    expect(status.reason).toMatch(/without javac/);
  });

  it('explains a JAVA_HOME without bin/java and a PATH without java', async () => {
    const broken = await javaStatus(
      readLocalServersSettings({ JAVA_HOME: join(temp.dir, 'nowhere') }),
    );
    expect(broken).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /JAVA_HOME is .*nowhere but .* is not an executable/,
      ) as unknown,
    });
    const none = await javaStatus(readLocalServersSettings({ PATH: join(temp.dir, 'empty-bin') }));
    expect(none).toEqual({
      ok: false,
      reason: expect.stringMatching(/no java on PATH and JAVA_HOME is not set/) as unknown,
    });
  });
});
