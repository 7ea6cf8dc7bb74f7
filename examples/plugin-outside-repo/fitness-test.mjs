// 体质测试插件：一个不属于本仓库、也不安装任何包的插件文件，放在活动配置旁边即可使用。
// A plugin kept outside the repository as one plain .mjs file next to the campaign: it imports nothing and
// default-exports a factory, which the loader calls with zod and the plugin-kit helpers.
export default ({ z, definePlugin, defineRule, defineSummary }) => {
  const tested = (entry) => typeof entry.values.fitnessTests === 'number' && entry.values.fitnessTests > 0;
  return definePlugin({
    name: 'lvliang-fitness-test',
    fields: [
      {
        key: 'fitnessTests',
        label: '体质测试人数',
        labelEn: 'Fitness tests',
        aliases: ['体质测定人数', '体测人数'],
        schema: z
          .number({ error: '须为数字 (a number)' })
          .int({ error: '须为整数 (a whole number)' })
          .min(0, { error: '不能为负数 (not negative)' }),
        width: 12,
        hint: {
          zh: '活动中为群众做国民体质测定的人数，未开展填 0',
          en: 'People given a fitness test; 0 if none',
        },
        example: '0',
      },
    ],
    rules: {
      'tests-recorded': defineRule({
        meta: {
          severity: 'warning',
          messages: {
            'fitness/tests-missing': {
              zh: '「{name}」是体质测试活动，请填写体质测试人数',
              en: '"{name}" is a fitness-test activity; fill in the number of tests',
            },
          },
        },
        create: (context) => ({
          row(entry) {
            const text = `${entry.values.name ?? ''}${entry.values.summary ?? ''}`;
            if (/体质(?:测试|测定|监测)/.test(text) && !tested(entry)) {
              context.report({
                row: entry,
                field: 'fitnessTests',
                code: 'fitness/tests-missing',
                data: { name: entry.values.name },
              });
            }
          },
        }),
      }),
    },
    summaries: [
      defineSummary({
        id: 'fitness-test',
        label: { zh: '体质测试', en: 'Fitness testing' },
        groupBy: (entry) => (tested(entry) ? '开展体质测试' : '未开展体质测试'),
        order: ['开展体质测试', '未开展体质测试'],
        totals: [
          {
            key: 'fitnessTests',
            label: { zh: '体质测试人数', en: 'Fitness tests' },
            value: (entry) => entry.values.fitnessTests,
          },
        ],
      }),
    ],
  });
};
