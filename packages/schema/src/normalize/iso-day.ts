/**
 * ISO day (YYYY-MM-DD) of a Date read with getUTC*: readers build date cells at UTC midnight,
 * and local getters would shift every day by the UTC+8 offset.
 */
export function isoDayFromDate(date: Date): string {
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}
