import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectSubmissionFiles } from '../node/aggregate-files.js';
import { compareSubmissionPaths, isFolderSubmission } from './submission-names.js';

describe('submission names', () => {
  it('orders and filters a folder as the CLI’s folder walk does', async () => {
    const root = mkdtempSync(join(tmpdir(), 'jianshen-names-'));
    const names = [
      'a.xlsx',
      'a/x.csv',
      'a/~$x.xlsx',
      'B.docx',
      '尧都区.xlsx',
      '侯马市.xlsx',
      'notes.pdf',
      '.hidden.xlsx',
      'Thumbs.db',
      'README',
    ];
    for (const name of names) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), 'x');
    }
    // Every file is listed (the report says which are ignored and why), in the page's order.
    const walked = (await collectSubmissionFiles([root])).map((path) => relative(root, path));
    expect([...names].sort(compareSubmissionPaths)).toEqual(walked);
    expect(walked.filter((name) => isFolderSubmission(name.split('/').pop() ?? name))).toEqual([
      'B.docx',
      'README',
      'a/x.csv',
      'a.xlsx',
      '侯马市.xlsx',
      '尧都区.xlsx',
    ]);
  });
});
