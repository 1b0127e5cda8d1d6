import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { workspacePackages } from './repo.js';

/**
 * The environment variables an app's `src/config.ts` knows, read from the source text (apps
 * never import apps, and a test must not either): the TypeBox object passed to `parseEnv`, its
 * keys, and `...OtherSchema.properties` spreads resolved through local constants or `@commerce/*`
 * imports (e.g. TemporalSettingsSchema of @commerce/worker-runtime). A key is `required` when its
 * schema is a plain `Type.X(...)` without `default:` and not `Type.Optional(...)`; for anything
 * else (helper calls) required-ness is `undefined` (unknown).
 */
export interface EnvKey {
  name: string;
  required: boolean | undefined;
}

/** The text without comments, with string contents kept (a `//` inside a URL pattern stays). */
function stripComments(text: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quote !== undefined) {
      out += c;
      if (c === '\\') {
        out += text[i + 1] ?? '';
        i++;
      } else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    out += c;
  }
  return out;
}

/** The text between the bracket at `open` and its partner (strings respected). */
function balanced(text: string, open: number): string {
  const pairs: Record<string, string> = { '(': ')', '{': '}', '[': ']' };
  const stack: string[] = [];
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quote !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (pairs[c] !== undefined) stack.push(pairs[c]);
    else if (c === stack.at(-1)) {
      stack.pop();
      if (stack.length === 0) return text.slice(open + 1, i);
    }
  }
  throw new Error(`unbalanced bracket at ${open}`);
}

/** Splits at commas that are not nested in brackets or strings. */
function topLevelEntries(body: string): string[] {
  const entries: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (quote !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('({['.includes(c)) depth++;
    else if (')}]'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      entries.push(body.slice(start, i));
      start = i + 1;
    }
  }
  entries.push(body.slice(start));
  return entries.map((e) => e.trim()).filter((e) => e !== '');
}

function objectBody(text: string, constName: string): string | undefined {
  const match = new RegExp(`\\bconst\\s+${constName}\\s*=\\s*Type\\.Object\\(\\s*\\{`).exec(text);
  if (match === null) return undefined;
  return balanced(text, match.index + match[0].length - 1);
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return entry.endsWith('.ts') && !entry.endsWith('.test.ts') ? [path] : [];
  });
}

function resolveSpread(text: string, name: string, depth: number): EnvKey[] {
  const local = objectBody(text, name);
  if (local !== undefined) return keysOfBody(text, local, depth + 1);
  const imported = new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*'([^']+)'`).exec(
    text,
  );
  const specifier = imported?.[1];
  if (specifier === undefined || !specifier.startsWith('@commerce/')) {
    throw new Error(`cannot resolve the schema spread ...${name}.properties`);
  }
  const pkg = workspacePackages().get(specifier.split('/').slice(0, 2).join('/'));
  if (pkg === undefined) throw new Error(`no workspace package for ${specifier}`);
  for (const file of tsFiles(join(pkg.dir, 'src'))) {
    const source = stripComments(readFileSync(file, 'utf8'));
    const body = objectBody(source, name);
    if (body !== undefined) return keysOfBody(source, body, depth + 1);
  }
  throw new Error(`${name} (imported from ${specifier}) is not a Type.Object in ${pkg.dir}/src`);
}

function keysOfBody(text: string, body: string, depth: number): EnvKey[] {
  if (depth > 5) throw new Error('schema spreads nested too deeply');
  const keys: EnvKey[] = [];
  for (const entry of topLevelEntries(body)) {
    const spread = /^\.\.\.\s*(\w+)\.properties$/.exec(entry);
    if (spread !== null) {
      keys.push(...resolveSpread(text, spread[1] ?? '', depth));
      continue;
    }
    const prop = /^(?:'([^']+)'|"([^"]+)"|(\w+))\s*:\s*([\s\S]+)$/.exec(entry);
    if (prop === null) throw new Error(`cannot read the schema entry: ${entry.slice(0, 80)}`);
    const name = prop[1] ?? prop[2] ?? prop[3] ?? '';
    const expression = (prop[4] ?? '').trim();
    const required = expression.startsWith('Type.Optional(')
      ? false
      : /\bdefault\s*:/.test(expression)
        ? false
        : expression.startsWith('Type.')
          ? true
          : undefined;
    keys.push({ name, required });
  }
  return keys;
}

/** The keys of the schema that `configFile` passes to `parseEnv(...)`. */
export function configEnvKeys(configFile: string): Map<string, EnvKey> {
  const text = stripComments(readFileSync(configFile, 'utf8'));
  const schemaNames = [...text.matchAll(/parseEnv\(\s*(\w+)/g)].map((m) => m[1] ?? '');
  if (schemaNames.length === 0)
    throw new Error(`${configFile} never calls parseEnv(<schema>, ...)`);
  const keys = new Map<string, EnvKey>();
  for (const schemaName of schemaNames) {
    const body = objectBody(text, schemaName);
    if (body === undefined)
      throw new Error(`${configFile}: no \`const ${schemaName} = Type.Object({...})\``);
    for (const key of keysOfBody(text, body, 0)) keys.set(key.name, key);
  }
  return keys;
}
