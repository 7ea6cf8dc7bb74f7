import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The README's "same with the CLI" lines must be the commands `npm run example` runs, flag for flag
// (they once left out --submitted-on and the .docx template).
const script = fileURLToPath(new URL('./run-example.mjs', import.meta.url));
const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');

describe('examples/linfen-2024 README', () => {
  it('shows exactly the CLI commands of npm run example', () => {
    const printed = spawnSync(process.execPath, [script, '--print-commands'], { encoding: 'utf8' });
    expect(printed.status).toBe(0);
    const commands = printed.stdout.trim().split('\n');
    expect(commands).toHaveLength(4);
    expect(commands.join('\n')).toContain('--submitted-on 2024-05-27');
    expect(commands.join('\n')).toContain('-o out/template.docx');
    const readmeLines = readme
      .split('\n')
      .filter((line) => line.startsWith('npx jianshen '))
      .map((line) => line.replace(/^npx /, ''));
    expect(readmeLines).toEqual(commands);
  });
});
