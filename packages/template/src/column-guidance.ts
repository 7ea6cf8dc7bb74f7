import type { ResolvedCampaign } from '@jianshen/plugin-kit';
import {
  type ColumnKind,
  fieldLabel,
  type Lang,
  localize,
  type ResolvedField,
  textsIn,
} from '@jianshen/schema';
import type { TemplateValidation } from './data-validation.js';
import { describeNumberRule, jsonSchemaOf, type NumberRule, numberRule } from './number-rule.js';
import { exampleDay, exampleRangeText, excelDateFormula, formatDay, formatPeriod } from './period-text.js';
import { type TemplateSays, templateText } from './template-text.js';

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

type PromptParts = Pick<TemplateValidation, 'showInputMessage' | 'promptTitle' | 'prompt'>;
type CheckedParts = PromptParts &
  Pick<TemplateValidation, 'allowBlank' | 'showErrorMessage' | 'errorStyle' | 'errorTitle' | 'error'>;

/** What every kind of column needs to word its guidance. */
interface GuidanceContext {
  field: ResolvedField;
  campaign: ResolvedCampaign;
  lang: Lang;
  say: TemplateSays;
  /** The column's own hint (a plugin's or the registry's), in the template's language. */
  staticHint: string;
  base: Pick<ColumnGuidance, 'field' | 'label' | 'required' | 'wrap'>;
  /** The input prompt: 必填/选填, the hint and the rule. */
  prompt(hint: string, rule: string): PromptParts;
  /** The prompt plus an error message Excel shows for a value that breaks the rule. */
  checked(hint: string, rule: string, error: string, errorStyle: 'stop' | 'warning'): CheckedParts;
}

/** One function per column kind; text and long text share the default. */
const guidanceByKind: Partial<Record<ColumnKind, (context: GuidanceContext) => ColumnGuidance>> = {
  sequence: sequenceGuidance,
  mode: choiceGuidance,
  choice: choiceGuidance,
  date: dateGuidance,
  phone: phoneGuidance,
  number: numberGuidance,
};

function guidanceFor(field: ResolvedField, campaign: ResolvedCampaign, lang: Lang): ColumnGuidance {
  const context = guidanceContext(field, campaign, lang);
  return (guidanceByKind[field.column.kind] ?? textGuidance)(context);
}

function guidanceContext(field: ResolvedField, campaign: ResolvedCampaign, lang: Lang): GuidanceContext {
  const say = textsIn(templateText, lang);
  const label = fieldLabel(field, lang);
  const requiredText = say(field.required ? 'required' : 'optional');
  const prompt = (hint: string, rule: string): PromptParts => ({
    showInputMessage: true,
    promptTitle: label,
    prompt: [requiredText, hint, rule].filter((part) => part !== '').join(say('sentenceSeparator')),
  });
  return {
    field,
    campaign,
    lang,
    say,
    staticHint: field.column.hint ? localize(field.column.hint, lang) : '',
    base: {
      field,
      label,
      required: field.required,
      wrap: field.column.kind !== 'sequence' && field.column.kind !== 'number',
    },
    prompt,
    checked: (hint, rule, error, errorStyle) => ({
      allowBlank: true,
      ...prompt(hint, rule),
      showErrorMessage: true,
      errorStyle,
      errorTitle: say('errorTitle', { label }),
      error,
    }),
  };
}

function sequenceGuidance({ base, staticHint, say, field, checked }: GuidanceContext): ColumnGuidance {
  return {
    ...base,
    hint: staticHint,
    rule: say('sequenceRule'),
    example: field.column.example ?? '1',
    validation: () => ({
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [1],
      ...checked(staticHint, '', say('sequenceError'), 'stop'),
    }),
  };
}

/**
 * The choices stay as the campaign writes them (Chinese for 举办方式, also in English templates):
 * the merged table keeps one wording, and the English hint names them.
 */
function choiceGuidance({ base, staticHint, say, field, checked }: GuidanceContext): ColumnGuidance {
  const options = field.column.options ?? [];
  const hint = staticHint || say('choiceHint');
  const listed = options.join(say('listSeparator'));
  return {
    ...base,
    hint,
    // A hint that already names every choice (从下拉列表选择：线上、线下 或 线上线下) is enough.
    rule: options.every((option) => hint.includes(option)) ? '' : say('choiceRule', { listed }),
    example: field.column.example ?? options[0] ?? '',
    options,
    numberFormat: '@',
    validation: (_topLeft, listFormula) => ({
      type: 'list',
      formulae: [listFormula ?? quote(options.join(','))],
      ...checked(hint, '', say('choiceError', { listed }), 'stop'),
    }),
  };
}

function dateGuidance({ base, say, lang, field, campaign, checked }: GuidanceContext): ColumnGuidance {
  const { period } = campaign;
  const shown = {
    day: formatDay(exampleDay(period), lang),
    range: exampleRangeText(period),
    period: formatPeriod(period, lang),
  };
  const hint = say('dateHint', shown);
  const rule = say('dateRule', shown);
  return {
    ...base,
    hint,
    rule,
    example: shown.day,
    ...(field.column.excelFormat ? { numberFormat: field.column.excelFormat } : {}),
    validation: (topLeft) => ({
      type: 'custom',
      formulae: [dateFormula(topLeft, campaign)],
      ...checked(hint, rule, say('dateError', shown), 'warning'),
    }),
  };
}

function phoneGuidance({ base, staticHint, say, field, campaign, checked }: GuidanceContext): ColumnGuidance {
  const area = campaign.issuer.areaCode;
  const hint = area ? say('phoneHint', { area }) : staticHint;
  return {
    ...base,
    hint,
    rule: say('phoneRule'),
    example: field.column.example ?? '13912345678',
    numberFormat: field.column.excelFormat ?? '@',
    validation: (topLeft) => ({
      type: 'custom',
      formulae: [phoneFormula(topLeft)],
      ...checked(hint, '', say('phoneError', { hint }), 'warning'),
    }),
  };
}

function numberGuidance({ base, staticHint, say, lang, field, checked }: GuidanceContext): ColumnGuidance {
  const numeric = numberRule(field.schema);
  const rule = describeNumberRule(numeric, lang);
  const hint = staticHint || say('numberHint', { rule });
  return {
    ...base,
    hint,
    rule: staticHint ? rule : '',
    example:
      field.column.example ?? String(numeric.min !== undefined && !numeric.minExclusive ? numeric.min : 1),
    validation: (topLeft) => ({
      ...numberValidation(numeric, topLeft),
      ...checked(hint, staticHint ? rule : '', say('numberError', { rule }), 'stop'),
    }),
  };
}

function textGuidance({ base, staticHint, say, field, prompt, checked }: GuidanceContext): ColumnGuidance {
  const max = textMaxLength(field);
  // A hint that already names the limit (500 字以内) is not repeated.
  const rule = max === undefined || staticHint.includes(String(max)) ? '' : say('textRule', { max });
  return {
    ...base,
    hint: staticHint,
    rule,
    example: field.column.example ?? '',
    numberFormat: '@',
    validation: () =>
      max === undefined
        ? { type: 'any', formulae: [], ...prompt(staticHint, '') }
        : {
            type: 'textLength',
            operator: 'lessThanOrEqual',
            formulae: [max],
            ...checked(staticHint, rule, say('textError', { label: base.label, max }), 'stop'),
          },
  };
}
