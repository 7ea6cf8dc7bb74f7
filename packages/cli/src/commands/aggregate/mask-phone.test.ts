import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readZipText } from '@jianshen/ooxml';
import { describe, expect, it } from 'vitest';
import { run } from '../../index.js';

// --mask-phone: contact numbers are personal information; outputs that travel upward must not
// carry them whole. Every number of an unmasked run must be gone from every output of a masked
// run — report.json, the consolidated workbook, the issues workbook and the issues CSV.
const fixtures = fileURLToPath(new URL('../../../../aggregator/src/__fixtures__/', import.meta.url));

async function aggregateInto(directory: string, out: string, extra: string[]) {
  const code = await run(['aggregate', 'modes-phones.xlsx', 'resent-new.xlsx', '-o', out, ...extra], {
    cwd: directory,
    env: {},
    stdout: () => {},
    stderr: () => {},
    interactive: false,
  });
  expect(code).toBeLessThan(2);
  const texts = new Map<string, string>();
  for (const name of readdirSync(join(directory, out))) {
    const path = join(directory, out, name);
    if (name.endsWith('.xlsx')) {
      const bytes = new Uint8Array(readFileSync(path));
      const types = readZipText(bytes, '[Content_Types].xml') ?? '';
      const parts = [...types.matchAll(/PartName="\/([^"]+\.xml)"/g)].map((match) => match[1]!);
      texts.set(name, parts.map((part) => readZipText(bytes, part) ?? '').join('\n'));
    } else {
      texts.set(name, readFileSync(path, 'utf8'));
    }
  }
  return texts;
}

describe('jianshen aggregate --mask-phone', () => {
  it('masks every contact number in report.json, the workbooks and the CSV', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'jianshen-cli-mask-'));
    for (const name of ['modes-phones.xlsx', 'resent-new.xlsx']) {
      copyFileSync(join(fixtures, name), join(directory, name));
    }
    const plain = await aggregateInto(directory, 'plain', []);
    const report = JSON.parse(plain.get('report.json') ?? '{}');
    const phones = new Set<string>();
    for (const row of report.rows as { phone: string[] }[]) for (const phone of row.phone) phones.add(phone);
    expect(phones.size).toBeGreaterThan(3);
    const unmaskedWorkbook = [...plain.entries()].find(([name]) => name.includes('汇总'))?.[1] ?? '';
    for (const phone of phones) expect(unmaskedWorkbook).toContain(phone.split('转')[0]);

    const masked = await aggregateInto(directory, 'masked', ['--mask-phone']);
    expect([...masked.keys()].sort()).toEqual([...plain.keys()].sort());
    for (const [name, text] of masked) {
      for (const phone of phones) expect(text, `${name} has ${phone}`).not.toContain(phone.split('转')[0]);
    }
    const maskedReport = JSON.parse(masked.get('report.json') ?? '{}');
    const maskedPhones = (maskedReport.rows as { phone: string[] }[]).flatMap((row) => row.phone);
    expect(maskedPhones.length).toBe(
      [...report.rows].flatMap((row: { phone: string[] }) => row.phone).length,
    );
    for (const phone of maskedPhones) expect(phone).toMatch(/\*{3,4}/);
    const maskedWorkbook = [...masked.entries()].find(([name]) => name.includes('汇总'))?.[1] ?? '';
    expect(maskedWorkbook).toMatch(/1\d\d\*{4}\d{4}/);
  });
});
