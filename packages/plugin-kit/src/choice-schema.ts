import { z } from 'zod';

export interface ChoiceSchemaOptions {
  /** Other wordings clerks use, mapped to the choice they mean (`{ 学校: '校园' }`). */
  aliases?: Readonly<Record<string, string>>;
  /** Extra clean-up before matching, e.g. dropping a 进 prefix or a 志愿服务活动 suffix. */
  prepare?: (text: string) => string;
}

export type MultiChoiceSchemaOptions = ChoiceSchemaOptions;

/** Separators of a multi-valued cell: 、 , ， ; ； / and spaces, and the words 和 及 与. */
export const multiChoiceSeparator = /[、,，;；/\s]+|和|及|与/;

/** Joins the choices of a multi-valued cell the way a Chinese table writes a list. */
export const multiChoiceJoiner = '、';

/** Full-width letters, digits and brackets made ASCII, spaces removed: how choices are compared. */
function clean(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

function matcher<const Values extends readonly [string, ...string[]]>(
  values: Values,
  options: ChoiceSchemaOptions,
): (text: string) => Values[number] | undefined {
  const lookup = new Map<string, Values[number]>();
  for (const value of values) lookup.set(clean(value), value);
  for (const [alias, value] of Object.entries(options.aliases ?? {})) {
    if (!values.includes(value))
      throw new Error(`alias ${alias} → ${value}: ${value} is not one of ${values.join(', ')}`);
    if (!lookup.has(clean(alias))) lookup.set(clean(alias), value as Values[number]);
  }
  return (text) => {
    const cleaned = clean(text);
    return lookup.get(cleaned) ?? lookup.get(clean(options.prepare ? options.prepare(cleaned) : cleaned));
  };
}

function oneOfMessage(values: readonly string[]): string {
  return `须为以下之一：${values.join('、')} (one of: ${values.join(', ')})`;
}

/**
 * A dropdown column: the template offers `values` as a list, and the aggregator accepts them
 * and their aliases (after full-width and space clean-up), storing the canonical choice.
 */
export function choiceSchema<const Values extends readonly [string, ...string[]]>(
  values: Values,
  options: ChoiceSchemaOptions = {},
) {
  const match = matcher(values, options);
  return z.preprocess(
    (value) => (typeof value === 'string' ? (match(value) ?? value) : value),
    z.enum(values, { error: () => oneOfMessage(values) }),
  );
}

/** The choices of a value a multi-choice column stored (`老年人、青少年` → both). */
export function splitMultiChoice(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value !== 'string') return [];
  return value.split(multiChoiceSeparator).filter((part) => part !== '');
}

/**
 * A cell listing several choices (`老年人、青少年`, `老年人,残疾人`, or an array from JS):
 * accepted when every part is a choice or an alias, stored as one canonical text in the order
 * of `values`, joined by 、, so it reads the same in the consolidated workbook as on paper.
 */
export function multiChoiceSchema<const Values extends readonly [string, ...string[]]>(
  values: Values,
  options: MultiChoiceSchemaOptions = {},
) {
  const match = matcher(values, options);
  return z
    .preprocess(
      (value) => (Array.isArray(value) ? value.join(multiChoiceJoiner) : value),
      z.string({ error: () => oneOfMessage(values) }),
    )
    .transform((text, context) => {
      const parts = splitMultiChoice(text.normalize('NFKC'));
      const chosen = new Set<string>();
      const unknown: string[] = [];
      for (const part of parts) {
        const value = match(part);
        if (value === undefined) unknown.push(part);
        else chosen.add(value);
      }
      if (unknown.length > 0 || chosen.size === 0) {
        context.addIssue({
          code: 'custom',
          input: text,
          message:
            unknown.length > 0
              ? `无法识别「${unknown.join('、')}」；${oneOfMessage(values)}，多个用顿号分隔 (unrecognised "${unknown.join(', ')}"; separate several with 、)`
              : oneOfMessage(values),
        });
        return z.NEVER;
      }
      return values.filter((value) => chosen.has(value)).join(multiChoiceJoiner);
    });
}
