#!/usr/bin/env node
// The `commerce-workflow-bundle` bin. A committed stub that loads the compiled CLI: pnpm links a
// workspace package's bin only when its target exists at install time, and dist/ does not exist
// on a fresh clone until `turbo run build` (which builds this package before any app).
await import('../dist/cli/workflow-bundle.js');
