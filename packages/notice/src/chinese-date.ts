/** 2024-05-20 → 2024年5月20日: Arabic numerals, year in full, no leading zeros (GB/T 9704 §7.3.5). */
export function chineseDate(isoDay: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) throw new RangeError(`not a YYYY-MM-DD day: ${isoDay}`);
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}
