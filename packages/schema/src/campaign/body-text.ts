import type { BodyBlock, BodySection } from './body-block.js';

/**
 * The notice body as plain text a clerk edits in one text area, and back:
 *
 * - one line is one paragraph (blank lines are ignored);
 * - `# 标题` is a level-1 heading (numbered 一、), `## ` level 2 (（一）), `### ` level 3 (1.),
 *   `#### ` level 4 (（1）): the four levels GB/T 9704 §7.3.3 numbers. The numbers are written by
 *   the notice, never typed;
 * - text after `｜` (or `|`) on a heading line continues the heading's own paragraph, as in
 *   「（一）开展社会体育指导员志愿服务活动。全市各级……」;
 * - paragraphs belong to the heading above them; a line holding only `#` ends every open heading
 *   (what follows is top-level text, such as the closing request after the last section), a line
 *   holding only `##` ends level 2 and deeper, and so on;
 * - a paragraph that itself starts with `#` or `\` is written with one leading `\`.
 */
export const bodyTextRunInSeparator = '｜';

const headingLine = /^(#{1,9})[ \t\u3000]+(.*)$/;
const closingLine = /^(#{1,9})$/;
const runInSeparator = /\s*[｜|]\s*/;

/** What `bodyToText` reads: body blocks, readonly ones too (such as the built-in campaign's). */
export type BodyBlockLike =
  | string
  | {
      readonly heading: string;
      readonly text?: string | undefined;
      readonly children?: readonly BodyBlockLike[] | undefined;
    };

interface WriteState {
  lines: string[];
  /** How many headings are open at this point of the text (what a paragraph would belong to). */
  open: number;
}

function headingText(section: Exclude<BodyBlockLike, string>, level: number): string {
  const marks = '#'.repeat(level);
  return section.text === undefined || section.text === ''
    ? `${marks} ${section.heading}`
    : `${marks} ${section.heading}${bodyTextRunInSeparator}${section.text}`;
}

function paragraphText(paragraph: string): string {
  // One line is one paragraph, so a line break inside a paragraph can only become a space.
  const line = paragraph.replace(/\s*\r?\n\s*/g, ' ');
  return /^[#\\]/.test(line) ? `\\${line}` : line;
}

function writeBlocks(blocks: readonly BodyBlockLike[], depth: number, state: WriteState): void {
  for (const block of blocks) {
    if (typeof block === 'string') {
      // Still inside a deeper heading: close it, or the paragraph would read as its child.
      if (state.open > depth) state.lines.push('#'.repeat(depth + 1));
      state.open = depth;
      state.lines.push(paragraphText(block));
      continue;
    }
    state.lines.push(headingText(block, depth + 1));
    state.open = depth + 1;
    writeBlocks(block.children ?? [], depth + 1, state);
  }
}

/** Body blocks → the text convention above; `bodyFromText(bodyToText(body))` gives `body` back. */
export function bodyToText(body: readonly BodyBlockLike[]): string {
  const state: WriteState = { lines: [], open: 0 };
  writeBlocks(body, 0, state);
  return state.lines.join('\n');
}

/** Adds a block under the innermost open heading, else at the top level. */
function append(block: BodyBlock, open: readonly BodySection[], top: BodyBlock[]): void {
  const parent = open.at(-1);
  if (!parent) top.push(block);
  else if (parent.children) parent.children.push(block);
  else parent.children = [block];
}

function readHeading(marks: string, rest: string, open: BodySection[], top: BodyBlock[]): void {
  // A level that skips one (`#` then `###`) nests one deeper than what is open, as Word would.
  const level = Math.min(marks.length, open.length + 1);
  open.length = level - 1;
  const [heading = '', ...text] = rest.trim().split(runInSeparator);
  const runIn = text.join(bodyTextRunInSeparator);
  const section: BodySection = runIn === '' ? { heading } : { heading, text: runIn };
  append(section, open, top);
  open.push(section);
}

/**
 * The text convention above → body blocks. Never throws: an empty heading or an empty body
 * comes back as such, and `campaignSchema` reports it at `body[…]` like any other setting.
 */
export function bodyFromText(text: string): BodyBlock[] {
  const top: BodyBlock[] = [];
  const open: BodySection[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const closing = closingLine.exec(line);
    if (closing) {
      open.length = Math.min(open.length, closing[1]!.length - 1);
      continue;
    }
    const heading = headingLine.exec(line);
    if (heading) {
      readHeading(heading[1]!, heading[2]!, open, top);
      continue;
    }
    const paragraph = line.startsWith('\\') ? line.slice(1) : line;
    append(paragraph, open, top);
  }
  return top;
}
