import { mergeObjects } from '../merge-objects.js';

/**
 * Hides the middle of a phone number for outputs that travel upward (personal information):
 * 13912345678 → 139****5678, 0357-1234567 → 0357-***4567; extensions stay.
 */
export function maskPhone(phone: string): string {
  return phone.replace(/(\d[\d-]*\d)/g, (number) => {
    const dash = number.indexOf('-');
    if (dash > 0) {
      const subscriber = number.slice(dash + 1);
      const keep = Math.min(4, Math.max(0, subscriber.length - 3));
      return `${number.slice(0, dash + 1)}${'*'.repeat(subscriber.length - keep)}${subscriber.slice(subscriber.length - keep)}`;
    }
    if (number.length < 7) return number;
    return `${number.slice(0, 3)}${'*'.repeat(number.length - 7)}${number.slice(-4)}`;
  });
}

/** A row with its contact numbers masked. */
export function maskRowPhones<Row extends { phone: string[] }>(row: Row): Row {
  return mergeObjects(row, { phone: row.phone.map(maskPhone) });
}

/** An issue about a phone cell with the number masked in its value and its message. */
export function maskIssuePhone<Issue extends { field?: string; value?: string; message: string }>(
  issue: Issue,
): Issue {
  if (issue.field !== 'phone' || issue.value === undefined || issue.value === '') return issue;
  const masked = maskPhone(issue.value);
  // The message may quote the number twice: as typed and as read (phone-leading-zero-restored).
  return mergeObjects(issue, {
    value: masked,
    message: maskPhone(issue.message.split(issue.value).join(masked)),
  });
}
