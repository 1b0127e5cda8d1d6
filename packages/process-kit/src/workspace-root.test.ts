import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findWorkspaceRoot } from './workspace-root.js';

describe('findWorkspaceRoot', () => {
  it('finds the monorepo root from a folder inside it', () => {
    const root = findWorkspaceRoot(import.meta.dirname);
    expect(root).toBeDefined();
    expect(existsSync(join(root ?? '', 'pnpm-workspace.yaml'))).toBe(true);
    expect(import.meta.dirname.startsWith(join(root ?? '', 'packages', 'process-kit'))).toBe(true);
  });

  it('returns undefined outside a workspace', () => {
    expect(findWorkspaceRoot(tmpdir())).toBeUndefined();
  });
});
