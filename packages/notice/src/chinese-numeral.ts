const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五: the numbers of 一、 and （一） headings. */
export function chineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 999) throw new RangeError(`no numeral for ${value}`);
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const ones = value % 10;
  let text = '';
  if (hundreds > 0) text += `${digits[hundreds]}百`;
  if (tens > 0) text += `${tens === 1 && hundreds === 0 ? '' : digits[tens]}十`;
  else if (hundreds > 0 && ones > 0) text += '零';
  if (ones > 0) text += digits[ones];
  return text;
}
