import type { ChosenFile } from './aggregate-api.js';

/**
 * Files from the 报送文件 input: each read whatever its name (as files named on the CLI's
 * command line); from the folder input every file, marked as found in a folder: the aggregator
 * lists lock files, hidden files and other kinds of files as ignored, as the CLI does.
 */
export function chosenFromInput(list: FileList | null, fromFolder: boolean): ChosenFile[] {
  const files = [...(list ?? [])];
  return files.map((file) => ({
    file,
    path: file.webkitRelativePath || file.name,
    ...(fromFolder ? { fromFolder: true } : {}),
  }));
}

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries hands over a folder in batches (100 in Chromium) until it returns none.
  return new Promise((resolve, reject) => {
    const entries: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(entries);
        else {
          entries.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function fromEntry(entry: FileSystemEntry, inFolder: boolean, found: ChosenFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    found.push({ file, path: entry.fullPath.replace(/^\//, ''), ...(inFolder ? { fromFolder: true } : {}) });
  } else if (entry.isDirectory) {
    const children = await readAll((entry as FileSystemDirectoryEntry).createReader());
    for (const child of children) await fromEntry(child, true, found);
  }
}

/** Files and folders dropped on the page; folders are walked as the folder input reads them. */
export async function chosenFromDrop(transfer: DataTransfer): Promise<ChosenFile[]> {
  const entries = [...transfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.())
    .filter((entry): entry is FileSystemEntry => entry !== null && entry !== undefined);
  if (entries.length === 0) return chosenFromInput(transfer.files, false);
  const found: ChosenFile[] = [];
  for (const entry of entries) await fromEntry(entry, false, found);
  return found;
}
