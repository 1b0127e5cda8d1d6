import { readFileSync } from 'node:fs';

/**
 * Whether a context path is excluded by .dockerignore: patterns in order, the last match wins,
 * `!` re-includes, `**` spans folders, `*` and `?` stay within one; a pattern also excludes
 * everything below a matched folder. (Docker's rules, for the pattern forms this repo uses.)
 */
export function dockerignoreMatcher(file: string): (path: string) => boolean {
  const rules = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!');
      const pattern = (negate ? line.slice(1) : line).replace(/^\/+|\/+$/g, '');
      let regex = '';
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i] ?? '';
        if (c === '*' && pattern[i + 1] === '*') {
          i++;
          if (pattern[i + 1] === '/') {
            regex += '(?:.*/)?';
            i++;
          } else regex += '.*';
        } else if (c === '*') regex += '[^/]*';
        else if (c === '?') regex += '[^/]';
        else regex += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
      }
      return { negate, regex: new RegExp(`^${regex}(/.*)?$`) };
    });
  return (path: string) => {
    let excluded = false;
    for (const rule of rules) if (rule.regex.test(path)) excluded = !rule.negate;
    return excluded;
  };
}
