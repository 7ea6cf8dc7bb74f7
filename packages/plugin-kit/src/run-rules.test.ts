import {
  formatTemplate,
  type Lang,
  linfen2024Campaign,
  localize,
  type Rendered,
  renderIssue,
} from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { definePlugin } from './plugin.js';
import { type ResolvedCampaign, type ResolvedRule, resolveCampaign } from './resolve-campaign.js';
import type { RowEntry } from './row-entry.js';
import { defineRule, type ReportDescriptor } from './rule.js';
import { type RuleIssue, runRules, startRules } from './run-rules.js';

/** What a reader sees of a rule's issues: the text rendered in one language, without its data. */
type ShownIssue = Rendered<RuleIssue>;

function shown(issues: readonly RuleIssue[], lang: Lang = 'zh'): ShownIssue[] {
  return issues.map((issue) => renderIssue(issue, lang));
}

const onlineNeedsNote = defineRule({
  meta: {
    severity: 'warning',
    messages: {
      'online-note': {
        zh: '线上活动请在备注中写明平台（{name}）',
        en: 'Name the platform for online activity {name}',
      },
    },
  },
  create: (context) => ({
    row(entry) {
      if (entry.values.mode === 'online' && !entry.values.note) {
        context.report({ row: entry, field: 'note', code: 'online-note', data: { name: entry.values.name } });
      }
    },
  }),
});

const atMostOnePerDay = defineRule({
  meta: { messages: { crowded: '{unit} 同一天有 {count} 项活动' } },
  create: (context) => ({
    table(entries) {
      const byDay = new Map<string, number>();
      for (const entry of entries) {
        const key = `${entry.unit}|${entry.values.date?.start}`;
        byDay.set(key, (byDay.get(key) ?? 0) + 1);
      }
      for (const [key, count] of byDay) {
        if (count > 1) context.report({ code: 'crowded', data: { unit: key.split('|')[0], count } });
      }
    },
  }),
});

const crashing = defineRule({
  meta: { messages: {} },
  create: () => ({
    row() {
      throw new Error('boom');
    },
  }),
});

function entry(values: RowEntry['values'], row: number): RowEntry {
  return { values, unit: '尧都区', source: { path: 'a.xlsx', sheet: '统计表', row } };
}

describe('runRules', () => {
  it('runs row and table handlers and positions issues at the row', async () => {
    const plugin = definePlugin({ name: 'local', rules: { onlineNeedsNote, atMostOnePerDay } });
    const campaign = await resolveCampaign({ ...linfen2024Campaign, plugins: [plugin] });
    const day = { start: '2024-06-15', end: '2024-06-15' };
    const issues = shown(
      runRules(campaign, [
        entry({ name: '线上讲座', mode: 'online', date: day }, 5),
        entry({ name: '健步走', mode: 'offline', date: day }, 6),
      ]),
    );
    expect(issues).toEqual([
      {
        path: 'a.xlsx',
        sheet: '统计表',
        row: 5,
        field: 'note',
        code: 'online-note',
        severity: 'warning',
        message: '线上活动请在备注中写明平台（线上讲座）',
        rule: 'local/onlineNeedsNote',
      },
      {
        path: '',
        code: 'crowded',
        severity: 'error',
        message: '尧都区 同一天有 2 项活动',
        rule: 'local/atMostOnePerDay',
      },
    ]);
  });

  it('turns a crashing rule into one error instead of stopping', async () => {
    const campaign = await resolveCampaign({
      ...linfen2024Campaign,
      plugins: [definePlugin({ name: 'bad', rules: { crashing } })],
    });
    const issues = shown(runRules(campaign, [entry({ name: 'x' }, 4)], 'en'), 'en');
    expect(issues).toEqual([
      expect.objectContaining({ code: 'rule-crashed', message: 'Rule failed bad/crashing: boom' }),
    ]);
  });
});

/** Crashes on the row named 坏行, after seeing the rows before it; counts its calls. */
function crashingOnSecond(calls: string[]) {
  return defineRule({
    meta: { severity: 'warning', messages: { seen: '看过 {name}' } },
    create: (context) => ({
      row(entry) {
        calls.push(String(entry.values.name));
        if (entry.values.name === '坏行') throw new Error('第二行读不懂');
        context.report({ row: entry, code: 'seen', data: { name: entry.values.name } });
      },
      table() {
        calls.push('table');
      },
    }),
  });
}

/** Counts every row it sees and reports the count from its table handler. */
function counting(calls: string[]) {
  return defineRule({
    meta: { messages: { rows: '共 {count} 行', row: '第 {row} 行' } },
    create: (context) => {
      let count = 0;
      return {
        row(entry) {
          count++;
          calls.push(`count ${entry.values.name}`);
          if (entry.source.row === 6) context.report({ row: entry, code: 'row', data: { row: 6 } });
        },
        table(entries) {
          context.report({
            code: 'rows',
            severity: 'warning',
            data: { count: `${count}/${entries.length}` },
          });
        },
      };
    },
  });
}

const brokenCreate = defineRule({
  meta: { messages: {} },
  create: () => {
    throw new Error('起不来');
  },
});

/** Reports on the row before the one it is handed. */
const previousRow = defineRule({
  meta: { messages: { previous: '上一行：{name}' } },
  create: (context) => {
    let previous: RowEntry | undefined;
    return {
      row(entry) {
        if (previous)
          context.report({
            row: previous,
            field: 'name',
            code: 'previous',
            data: { name: previous.values.name },
          });
        previous = entry;
      },
    };
  },
});

const rowsOnly = defineRule({
  meta: { messages: {} },
  create: () => ({ row() {} }),
});

async function campaignWith(rules: Record<string, ReturnType<typeof defineRule>>): Promise<ResolvedCampaign> {
  return resolveCampaign({ ...linfen2024Campaign, plugins: [definePlugin({ name: 'p', rules })] });
}

/** A row's place as an issue carries it. */
function placeOf(row: RowEntry): { path: string; sheet?: string; row?: number } {
  const { path, sheet, row: at } = row.source;
  return { path, ...(sheet !== undefined ? { sheet } : {}), ...(at !== undefined ? { row: at } : {}) };
}

const rows = ['甲', '坏行', '丙', '丁'].map((name, index) => entry({ name, mode: 'offline' }, index + 4));

/** runRules as it was before startRules: one rule at a time, over every row, then its table. */
function runRulesOneByOne(
  campaign: ResolvedCampaign,
  entries: readonly RowEntry[],
  lang: 'zh' | 'en' = 'zh',
) {
  const issues: ShownIssue[] = [];
  for (const { id, rule } of campaign.rules as ResolvedRule[]) {
    const report = (descriptor: ReportDescriptor) => {
      const template = rule.meta.messages[descriptor.code];
      const source = descriptor.row?.source;
      issues.push({
        path: source?.path ?? '',
        ...(source?.sheet !== undefined ? { sheet: source.sheet } : {}),
        ...(source?.row !== undefined ? { row: source.row } : {}),
        ...(descriptor.field !== undefined ? { field: descriptor.field } : {}),
        code: descriptor.code,
        severity: descriptor.severity ?? rule.meta.severity ?? 'error',
        message:
          descriptor.message ??
          (template === undefined
            ? descriptor.code
            : formatTemplate(localize(template, lang), descriptor.data)),
        rule: id,
      });
    };
    // A crash in `row` is placed at the row being checked.
    let checking: RowEntry | undefined;
    try {
      const handlers = rule.create({ id, lang, campaign, report });
      if (handlers.row)
        for (const row of entries) {
          checking = row;
          handlers.row(row);
        }
      checking = undefined;
      handlers.table?.(entries);
    } catch (error) {
      const source = checking?.source;
      issues.push({
        path: source?.path ?? '',
        ...(source?.sheet !== undefined ? { sheet: source.sheet } : {}),
        ...(source?.row !== undefined ? { row: source.row } : {}),
        code: 'rule-crashed',
        severity: 'error',
        message: `${lang === 'zh' ? '规则运行出错' : 'Rule failed'} ${id}: ${error instanceof Error ? error.message : String(error)}`,
        rule: id,
      });
    }
  }
  return issues;
}

describe('startRules', () => {
  it('reports a rule whose row handler throws once as rule-crashed and calls it no more; the others go on', async () => {
    const calls: string[] = [];
    const campaign = await campaignWith({ crashy: crashingOnSecond(calls), counter: counting(calls) });
    const run = startRules(campaign, 'zh');
    for (const row of rows) run.row(row);
    run.finish(rows);
    // The crashing rule saw 甲 and 坏行, then neither the later rows nor the table call.
    expect(calls).toEqual(['甲', 'count 甲', '坏行', 'count 坏行', 'count 丙', 'count 丁']);
    expect(shown(run.issues).filter((issue) => issue.code === 'rule-crashed')).toEqual([
      {
        ...placeOf(rows[1]!),
        code: 'rule-crashed',
        severity: 'error',
        message: '规则运行出错 p/crashy: 第二行读不懂',
        rule: 'p/crashy',
      },
    ]);
    expect(shown(run.issues).map((issue) => [issue.rule, issue.code, issue.row, issue.message])).toEqual([
      ['p/crashy', 'seen', 4, '看过 甲'],
      ['p/crashy', 'rule-crashed', 5, '规则运行出错 p/crashy: 第二行读不懂'],
      ['p/counter', 'row', 6, '第 6 行'],
      ['p/counter', 'rows', undefined, '共 4/4 行'],
    ]);
  });

  it('reports a rule whose create throws once, and runs the rest', async () => {
    const calls: string[] = [];
    const campaign = await campaignWith({ broken: brokenCreate, counter: counting(calls) });
    const run = startRules(campaign, 'en');
    expect(shown(run.issues, 'en')).toEqual([
      {
        path: '',
        code: 'rule-crashed',
        severity: 'error',
        message: 'Rule failed p/broken: 起不来',
        rule: 'p/broken',
      },
    ]);
    for (const row of rows) run.row(row);
    run.finish(rows);
    expect(run.issues.map((issue) => issue.code)).toEqual(['rule-crashed', 'row', 'rows']);
  });

  it('reports a table handler that throws once', async () => {
    const tableCrash = defineRule({
      meta: { messages: {} },
      create: () => ({
        table() {
          throw new Error('表坏了');
        },
      }),
    });
    const run = startRules(await campaignWith({ tableCrash }), 'zh');
    run.finish(rows);
    expect(shown(run.issues)).toEqual([
      expect.objectContaining({ code: 'rule-crashed', message: '规则运行出错 p/tableCrash: 表坏了' }),
    ]);
  });

  it('needs every row only when some rule has a table handler', async () => {
    expect(startRules(await campaignWith({ rowsOnly, previousRow })).needsAllRows).toBe(false);
    expect(startRules(await campaignWith({ rowsOnly, atMostOnePerDay })).needsAllRows).toBe(true);
    expect(startRules(await campaignWith({ onlineNeedsNote })).needsAllRows).toBe(false);
    // A rule whose create throws has no handlers to need rows for.
    expect(startRules(await campaignWith({ brokenCreate, rowsOnly })).needsAllRows).toBe(false);
    expect(startRules(await resolveCampaign(linfen2024Campaign)).needsAllRows).toBe(false);
  });

  it('runs table handlers with no rows when finish is given none', async () => {
    const run = startRules(await campaignWith({ counter: counting([]) }));
    run.finish();
    expect(shown(run.issues).map((issue) => issue.message)).toEqual(['共 0/0 行']);
  });

  it('keeps reports about other rows at the row they name', async () => {
    const run = startRules(await campaignWith({ previousRow }));
    for (const row of rows) run.row(row);
    run.finish([]);
    expect(shown(run.issues).map((issue) => [issue.row, issue.message])).toEqual([
      [4, '上一行：甲'],
      [5, '上一行：坏行'],
      [6, '上一行：丙'],
    ]);
  });
});

describe('runRules gives the issues it gave before startRules', () => {
  it('for row, table, crashing and broken rules together, in the same order', async () => {
    const day = { start: '2024-06-15', end: '2024-06-15' };
    const entries = [
      entry({ name: '线上讲座', mode: 'online', date: day }, 4),
      entry({ name: '坏行', mode: 'online', date: day }, 5),
      entry({ name: '健步走', mode: 'offline', date: day }, 6),
      entry({ name: '丙', mode: 'online', date: day }, 7),
    ];
    const campaign = await campaignWith({
      onlineNeedsNote,
      crashy: crashingOnSecond([]),
      atMostOnePerDay,
      broken: brokenCreate,
      previousRow,
      counter: counting([]),
      crashing,
    });
    for (const lang of ['zh', 'en'] as const) {
      const issues = runRules(campaign, entries, lang);
      expect(issues.length).toBeGreaterThan(8);
      expect(shown(issues, lang)).toEqual(runRulesOneByOne(campaign, entries, lang));
    }
    expect(shown(runRules(campaign, []))).toEqual(runRulesOneByOne(campaign, []));
  });
});
