import { z } from 'zod';

/** Words around a number clerks type into a count cell: 约120人, 120余人, 共 30 名, 80人次. */
function countText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value
    .normalize('NFKC')
    .replace(/[\s,]/g, '')
    .replace(/^(?:约|大约|共|共计|合计|计)/, '')
    .replace(/(?:余|多)?(?:人次|人|名|位)?(?:余|多|左右)?$/, '');
  return /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : value;
}

/** Hours as typed: 2.5小时, 3h, 90分钟 (minutes become hours). */
function hoursText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value
    .normalize('NFKC')
    .replace(/[\s,]/g, '')
    .replace(/^(?:约|大约|共|共计|合计|计)/, '');
  const minutes = /^(\d+(?:\.\d+)?)(?:分钟|min)$/i.exec(text);
  if (minutes) return Math.round((Number(minutes[1]) / 60) * 100) / 100;
  const hours = /^(-?\d+(?:\.\d+)?)(?:个)?(?:小时|h|hr|hrs|时)?(?:余|多|左右)?$/i.exec(text);
  return hours ? Number(hours[1]) : value;
}

const notANumber = '须为数字 (a number)';

/** A head count: a whole number, 0 or more; 约120人 and 120余人 read as 120. */
export const headCountSchema = z.preprocess(
  countText,
  z
    .number({ error: notANumber })
    .int({ error: '须为整数 (a whole number)' })
    .min(0, { error: '不能为负数 (not negative)' }),
);

/** Service hours: a number of hours, 0 or more, decimals allowed; 90分钟 reads as 1.5. */
export const hoursSchema = z.preprocess(
  hoursText,
  z.number({ error: notANumber }).min(0, { error: '不能为负数 (not negative)' }),
);
