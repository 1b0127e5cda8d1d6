import { findWorkspaceRoot } from '@commerce/process-kit';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTemporalServerSettings } from './config.js';

describe('readTemporalServerSettings', () => {
  it('defaults the cache to .cache at the workspace root', () => {
    const settings = readTemporalServerSettings({});
    const root = findWorkspaceRoot(import.meta.dirname);
    expect(root).toBeDefined();
    expect(existsSync(join(root ?? '', 'pnpm-workspace.yaml'))).toBe(true);
    expect(settings.cacheDir).toBe(join(root ?? '', '.cache'));
    expect(settings.cliPath).toBeUndefined();
    expect(settings.testServerPath).toBeUndefined();
    expect(settings.searchPath).toEqual([]);
  });

  it('reads explicit paths (relative ones against the cwd) and splits PATH', () => {
    const settings = readTemporalServerSettings({
      TEMPORAL_CLI_PATH: 'bin/temporal',
      TEMPORAL_TEST_SERVER_PATH: '/opt/tts',
      COMMERCE_CACHE_DIR: ' /var/cache/commerce ',
      PATH: '/a::/b',
    });
    expect(settings.cliPath).toBe(resolve('bin/temporal'));
    expect(settings.testServerPath).toBe('/opt/tts');
    expect(settings.cacheDir).toBe('/var/cache/commerce');
    expect(settings.searchPath).toEqual(['/a', '/b']);
  });

  it('treats empty values as unset', () => {
    const settings = readTemporalServerSettings({
      TEMPORAL_CLI_PATH: '',
      COMMERCE_CACHE_DIR: '  ',
    });
    expect(settings.cliPath).toBeUndefined();
    expect(settings.cacheDir.endsWith('.cache')).toBe(true);
  });
});
