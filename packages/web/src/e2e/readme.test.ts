import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The README's commands run as written: every `npm run` names a script that exists, every path
// a test is run on exists, every screenshot it shows is there. (Running them is what the rest of
// the suite and CI do: the build before `npm test`, the e2e tests inside it.)
const packageDirectory = fileURLToPath(new URL('../../', import.meta.url));
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const readme = readFileSync(`${packageDirectory}README.md`, 'utf8');
const commands = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((match) =>
  (match[1] ?? '')
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean),
);
const scriptsOf = (directory: string): Record<string, string> =>
  JSON.parse(readFileSync(`${directory}package.json`, 'utf8')).scripts ?? {};

describe('packages/web/README.md', () => {
  it('has commands', () => {
    expect(commands.length).toBeGreaterThan(0);
  });

  it.each(commands)('%s: names what exists', (command) => {
    const run = command.match(/^npm run (\S+)(?: -w (\S+))?/);
    if (run) {
      const scripts = run[2] === '@jianshen/web' ? scriptsOf(packageDirectory) : scriptsOf(root);
      expect(Object.keys(scripts)).toContain(run[1]);
      return;
    }
    const vitest = command.match(/^npx vitest run (\S+)$/);
    expect(vitest, `an unknown kind of command: ${command}`).not.toBeNull();
    expect(existsSync(`${root}${vitest![1]}`)).toBe(true);
  });

  it('shows screenshots that exist', () => {
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]!);
    expect(images.length).toBeGreaterThanOrEqual(3);
    for (const image of images) expect(existsSync(`${packageDirectory}${image}`), image).toBe(true);
  });
});
