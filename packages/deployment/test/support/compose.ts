import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { repoPath } from './repo.js';

export const COMPOSE_FILE = repoPath('docker-compose.yml');

export interface ComposeBuild {
  context: string;
  dockerfile?: string;
  target?: string;
  args?: Record<string, string>;
}

export interface ComposeService {
  image?: string;
  build?: ComposeBuild;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string; interval?: string; retries?: number };
  ports?: string[];
  volumes?: string[];
  entrypoint?: string[];
  restart?: string;
  init?: boolean;
}

export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

export function composeText(): string {
  return readFileSync(COMPOSE_FILE, 'utf8');
}

/** docker-compose.yml parsed as YAML (strict: duplicate keys are errors). */
export function loadCompose(): ComposeFile {
  return parse(composeText(), { uniqueKeys: true, strict: true }) as ComposeFile;
}

/** Services built from the repository (one per app, plus the migrations job). */
export function builtServices(
  compose: ComposeFile,
): [string, ComposeService & { build: ComposeBuild }][] {
  return Object.entries(compose.services).filter(
    (entry): entry is [string, ComposeService & { build: ComposeBuild }] =>
      entry[1].build !== undefined,
  );
}

/** Services that run one of apps/* (build arg APP). */
export function appServices(
  compose: ComposeFile,
): { service: string; app: string; spec: ComposeService & { build: ComposeBuild } }[] {
  return builtServices(compose)
    .filter(([, spec]) => spec.build.args?.APP !== undefined)
    .map(([service, spec]) => ({ service, app: spec.build.args?.APP ?? '', spec }));
}
