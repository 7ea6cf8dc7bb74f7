import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';

// The README's code runs as written: each ```ts block is saved as a module and imported.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
const directory = mkdtempSync(join(tmpdir(), 'charts-readme-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** What each block prints: the SVG charts, then the same charts as PNG (twice the size). */
const expectedLogs = [
  [
    'by-unit 各单位活动数 各单位活动数.svg 800×450',
    'by-mode 举办方式占比 举办方式占比.svg 800×450',
    'by-month 各月活动数 各月活动数.svg 800×450',
  ],
  [
    'by-unit 各单位活动数 1600×900 true',
    'by-mode 举办方式占比 1600×900 true',
    'by-month 各月活动数 1600×900 true',
  ],
];

it.each(blocks.map((code, index) => [index + 1, code] as const))(
  'README code block %i runs',
  async (index, code) => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const path = join(directory, `block-${index}.ts`);
    writeFileSync(path, code);
    await import(/* @vite-ignore */ path);
    expect(log.mock.calls.map((call) => call.join(' '))).toEqual(expectedLogs[index - 1]);
    log.mockRestore();
  },
);

it('has a code block', () => {
  expect(blocks.length).toBeGreaterThan(0);
});
