import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readZipText, unpackZip } from '@jianshen/ooxml';
import { runCaptured } from '../../../cli/src/run-captured.test-support.js';

/** The Linfen example's county returns (Excel, WPS, Word and CSV writers), as a clerk gets them. */
export const exampleSubmissionsDirectory = fileURLToPath(
  new URL('../../../../examples/linfen-2024/submissions/', import.meta.url),
);

/** The example's returns (not the script that made them), sorted as the CLI reads a folder. */
export function exampleSubmissionNames(): string[] {
  return readdirSync(exampleSubmissionsDirectory)
    .filter((name) => /\.(xlsx|csv|docx)$/i.test(name))
    .sort();
}

/**
 * Every part of an OOXML zip as text: what Word and Excel read. The page deflates with fflate and
 * the CLI with zlib, so the zip bytes may differ while every part is the same.
 */
export function zipParts(bytes: Uint8Array): Record<string, string> {
  const entries = unpackZip(bytes);
  const decoder = new TextDecoder();
  return Object.fromEntries(
    Object.keys(entries)
      .sort()
      .map((name) => [name, decoder.decode(entries[name])]),
  );
}

/** Each workbook inside a zip of workbooks (退回意见), part by part. */
export function nestedZipParts(bytes: Uint8Array): Record<string, Record<string, string>> {
  const entries = unpackZip(bytes);
  return Object.fromEntries(
    Object.keys(entries)
      .sort()
      .map((name) => [name, zipParts(entries[name]!)]),
  );
}

/** The text of one part, or a clear failure naming the part. */
export function part(bytes: Uint8Array, name: string): string {
  const text = readZipText(bytes, name);
  if (text === undefined) throw new Error(`${name} is missing from the zip`);
  return text;
}

/** A fresh folder holding copies of the given files (the CLI then names them as the page does). */
export function folderWith(directory: string, names: readonly string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'jianshen-web-e2e-'));
  for (const name of names) cpSync(join(directory, name), join(folder, name));
  return folder;
}

/** Runs `jianshen …` in-process in a folder; fails loudly on a usage error (exit 2). */
export async function cli(argv: string[], cwd: string): Promise<string> {
  const result = await runCaptured(argv, cwd);
  if (result.code === 2) throw new Error(`jianshen ${argv.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** A file the CLI wrote, as bytes. */
export function readOutput(folder: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(folder, name)));
}
