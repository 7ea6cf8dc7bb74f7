import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import { type Lang, localize, type ResolvedField } from '@jianshen/schema';
import type { TemplateValidation } from './data-validation.js';
import { describeNumberRule, jsonSchemaOf, type NumberRule, numberRule } from './number-rule.js';
import { exampleDay, exampleRangeText, excelDateFormula, formatDay, formatPeriod } from './period-text.js';

/** What the template tells a clerk about one column: in the input prompt and on 填表说明. */
export interface ColumnGuidance {
  field: ResolvedField;
  label: string;
  required: boolean;
  /** How to fill it. */
  hint: string;
  /** The rule Excel checks, in words (empty when there is none). */
  rule: string;
  /** A plausible value for the example row. */
  example: string;
  /** Dropdown choices, for list columns. */
  options?: readonly string[];
  /** Excel number format for the input cells. */
  numberFormat?: string;
  /** Whether input cells wrap. */
  wrap: boolean;
  /** The validation, given the column's top-left input cell and, for lists, the list formula. */
  validation(topLeft: string, listFormula?: string): TemplateValidation;
}

const say = (lang: Lang, zh: string, en: string): string => (lang === 'en' ? en : zh);

/**
 * Characters a phone cell may hold besides digits: spaces, dashes, 转 for extensions, brackets
 * and separators between two numbers. Excel caps a validation formula at 255 characters, so the
 * list keeps to the common ones; the rule only warns, and the aggregator reads more.
 */
const phoneSeparators = [' ', '-', '转', '、', '(', ')', '（', '）', '/'];

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function phoneFormula(cell: string): string {
  const stripped = phoneSeparators.reduce(
    (inner, separator) => `SUBSTITUTE(${inner},${quote(separator)},"")`,
    cell,
  );
  // Digits once the separators are gone; no "." (1.39E+10 is a number that lost its phone).
  return `AND(LEN(${cell})>=7,LEN(${cell})<=60,ISERROR(FIND(".",${cell})),ISNUMBER(-${stripped}))`;
}

/**
 * A date inside the period, or text that starts with a digit (2024.7.15-7.19, 7月1日至5日,
 * 2024年10月): what clerks write for several days, which Excel's date rule would refuse.
 */
function dateFormula(cell: string, campaign: ResolvedCampaign): string {
  const { start, end } = campaign.period;
  const realDate = `AND(ISNUMBER(${cell}),${cell}>=${excelDateFormula(start)},${cell}<=${excelDateFormula(end)})`;
  const dateText = `AND(ISTEXT(${cell}),LEN(${cell})<=40,ISNUMBER(-LEFT(${cell})))`;
  return `OR(${realDate},${dateText})`;
}

function numberValidation(
  rule: NumberRule,
  cell: string,
): Pick<TemplateValidation, 'type' | 'operator' | 'formulae'> {
  const type = rule.integer ? 'whole' : 'decimal';
  const exclusive = rule.minExclusive || rule.maxExclusive;
  if (rule.min !== undefined && rule.max !== undefined) {
    if (!exclusive) return { type, operator: 'between', formulae: [rule.min, rule.max] };
    const low = `${cell}${rule.minExclusive ? '>' : '>='}${rule.min}`;
    const high = `${cell}${rule.maxExclusive ? '<' : '<='}${rule.max}`;
    return { type: 'custom', formulae: [`AND(ISNUMBER(${cell}),${low},${high})`] };
  }
  if (rule.min !== undefined) {
    return { type, operator: rule.minExclusive ? 'greaterThan' : 'greaterThanOrEqual', formulae: [rule.min] };
  }
  if (rule.max !== undefined) {
    return { type, operator: rule.maxExclusive ? 'lessThan' : 'lessThanOrEqual', formulae: [rule.max] };
  }
  const whole = rule.integer ? `,${cell}=INT(${cell})` : '';
  return { type: 'custom', formulae: [`AND(ISNUMBER(${cell})${whole})`] };
}

function textMaxLength(field: ResolvedField): number | undefined {
  if (field.column.maxLength !== undefined) return field.column.maxLength;
  const maxLength = jsonSchemaOf(field.schema).maxLength;
  return typeof maxLength === 'number' ? maxLength : undefined;
}

/** Works out the guidance for every column of the campaign, in table order. */
export function columnGuidance(campaign: ResolvedCampaign, lang: Lang): ColumnGuidance[] {
  return campaign.fields.map((field) => guidanceFor(field, campaign, lang));
}

function guidanceFor(field: ResolvedField, campaign: ResolvedCampaign, lang: Lang): ColumnGuidance {
  const column = field.column;
  const label = lang === 'en' ? field.labelEn : field.label;
  const requiredText = field.required ? say(lang, '必填', 'Required') : say(lang, '选填', 'Optional');
  const errorTitle = say(lang, `「${label}」填写有误`, `Check “${label}”`);
  const staticHint = column.hint ? localize(column.hint, lang) : '';
  const base = {
    field,
    label,
    required: field.required,
    wrap: column.kind !== 'sequence' && column.kind !== 'number',
  };
  const prompt = (
    hint: string,
    rule: string,
  ): Pick<TemplateValidation, 'showInputMessage' | 'promptTitle' | 'prompt'> => ({
    showInputMessage: true,
    promptTitle: label,
    prompt: [requiredText, hint, rule].filter((part) => part !== '').join(say(lang, '。', '. ')),
  });
  const checked = (
    hint: string,
    rule: string,
    error: string,
    errorStyle: 'stop' | 'warning',
  ): Pick<
    TemplateValidation,
    | 'allowBlank'
    | 'showInputMessage'
    | 'promptTitle'
    | 'prompt'
    | 'showErrorMessage'
    | 'errorStyle'
    | 'errorTitle'
    | 'error'
  > => ({
    allowBlank: true,
    ...prompt(hint, rule),
    showErrorMessage: true,
    errorStyle,
    errorTitle,
    error,
  });

  switch (column.kind) {
    case 'sequence': {
      const rule = say(lang, '正整数', 'a positive whole number');
      return {
        ...base,
        hint: staticHint,
        rule,
        example: column.example ?? '1',
        validation: () => ({
          type: 'whole',
          operator: 'greaterThanOrEqual',
          formulae: [1],
          ...checked(
            staticHint,
            '',
            say(lang, '序号请填写正整数，也可以不填。', 'Enter a positive whole number, or leave it empty.'),
            'stop',
          ),
        }),
      };
    }
    case 'mode':
    case 'choice': {
      // The choices stay as the campaign writes them (Chinese for 举办方式, also in English
      // templates): the merged table keeps one wording, and the English hint names them.
      const options = column.options ?? [];
      const hint = staticHint || say(lang, '从下拉列表中选择', 'Pick from the list');
      const listed = options.join(say(lang, '、', ', '));
      const example = column.example ?? options[0] ?? '';
      return {
        ...base,
        hint,
        // A hint that already names every choice (从下拉列表选择：线上、线下 或 线上线下) is enough.
        rule: options.every((option) => hint.includes(option))
          ? ''
          : say(lang, `只能选择：${listed}`, `one of: ${listed}`),
        example,
        options,
        numberFormat: '@',
        validation: (_topLeft, listFormula) => ({
          type: 'list',
          formulae: [listFormula ?? quote(options.join(','))],
          ...checked(
            hint,
            '',
            say(lang, `请从下拉列表中选择：${listed}。`, `Pick one of: ${listed}.`),
            'stop',
          ),
        }),
      };
    }
    case 'date': {
      const { period } = campaign;
      const day = exampleDay(period);
      const hint = say(
        lang,
        `填写日期，如 ${formatDay(day)}；多日活动写 ${exampleRangeText(period)}`,
        `A date such as ${day}; several days as ${exampleRangeText(period)}`,
      );
      const rule = say(
        lang,
        `活动时间为 ${formatPeriod(period)}`,
        `the campaign runs ${formatPeriod(period, 'en')}`,
      );
      return {
        ...base,
        hint,
        rule,
        example: lang === 'en' ? day : formatDay(day),
        ...(column.excelFormat ? { numberFormat: column.excelFormat } : {}),
        validation: (topLeft) => ({
          type: 'custom',
          formulae: [dateFormula(topLeft, campaign)],
          ...checked(
            hint,
            rule,
            say(
              lang,
              `请填写 ${formatPeriod(period)} 之间的日期，如 ${formatDay(day)}；多日活动写 ${exampleRangeText(period)}。确实如此可点“是”保留。`,
              `Enter a date from ${formatPeriod(period, 'en')}, e.g. ${day}, or a range such as ${exampleRangeText(period)}. Choose Yes to keep it anyway.`,
            ),
            'warning',
          ),
        }),
      };
    }
    case 'phone': {
      const area = campaign.issuer.areaCode;
      const hint = area
        ? say(
            lang,
            `手机号或带区号的固定电话，如 13912345678 或 ${area}-1234567；分机写“转801”，两个号码用“、”隔开`,
            `Mobile number, or landline with area code, e.g. ${area}-1234567; extension as 转801; separate two numbers with 、`,
          )
        : staticHint;
      const rule = say(
        lang,
        '7 到 60 个字符，只含数字、空格、-、括号、“转”和分隔号码的“、”或 /',
        '7–60 characters: digits, spaces, -, brackets, 转, and 、 or / between numbers',
      );
      return {
        ...base,
        hint,
        rule,
        example: column.example ?? '13912345678',
        numberFormat: column.excelFormat ?? '@',
        validation: (topLeft) => ({
          type: 'custom',
          formulae: [phoneFormula(topLeft)],
          ...checked(
            hint,
            '',
            say(
              lang,
              `电话号码格式不对：${hint}。确实如此可点“是”保留。`,
              `This does not look like a phone number. ${hint}. Choose Yes to keep it anyway.`,
            ),
            'warning',
          ),
        }),
      };
    }
    case 'number': {
      const numeric = numberRule(field.schema);
      const rule = describeNumberRule(numeric, lang);
      const hint = staticHint || say(lang, `填写${rule}`, `Enter ${rule}`);
      return {
        ...base,
        hint,
        rule: staticHint ? rule : '',
        example:
          column.example ?? String(numeric.min !== undefined && !numeric.minExclusive ? numeric.min : 1),
        validation: (topLeft) => ({
          ...numberValidation(numeric, topLeft),
          ...checked(hint, staticHint ? rule : '', say(lang, `请填写${rule}。`, `Enter ${rule}.`), 'stop'),
        }),
      };
    }
    default: {
      const maxLength = textMaxLength(field);
      // A hint that already names the limit (500 字以内) is not repeated.
      const rule =
        maxLength === undefined || staticHint.includes(String(maxLength))
          ? ''
          : say(lang, `不超过 ${maxLength} 个字`, `up to ${maxLength} characters`);
      return {
        ...base,
        hint: staticHint,
        rule,
        example: column.example ?? '',
        numberFormat: '@',
        validation: () =>
          maxLength === undefined
            ? { type: 'any', formulae: [], ...prompt(staticHint, '') }
            : {
                type: 'textLength',
                operator: 'lessThanOrEqual',
                formulae: [maxLength],
                ...checked(
                  staticHint,
                  rule,
                  say(
                    lang,
                    `「${label}」不能超过 ${maxLength} 个字。`,
                    `“${label}” takes at most ${maxLength} characters.`,
                  ),
                  'stop',
                ),
              },
      };
    }
  }
}
