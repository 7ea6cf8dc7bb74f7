import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { AlignmentType, Paragraph } from 'docx';
import { chineseDate } from './chinese-date.js';
import type { NoticeLabels } from './labels.js';
import { bodyCharacter, firstLineIndent } from './layout.js';
import { blankLine, gridSpacing, run } from './paragraphs.js';
import { textWidthEm } from './text-width.js';

/** Twips of `em` characters of 3号 as laid out (with the −0.25 pt spacing). */
function ems(em: number): number {
  return Math.round(em * bodyCharacter);
}

/** A paragraph two characters in whose continuation lines align after `label`. */
function labelled(campaign: ResolvedCampaign, label: string, text: string, keepNext: boolean): Paragraph {
  const hanging = ems(textWidthEm(label));
  return new Paragraph({
    ...(keepNext ? { keepNext } : {}),
    alignment: AlignmentType.LEFT,
    spacing: gridSpacing,
    indent: { left: firstLineIndent + hanging, hanging },
    children: [run(campaign.fonts, `${label}${text}`)],
  });
}

/** A paragraph aligned under the text after a label of `labelWidth` em. */
function continuation(
  campaign: ResolvedCampaign,
  labelWidth: number,
  text: string,
  keepNext: boolean,
): Paragraph {
  return new Paragraph({
    ...(keepNext ? { keepNext } : {}),
    alignment: AlignmentType.LEFT,
    spacing: gridSpacing,
    indent: { left: firstLineIndent + ems(labelWidth) },
    children: [run(campaign.fonts, text)],
  });
}

/**
 * 联系人 lines: people under each other after 联系人：, then phone, email and address. Two-character
 * names get a full-width space in the middle, as clerks type them, so names line up.
 */
export function contactParagraphs(
  campaign: ResolvedCampaign,
  labels: NoticeLabels,
  keepLastWithNext = false,
): Paragraph[] {
  const contacts = campaign.contacts;
  if (!contacts) return [];
  const paragraphs: Paragraph[] = [];
  const lines: { label?: string; text: string }[] = [];
  const padNames =
    contacts.people.length > 1 && contacts.people.some((person) => [...person.name].length === 3);
  contacts.people.forEach((person, index) => {
    const name = padNames && [...person.name].length === 2 ? [...person.name].join('\u3000') : person.name;
    const text = [person.unit, name, person.phone].filter(Boolean).join('\u3000');
    lines.push(index === 0 ? { label: labels.contactPerson, text } : { text });
  });
  if (contacts.phone) lines.push({ label: labels.phone, text: contacts.phone });
  if (contacts.email) lines.push({ label: labels.email, text: contacts.email });
  if (contacts.address) lines.push({ label: labels.address, text: contacts.address });
  lines.forEach((line, index) => {
    const keep = keepLastWithNext && index === lines.length - 1;
    paragraphs.push(
      line.label !== undefined
        ? labelled(campaign, line.label, line.text, keep)
        : continuation(campaign, textWidthEm(labels.contactPerson), line.text, keep),
    );
  });
  return paragraphs;
}

/**
 * 附件说明, one blank line under the body, two characters in (§7.3.4): `附件：名称` for one
 * attachment, `附件：1. 名称` with the others aligned under 1. for several.
 */
export function attachmentNoteParagraphs(
  campaign: ResolvedCampaign,
  labels: NoticeLabels,
  keepWithNext = false,
): Paragraph[] {
  const { attachments } = campaign;
  if (attachments.length === 0) return [];
  if (attachments.length === 1) {
    return [blankLine(), labelled(campaign, labels.attachmentNote, attachments[0]!.title, keepWithNext)];
  }
  const labelWidth = textWidthEm(labels.attachmentNote);
  return [
    blankLine(),
    ...attachments.map((attachment, index) =>
      index === 0
        ? labelled(campaign, labels.attachmentNote, `${index + 1}. ${attachment.title}`, keepWithNext)
        : continuation(campaign, labelWidth, `${index + 1}. ${attachment.title}`, keepWithNext),
    ),
  ];
}

/**
 * 署名 and 成文日期 (§7.3.5). With a seal: the date four characters from the right and the
 * name centred over it, two blank lines above for the seal to sit on ⚠. Without: one blank
 * line, the name two characters from the right, the date on the next line starting two
 * characters right of the name's first character (the name moves left if the date is longer).
 * Everything from the blank lines to the name is kept with the date; the caller keeps the text
 * above with them too, so the signature never stands on a page of its own.
 */
export function signatureParagraphs(campaign: ResolvedCampaign): Paragraph[] {
  const signature = campaign.signature;
  if (!signature) return [];
  const date = chineseDate(signature.date);
  const nameWidth = textWidthEm(signature.name);
  const dateWidth = textWidthEm(date);
  let nameRight: number;
  let dateRight: number;
  let blankLines: number;
  if (signature.seal) {
    dateRight = 4;
    nameRight = Math.max(0, dateRight + (dateWidth - nameWidth) / 2);
    blankLines = 2;
  } else {
    nameRight = 2;
    dateRight = nameWidth - dateWidth;
    if (dateRight < 2) {
      dateRight = 2;
      nameRight = dateRight + dateWidth + 2 - nameWidth;
    }
    blankLines = 1;
  }
  const line = (text: string, right: number, keepNext: boolean) =>
    new Paragraph({
      ...(keepNext ? { keepNext } : {}),
      alignment: AlignmentType.RIGHT,
      spacing: gridSpacing,
      indent: { right: ems(right) },
      children: [run(campaign.fonts, text)],
    });
  return [
    ...Array.from({ length: blankLines }, () => blankLine(true)),
    line(signature.name, nameRight, true),
    line(date, dateRight, false),
  ];
}
