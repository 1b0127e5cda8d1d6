import { readFileSync } from 'node:fs';

export interface Instruction {
  keyword: string;
  /** The arguments, continuation lines joined with a space. */
  args: string;
}

export interface Stage {
  name: string | undefined;
  from: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARGs before the first FROM, with their defaults. */
  globalArgs: Map<string, string | undefined>;
  stages: Stage[];
}

/** A small parser: comments, line continuations, `FROM x AS name`; enough for structural checks. */
export function parseDockerfile(file: string): Dockerfile {
  const lines = readFileSync(file, 'utf8').split('\n');
  const logical: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (current === '' && (line === '' || line.startsWith('#'))) continue;
    if (current !== '' && line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1).trim()} `;
      continue;
    }
    logical.push(`${current}${line}`.trim());
    current = '';
  }
  const globalArgs = new Map<string, string | undefined>();
  const stages: Stage[] = [];
  for (const line of logical) {
    const match = /^(\w+)\s*(.*)$/s.exec(line);
    if (match === null) continue;
    const keyword = (match[1] ?? '').toUpperCase();
    const args = match[2] ?? '';
    if (keyword === 'FROM') {
      const from = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args.replace(/--platform=\S+\s+/, ''));
      stages.push({ name: from?.[2], from: from?.[1] ?? args, instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (stage === undefined) {
      if (keyword === 'ARG') {
        const [name, value] = args.split('=', 2);
        globalArgs.set((name ?? '').trim(), value?.trim());
      }
      continue;
    }
    stage.instructions.push({ keyword, args });
  }
  return { globalArgs, stages };
}

export function stage(dockerfile: Dockerfile, name: string): Stage {
  const found = dockerfile.stages.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no stage ${name} in the Dockerfile`);
  return found;
}

/** The stage and its ancestors inside this Dockerfile (FROM <stage>), nearest first. */
export function lineage(dockerfile: Dockerfile, name: string): Stage[] {
  const chain: Stage[] = [];
  let next: Stage | undefined = stage(dockerfile, name);
  while (next !== undefined) {
    chain.push(next);
    const parent: string = next.from;
    next = dockerfile.stages.find((s) => s.name === parent);
  }
  return chain;
}

/** The last value of an instruction along the lineage (e.g. the effective USER, CMD, WORKDIR). */
export function effective(
  dockerfile: Dockerfile,
  name: string,
  keyword: string,
): string | undefined {
  for (const s of lineage(dockerfile, name)) {
    const found = s.instructions.filter((i) => i.keyword === keyword).at(-1);
    if (found !== undefined) return found.args;
  }
  return undefined;
}

/** `KEY=value` pairs of every ENV along the lineage (nearer stages win). */
export function environment(dockerfile: Dockerfile, name: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const s of lineage(dockerfile, name).reverse()) {
    for (const i of s.instructions.filter((x) => x.keyword === 'ENV')) {
      for (const pair of i.args.match(/\S+=("[^"]*"|\S+)/g) ?? []) {
        const eq = pair.indexOf('=');
        env.set(pair.slice(0, eq), pair.slice(eq + 1).replace(/^"|"$/g, ''));
      }
    }
  }
  return env;
}

/** The exec-form command of a HEALTHCHECK (`HEALTHCHECK [--options] CMD ["..."]`). */
export function healthcheckCommand(args: string): string[] {
  const json = /\bCMD\s+(\[.*\])\s*$/s.exec(args)?.[1];
  if (json === undefined) throw new Error(`HEALTHCHECK is not in exec form: ${args}`);
  return JSON.parse(json) as string[];
}
