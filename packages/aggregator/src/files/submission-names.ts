/**
 * Which files of a folder are submissions, and in what order a batch is read: the same rules
 * for the CLI's folder walk and a page's folder or file choice, so both read the same files in
 * the same order and give the same report.
 */

// Extensions read from folders; files named one by one are read whatever their name.
const folderExtensions = new Set([
  '.xlsx',
  '.xlsm',
  '.xls',
  '.et',
  '.csv',
  '.txt',
  '.docx',
  '.doc',
  '.wps',
  '.ods',
  '',
]);

/** Office lock files (~$x.xlsx, .~lock.x#), hidden files and system litter are never submissions. */
export function isIgnoredName(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    name.startsWith('~') ||
    name.endsWith('~') ||
    name.endsWith('.tmp') ||
    /^(?:thumbs\.db|desktop\.ini)$/i.test(name)
  );
}

/** The extension of a file name, lower case with its dot ('' for none), as Node's `extname`. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/** Whether a file found in a folder is read: not litter, and a spreadsheet, table or text. */
export function isFolderSubmission(name: string): boolean {
  return !isIgnoredName(name) && folderExtensions.has(extensionOf(name));
}

/**
 * Orders paths as a folder walk reads them: folder by folder, each folder's entries sorted by
 * their names' code units (so `a/x` comes before `a.xlsx`, as `a` sorts before `a.xlsx`).
 */
export function compareSubmissionPaths(a: string, b: string): number {
  const left = a.split(/[\\/]/);
  const right = b.split(/[\\/]/);
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const x = left[index] ?? '';
    const y = right[index] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return left.length - right.length;
}
