import {
  definePlugin,
  defineRule,
  type NoticeContribution,
  type Plugin,
  type RowEntry,
} from '@jianshen/plugin-kit';
import { headCountSchema, hoursSchema } from './count-schemas.js';

export interface ParticipationPluginOptions {
  /** Every row must give all three numbers (default: optional). */
  required?: boolean;
  /**
   * Hours a volunteer plausibly serves per activity day; above this is a warning (default 12).
   * Above 24 a day is impossible and an error.
   */
  maxHoursPerDay?: number;
  /** Adds a paragraph to the notice asking counties to fill the numbers truthfully. */
  notice?: boolean | NoticeContribution;
}

const name = '@jianshen/plugin-participation';

function numberOf(entry: RowEntry, key: string): number | undefined {
  const value = entry.values[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Calendar days the activity ran, both ends included; undefined without a date. */
export function activityDays(entry: RowEntry): number | undefined {
  const date = entry.values.date;
  if (!date) return undefined;
  const days = (Date.parse(date.end) - Date.parse(date.start)) / 86_400_000 + 1;
  return Number.isFinite(days) && days >= 1 ? Math.round(days) : undefined;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** 志愿者人数 is part of who took part: more volunteers than participants is usually a swapped pair. */
export const volunteersWithinParticipants = defineRule({
  meta: {
    description: { zh: '志愿者人数不应多于参与人数', en: 'Volunteers should not outnumber participants' },
    severity: 'warning',
    messages: {
      'participation/volunteers-exceed-participants': {
        zh: '志愿者人数 {volunteers} 多于参与人数 {participants}，请核对两列是否填反',
        en: '{volunteers} volunteers but only {participants} participants; check whether the columns are swapped',
      },
    },
  },
  create(context) {
    return {
      row(entry) {
        const participants = numberOf(entry, 'participants');
        const volunteers = numberOf(entry, 'volunteers');
        if (participants === undefined || volunteers === undefined || volunteers <= participants) return;
        context.report({
          row: entry,
          field: 'volunteers',
          code: 'participation/volunteers-exceed-participants',
          data: { volunteers, participants },
        });
      },
    };
  },
});

/** Hours per volunteer must fit in the activity's days: 24 a day is a hard limit, `maxHoursPerDay` a soft one. */
export function createPlausibleHoursRule(maxHoursPerDay = 12) {
  return defineRule({
    meta: {
      description: {
        zh: '人均服务时长须与活动天数相符',
        en: 'Hours per volunteer must fit the days the activity ran',
      },
      messages: {
        'participation/hours-impossible': {
          zh: '服务时长 {hours} 小时、志愿者 {volunteers} 人，人均 {perVolunteer} 小时，超过活动 {days} 天最多的 {limit} 小时',
          en: '{hours} hours for {volunteers} volunteers is {perVolunteer} each, more than the {limit} hours in {days} day(s)',
        },
        'participation/hours-implausible': {
          zh: '人均服务时长 {perVolunteer} 小时，超过每天 {maxPerDay} 小时 × {days} 天，请核对是否填成了分钟或人次',
          en: '{perVolunteer} hours per volunteer exceeds {maxPerDay} a day for {days} day(s); minutes or head counts entered?',
        },
        'participation/hours-without-volunteers': {
          zh: '填写了服务时长 {hours} 小时，但志愿者人数为 0',
          en: '{hours} service hours but no volunteers',
        },
      },
    },
    create(context) {
      return {
        row(entry) {
          const hours = numberOf(entry, 'serviceHours');
          const volunteers = numberOf(entry, 'volunteers');
          if (hours === undefined || hours === 0 || volunteers === undefined) return;
          if (volunteers === 0) {
            context.report({
              row: entry,
              field: 'volunteers',
              code: 'participation/hours-without-volunteers',
              severity: 'warning',
              data: { hours },
            });
            return;
          }
          const days = activityDays(entry);
          if (days === undefined) return;
          const perVolunteer = hours / volunteers;
          if (perVolunteer > 24 * days) {
            context.report({
              row: entry,
              field: 'serviceHours',
              code: 'participation/hours-impossible',
              severity: 'error',
              data: { hours, volunteers, perVolunteer: round(perVolunteer), days, limit: 24 * days },
            });
          } else if (perVolunteer > maxHoursPerDay * days) {
            context.report({
              row: entry,
              field: 'serviceHours',
              code: 'participation/hours-implausible',
              severity: 'warning',
              data: { perVolunteer: round(perVolunteer), maxPerDay: maxHoursPerDay, days },
            });
          }
        },
      };
    },
  });
}

export const plausibleHours = createPlausibleHoursRule();

const defaultNotice: NoticeContribution = {
  after: '活动要求',
  blocks: [
    {
      heading: '统计填报',
      children: [
        '统计表中“参与人数”“志愿者人数”填写整数，“服务时长（小时）”填写志愿者服务的总小时数，可保留一位小数，请据实填报，不得估算虚报。',
      ],
    },
  ],
};

/** Builds the plugin: three number columns, two rules and the totals. */
export function createParticipationPlugin(options: ParticipationPluginOptions = {}): Plugin {
  const required = options.required ?? false;
  const maxHoursPerDay = options.maxHoursPerDay ?? 12;
  if (!(maxHoursPerDay > 0 && maxHoursPerDay <= 24))
    throw new RangeError('maxHoursPerDay must be in (0, 24]');
  const notice = options.notice === true ? defaultNotice : options.notice || undefined;
  return definePlugin({
    name,
    fields: [
      {
        key: 'participants',
        label: '参与人数',
        labelEn: 'Participants',
        aliases: ['参加人数', '参与人次', '参加人次', '活动人数', '参与群众人数'],
        schema: headCountSchema,
        required,
        width: 10,
        hint: { zh: '参加活动的总人数（整数）', en: 'How many people took part (whole number)' },
        example: '80',
      },
      {
        key: 'volunteers',
        label: '志愿者人数',
        labelEn: 'Volunteers',
        aliases: ['志愿者数', '志愿者人次', '志愿服务人数', '参与志愿者人数', '志愿者'],
        schema: headCountSchema,
        required,
        width: 10,
        hint: { zh: '提供服务的志愿者人数（整数）', en: 'How many volunteers served (whole number)' },
        example: '6',
      },
      {
        key: 'serviceHours',
        label: '服务时长（小时）',
        labelEn: 'Service hours',
        aliases: ['服务时长', '志愿服务时长', '服务时长(小时)', '服务小时数', '时长（小时）', '时长'],
        schema: hoursSchema,
        required,
        width: 12,
        hint: {
          zh: '志愿者服务总小时数，如 6 名志愿者各服务 2 小时填 12',
          en: 'Total volunteer hours, e.g. 6 volunteers × 2 hours = 12',
        },
        example: '12',
      },
    ],
    rules: {
      'volunteers-within-participants': volunteersWithinParticipants,
      'plausible-hours': maxHoursPerDay === 12 ? plausibleHours : createPlausibleHoursRule(maxHoursPerDay),
    },
    summaries: [
      {
        id: 'participation',
        label: { zh: '参与情况', en: 'Participation' },
        totals: [
          {
            key: 'participants',
            label: { zh: '参与人数', en: 'Participants' },
            value: (entry) => numberOf(entry, 'participants'),
          },
          {
            key: 'volunteers',
            label: { zh: '志愿者人数', en: 'Volunteers' },
            value: (entry) => numberOf(entry, 'volunteers'),
          },
          {
            key: 'serviceHours',
            label: { zh: '服务时长（小时）', en: 'Service hours' },
            value: (entry) => numberOf(entry, 'serviceHours'),
          },
        ],
      },
    ],
    // The 考核 table shows how many people each county's activities reached; a campaign may
    // weigh it into the score (assessment.columns.participants).
    assessment: [
      {
        key: 'participants',
        label: { zh: '参与人数', en: 'Participants' },
        value: (unit) => unit.totals.participants ?? 0,
      },
    ],
    ...(notice ? { notice } : {}),
  });
}

/** The plugin with optional columns; a campaign names it as `@jianshen/plugin-participation`. */
export const participationPlugin: Plugin = createParticipationPlugin();
