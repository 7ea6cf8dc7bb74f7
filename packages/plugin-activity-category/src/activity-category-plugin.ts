import { choiceSchema, definePlugin, type Plugin, type RowEntry } from '@jianshen/plugin-kit';

/** The four kinds of volunteer service in 临体字〔2024〕44号 §四 (活动内容). */
export const volunteerCategories = [
  '社会体育指导员',
  '体育系统工作者',
  '优秀运动员',
  '社区全民健身',
] as const;
export type VolunteerCategory = (typeof volunteerCategories)[number];

/** 体育“六进”: 进机关(单位)、校园、厂矿(企业)、社区(农村)、广场(公园)、家庭 (§五). */
export const outreachVenues = ['机关', '校园', '厂矿', '社区', '广场', '家庭'] as const;
export type OutreachVenue = (typeof outreachVenues)[number];

/** Wordings found in county tables for each category (the notice's own headings included). */
export const volunteerCategoryAliases: Readonly<Record<string, VolunteerCategory>> = {
  社体指导员: '社会体育指导员',
  体育指导员: '社会体育指导员',
  社会体育指导: '社会体育指导员',
  体育系统: '体育系统工作者',
  体育工作者: '体育系统工作者',
  体育系统工作人员: '体育系统工作者',
  教练员: '体育系统工作者',
  运动员: '优秀运动员',
  社区: '社区全民健身',
  社区健身: '社区全民健身',
};

/** The notice names each setting with what it also covers: 机关(单位), 厂矿(企业), 社区(农村), 广场(公园). */
export const outreachVenueAliases: Readonly<Record<string, OutreachVenue>> = {
  单位: '机关',
  机关单位: '机关',
  企事业单位: '机关',
  学校: '校园',
  中小学: '校园',
  企业: '厂矿',
  工厂: '厂矿',
  矿区: '厂矿',
  农村: '社区',
  乡村: '社区',
  村: '社区',
  公园: '广场',
  家: '家庭',
};

export const volunteerCategorySchema = choiceSchema(volunteerCategories, {
  aliases: volunteerCategoryAliases,
  // 开展社会体育指导员志愿服务活动。 → 社会体育指导员
  prepare: (text) => text.replace(/^开展/, '').replace(/(?:志愿服务)?(?:活动)?[。.]?$/, ''),
});

export const outreachVenueSchema = choiceSchema(outreachVenues, {
  aliases: outreachVenueAliases,
  // 进社区(农村) → 社区
  prepare: (text) => text.replace(/^进/, '').replace(/\(.*\)$/, ''),
});

export interface ActivityCategoryPluginOptions {
  /** Every row must name its category and venue (default: optional). */
  required?: boolean;
}

function choiceOf(key: string) {
  return (entry: RowEntry): string | undefined => {
    const value = entry.values[key];
    return typeof value === 'string' ? value : undefined;
  };
}

/** Builds the plugin; `required: true` makes both columns mandatory. */
export function createActivityCategoryPlugin(options: ActivityCategoryPluginOptions = {}): Plugin {
  const required = options.required ?? false;
  return definePlugin({
    name: '@jianshen/plugin-activity-category',
    fields: [
      {
        key: 'volunteerCategory',
        label: '志愿服务类别',
        labelEn: 'Service category',
        aliases: ['服务类别', '活动类别', '志愿服务类型', '活动类型', '类别'],
        schema: volunteerCategorySchema,
        required,
        width: 16,
        hint: {
          zh: `从下拉列表选择：${volunteerCategories.join('、')}`,
          en: 'Pick one: 社会体育指导员 (instructors), 体育系统工作者 (sports staff), 优秀运动员 (athletes), 社区全民健身 (community)',
        },
        example: '社会体育指导员',
      },
      {
        key: 'outreachVenue',
        label: '六进场所',
        labelEn: 'Venue (six settings)',
        aliases: ['“六进”场所', '六进', '六进类别', '活动场所', '场所类型'],
        schema: outreachVenueSchema,
        required,
        width: 10,
        hint: {
          zh: `体育“六进”，从下拉列表选择：${outreachVenues.join('、')}`,
          en: 'Where it reached: 机关 offices, 校园 schools, 厂矿 workplaces, 社区 communities, 广场 squares, 家庭 families',
        },
        example: '社区',
      },
    ],
    summaries: [
      {
        id: 'volunteer-category',
        label: { zh: '志愿服务类别', en: 'Service category' },
        groupBy: choiceOf('volunteerCategory'),
        order: volunteerCategories,
      },
      {
        id: 'outreach-venue',
        label: { zh: '“六进”场所', en: 'Venue' },
        groupBy: choiceOf('outreachVenue'),
        order: outreachVenues,
      },
    ],
  });
}

/** The plugin with optional columns; a campaign names it as `@jianshen/plugin-activity-category`. */
export const activityCategoryPlugin: Plugin = createActivityCategoryPlugin();
