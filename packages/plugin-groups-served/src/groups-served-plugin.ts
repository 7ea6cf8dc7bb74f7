import {
  definePlugin,
  multiChoiceSchema,
  type Plugin,
  type RowEntry,
  splitMultiChoice,
} from '@jianshen/plugin-kit';

/**
 * Who an activity served. The notice names 老年人、残疾人、幼儿、知识分子 as groups to care for
 * (§五(四), §六.3); the rest are the groups county tables commonly report.
 */
export const servedGroups = [
  '老年人',
  '残疾人',
  '青少年',
  '幼儿',
  '妇女',
  '职工',
  '农民',
  '知识分子',
  '社区居民',
] as const;
export type ServedGroup = (typeof servedGroups)[number];

/** Other wordings, each mapped to the group it means. */
export const servedGroupAliases: Readonly<Record<string, ServedGroup>> = {
  老人: '老年人',
  老年: '老年人',
  中老年人: '老年人',
  中老年: '老年人',
  老年群体: '老年人',
  残障人士: '残疾人',
  残疾人士: '残疾人',
  残障: '残疾人',
  学生: '青少年',
  中小学生: '青少年',
  青少年学生: '青少年',
  儿童: '幼儿',
  幼儿园: '幼儿',
  学龄前儿童: '幼儿',
  女性: '妇女',
  企业职工: '职工',
  干部职工: '职工',
  机关干部: '职工',
  员工: '职工',
  村民: '农民',
  农村居民: '农民',
  居民: '社区居民',
  群众: '社区居民',
  市民: '社区居民',
};

export interface GroupsServedPluginOptions {
  /** The groups to offer, replacing the default list (aliases only apply to groups kept). */
  groups?: readonly [string, ...string[]];
  /** Every row must name at least one group (default: optional). */
  required?: boolean;
}

/**
 * The column's schema: a list in one cell (老年人、青少年 / 老年人,残疾人 / 老人和学生) read into the
 * canonical text 老年人、青少年, groups in list order without repeats. A text rather than an array,
 * so the consolidated workbook shows the cell as the clerk wrote it; `splitMultiChoice` reads it back.
 */
export function groupsServedSchema(groups: readonly [string, ...string[]] = servedGroups) {
  const aliases = Object.fromEntries(
    Object.entries(servedGroupAliases).filter(([, group]) => groups.includes(group)),
  );
  // 老年人(空巢) and 残疾人（含陪护） name the group before the bracket.
  return multiChoiceSchema(groups, { aliases, prepare: (text) => text.replace(/\(.*\)$/, '') });
}

/** Builds the plugin: the 服务对象 column and a count of activities per group. */
export function createGroupsServedPlugin(options: GroupsServedPluginOptions = {}): Plugin {
  const groups = options.groups ?? servedGroups;
  return definePlugin({
    name: '@jianshen/plugin-groups-served',
    fields: [
      {
        key: 'groupsServed',
        label: '服务对象',
        labelEn: 'Groups served',
        aliases: ['服务人群', '服务群体', '参与对象', '受益群体', '活动对象'],
        schema: groupsServedSchema(groups),
        required: options.required ?? false,
        width: 18,
        hint: {
          zh: `可填多个，用顿号分隔：${groups.join('、')}`,
          en: `One or more, separated by 、: ${groups.join(', ')}`,
        },
        example: groups.length > 2 ? `${groups[0]}、${groups[2]}` : groups[0],
      },
    ],
    summaries: [
      {
        id: 'groups-served',
        label: { zh: '服务对象', en: 'Group served' },
        // A row serving two groups counts once in each.
        groupBy: (entry: RowEntry) => splitMultiChoice(entry.values.groupsServed),
        order: groups,
      },
    ],
  });
}

/** The plugin with an optional column; a campaign names it as `@jianshen/plugin-groups-served`. */
export const groupsServedPlugin: Plugin = createGroupsServedPlugin();
