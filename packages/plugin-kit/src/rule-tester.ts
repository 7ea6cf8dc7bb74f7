import {
  type CampaignInput,
  linfen2024Campaign,
  type Rendered,
  renderIssue,
  type Severity,
} from '@jianshen/schema';
import type { Plugin } from './plugin.js';
import { type ResolvedCampaign, resolveCampaign } from './resolve-campaign.js';
import type { RowEntry, RowSource } from './row-entry.js';
import type { Rule } from './rule.js';
import { type RuleIssue, runRules } from './run-rules.js';

/**
 * A row as a test writes it: the values a rule sees (`date` as `{ start, end }`, `mode` as
 * `offline`, plugin values by key). Typed loosely so tests stay literal; the tester checks each
 * value against the campaign's columns before running the rule.
 */
export type TestRowValues = Readonly<Record<string, unknown>>;

/** A row given in full, when a case needs a particular unit or source position. */
export type TestRow = TestRowValues | RowEntry;

interface RuleTestCaseBase {
  /** Test title; by default the rows as JSON. */
  name?: string;
  /** The submitting unit of every row given as plain values (default `测试单位`). */
  unit?: string;
  /** The file every row given as plain values comes from (default `test.xlsx`). */
  path?: string;
}

/** One row, or several rows when the rule looks at the whole table. */
export type RuleTestRows = { row: TestRow; rows?: never } | { rows: readonly TestRow[]; row?: never };

export type ValidTestCase = RuleTestCaseBase & RuleTestRows;

/** What an expected finding must match; unspecified properties are not checked. */
export interface ExpectedIssue {
  /** The `meta.messages` key the rule reported. */
  code: string;
  field?: string;
  severity?: Severity;
  /** 1-based position of the row in the case's `rows` (the spreadsheet row the issue names). */
  row?: number;
  /** The message must equal this text, or match this pattern. */
  message?: string | RegExp;
}

export type InvalidTestCase = RuleTestCaseBase &
  RuleTestRows & {
    /** The findings, in the order the rule reports them; a number only checks how many. */
    errors: number | readonly (ExpectedIssue | string)[];
  };

export interface RuleTests {
  valid: readonly ValidTestCase[];
  invalid: readonly InvalidTestCase[];
}

type DescribeFunction = (name: string, body: () => void) => unknown;
type ItFunction = (name: string, body: () => void | Promise<void>) => unknown;

export interface RuleTesterOptions {
  /**
   * The campaign the rule runs in (`context.campaign`): a resolved campaign, or campaign input to
   * resolve. Default: the built-in Linfen 2024 campaign with `plugins` added.
   */
  campaign?: ResolvedCampaign | CampaignInput;
  /** Plugins added to the campaign, so their fields' schemas check the test rows. */
  plugins?: readonly Plugin[];
  lang?: 'zh' | 'en';
  /** The test runner's `describe` and `it`; by default `RuleTester.describe`/`it`, then globals. */
  describe?: DescribeFunction;
  it?: ItFunction;
}

/** Thrown when a case fails; the message lists what the rule actually reported. */
export class RuleTesterError extends Error {
  override readonly name = 'RuleTesterError';
}

const defaultUnit = '测试单位';
const defaultPath = 'test.xlsx';

function isRowEntry(row: TestRow): row is RowEntry {
  const candidate = row as { values?: unknown; unit?: unknown; source?: unknown };
  return (
    typeof candidate.values === 'object' &&
    candidate.values !== null &&
    typeof candidate.unit === 'string' &&
    typeof candidate.source === 'object' &&
    candidate.source !== null
  );
}

function rowsOf(testCase: RuleTestCaseBase & RuleTestRows): readonly TestRow[] {
  if (testCase.rows !== undefined) return testCase.rows;
  if (testCase.row !== undefined) return [testCase.row];
  throw new RuleTesterError('每个用例须有 row 或 rows (every case needs row or rows)');
}

/** Turns a case's rows into entries as the aggregator hands them to rules: row N sits on spreadsheet row N. */
export function testEntries(
  rows: readonly TestRow[],
  options: { unit?: string; path?: string } = {},
): RowEntry[] {
  return rows.map((row, index) => {
    if (isRowEntry(row)) return row;
    const source: RowSource = { path: options.path ?? defaultPath, sheet: 'Sheet1', row: index + 1 };
    return { values: { ...row } as RowEntry['values'], unit: options.unit ?? defaultUnit, source };
  });
}

function caseTitle(testCase: RuleTestCaseBase & RuleTestRows): string {
  if (testCase.name) return testCase.name;
  const rows = rowsOf(testCase).map((row) => (isRowEntry(row) ? row.values : row));
  const text = JSON.stringify(rows.length === 1 ? rows[0] : rows);
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

/** A rule's issue with its text in the tester's language, as a case checks it. */
type TestedIssue = Rendered<RuleIssue>;

/** What differs between a reported issue and the one a case expects (only what it names). */
function mismatchesOf(actual: TestedIssue, want: ExpectedIssue): string[] {
  const mismatches: string[] = [];
  if (actual.code !== want.code) mismatches.push(`code: ${actual.code} ≠ ${want.code}`);
  for (const key of ['field', 'severity', 'row'] as const) {
    if (want[key] !== undefined && actual[key] !== want[key])
      mismatches.push(`${key}: ${actual[key]} ≠ ${want[key]}`);
  }
  const message = want.message;
  if (message !== undefined) {
    const matches = typeof message === 'string' ? actual.message === message : message.test(actual.message);
    if (!matches) mismatches.push(`message: "${actual.message}" ≠ ${String(message)}`);
  }
  return mismatches;
}

function describeIssues(issues: readonly TestedIssue[]): string {
  if (issues.length === 0) return '  (none)';
  return issues
    .map(
      (issue) =>
        `  - ${issue.code}${issue.field ? ` [${issue.field}]` : ''}${issue.row !== undefined ? ` row ${issue.row}` : ''} (${issue.severity}): ${issue.message}`,
    )
    .join('\n');
}

/**
 * Tests one rule the way ESLint's RuleTester does: rows that must pass, and rows that must
 * report exactly the expected findings. Each case becomes one test in the runner.
 *
 * ```ts
 * import { describe, it } from 'vitest';
 * RuleTester.describe = describe;
 * RuleTester.it = it;
 * new RuleTester({ plugins: [myPlugin] }).run('my-rule', myPlugin.rules['my-rule'], { valid, invalid });
 * ```
 */
export class RuleTester {
  /** The runner's `describe`, used when none is passed to the constructor (as in ESLint). */
  static describe: DescribeFunction | undefined;
  /** The runner's `it`, used when none is passed to the constructor. */
  static it: ItFunction | undefined;

  /**
   * Takes `describe` and `it` from vitest, imported when called so plugin-kit itself never
   * depends on a test runner: `await RuleTester.useVitest()` at the top of a test file.
   */
  static async useVitest(): Promise<void> {
    // A variable specifier keeps bundlers from pulling vitest into plugin-kit's build.
    const specifier = 'vitest';
    const runner = (await import(/* @vite-ignore */ specifier)) as {
      describe: DescribeFunction;
      it: ItFunction;
    };
    RuleTester.describe = runner.describe;
    RuleTester.it = runner.it;
  }

  readonly #options: RuleTesterOptions;
  #campaign: Promise<ResolvedCampaign> | undefined;

  constructor(options: RuleTesterOptions = {}) {
    this.#options = options;
  }

  /** The campaign the cases run in, resolved once per tester. */
  campaign(): Promise<ResolvedCampaign> {
    if (!this.#campaign) {
      const { campaign, plugins = [] } = this.#options;
      if (campaign && 'fields' in campaign && 'rules' in campaign) {
        this.#campaign =
          plugins.length === 0
            ? Promise.resolve(campaign as ResolvedCampaign)
            : Promise.reject(
                new RuleTesterError(
                  '已解析的活动不能再添加 plugins，请传入活动配置 (plugins cannot be added to a resolved campaign; pass the campaign input)',
                ),
              );
      } else {
        const base = (campaign ?? linfen2024Campaign) as CampaignInput;
        const input = { ...base, plugins: [...(base.plugins ?? []), ...plugins] };
        this.#campaign = resolveCampaign(input, { path: '(RuleTester)' });
      }
    }
    return this.#campaign;
  }

  /** Registers one `describe` with a `valid` and an `invalid` group of tests in the runner. */
  run(name: string, rule: Rule, tests: RuleTests): void {
    const describe =
      this.#options.describe ??
      RuleTester.describe ??
      (globalThis as { describe?: DescribeFunction }).describe;
    const it = this.#options.it ?? RuleTester.it ?? (globalThis as { it?: ItFunction }).it;
    if (!describe || !it) {
      throw new RuleTesterError(
        'RuleTester 需要测试框架的 describe 和 it：设置 RuleTester.describe/it、在构造参数中传入，或先 await RuleTester.useVitest()；' +
          '不使用测试框架时请调用 verify() (RuleTester needs describe and it: set RuleTester.describe/it, pass them in, ' +
          'or await RuleTester.useVitest(); without a runner call verify())',
      );
    }
    this.#check(name, rule, tests);
    describe(name, () => {
      describe('valid', () => {
        for (const testCase of tests.valid)
          it(caseTitle(testCase), () => this.#runValid(name, rule, testCase));
      });
      describe('invalid', () => {
        for (const testCase of tests.invalid)
          it(caseTitle(testCase), () => this.#runInvalid(name, rule, testCase));
      });
    });
  }

  /** Runs every case without a test runner; rejects with all failures listed. */
  async verify(name: string, rule: Rule, tests: RuleTests): Promise<void> {
    this.#check(name, rule, tests);
    const failures: string[] = [];
    const attempt = async (kind: string, testCase: ValidTestCase, body: () => Promise<void>) => {
      try {
        await body();
      } catch (error) {
        failures.push(
          `${name} › ${kind} › ${caseTitle(testCase)}\n${error instanceof Error ? error.message : String(error)}`,
        );
      }
    };
    for (const testCase of tests.valid)
      await attempt('valid', testCase, () => this.#runValid(name, rule, testCase));
    for (const testCase of tests.invalid)
      await attempt('invalid', testCase, () => this.#runInvalid(name, rule, testCase));
    if (failures.length > 0) throw new RuleTesterError(failures.join('\n\n'));
  }

  #check(name: string, rule: Rule, tests: RuleTests): void {
    if (typeof rule?.create !== 'function' || typeof rule.meta?.messages !== 'object') {
      throw new RuleTesterError(
        `${name}: 规则须有 meta.messages 和 create() (a rule needs meta.messages and create())`,
      );
    }
    if (!Array.isArray(tests?.valid) || !Array.isArray(tests?.invalid)) {
      throw new RuleTesterError(
        `${name}: 须提供 valid 和 invalid 两个数组 (tests need valid and invalid arrays)`,
      );
    }
  }

  /** Runs the rule over a case's rows after checking the rows are ones the campaign's columns accept. */
  async #execute(
    name: string,
    rule: Rule,
    testCase: RuleTestCaseBase & RuleTestRows,
  ): Promise<TestedIssue[]> {
    const campaign = await this.campaign();
    const entries = testEntries(rowsOf(testCase), {
      ...(testCase.unit !== undefined ? { unit: testCase.unit } : {}),
      ...(testCase.path !== undefined ? { path: testCase.path } : {}),
    });
    // A row the aggregator would never hand over makes a test that proves nothing: refuse it.
    for (const [index, entry] of entries.entries()) {
      for (const field of campaign.fields) {
        const value = entry.values[field.key];
        if (value === undefined) continue;
        const parsed = field.schema.safeParse(value);
        if (!parsed.success) {
          throw new RuleTesterError(
            `第 ${index + 1} 行的「${field.label}」(${field.key}) 不是汇总后会出现的值 ${JSON.stringify(value)}` +
              ` (row ${index + 1}: ${field.key} is not a value rules ever see): ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
          );
        }
      }
    }
    const lang = this.#options.lang ?? 'zh';
    const issues = runRules(campaign, entries, lang, [{ id: name, plugin: '(RuleTester)', rule }]).map(
      (issue) => renderIssue(issue, lang),
    );
    const crash = issues.find((issue) => issue.code === 'rule-crashed');
    if (crash) throw new RuleTesterError(crash.message);
    for (const issue of issues) {
      if (!(issue.code in rule.meta.messages)) {
        throw new RuleTesterError(
          `规则报告了 meta.messages 中没有的代码「${issue.code}」(the rule reported code "${issue.code}", which meta.messages lacks)`,
        );
      }
    }
    return issues;
  }

  async #runValid(name: string, rule: Rule, testCase: ValidTestCase): Promise<void> {
    const issues = await this.#execute(name, rule, testCase);
    if (issues.length > 0) {
      throw new RuleTesterError(
        `应无问题，实际报告了 ${issues.length} 个 (expected no issues, got ${issues.length}):\n${describeIssues(issues)}`,
      );
    }
  }

  async #runInvalid(name: string, rule: Rule, testCase: InvalidTestCase): Promise<void> {
    const issues = await this.#execute(name, rule, testCase);
    const expected = testCase.errors;
    const count = typeof expected === 'number' ? expected : expected.length;
    if (count < 1)
      throw new RuleTesterError(
        'invalid 用例须至少期望一个问题 (an invalid case expects at least one issue)',
      );
    if (issues.length !== count) {
      throw new RuleTesterError(
        `应有 ${count} 个问题，实际 ${issues.length} 个 (expected ${count} issues, got ${issues.length}):\n${describeIssues(issues)}`,
      );
    }
    if (typeof expected === 'number') return;
    for (const [index, wanted] of expected.entries()) {
      const want: ExpectedIssue = typeof wanted === 'string' ? { code: wanted } : wanted;
      const actual = issues[index]!;
      const mismatches = mismatchesOf(actual, want);
      if (mismatches.length > 0) {
        throw new RuleTesterError(
          `第 ${index + 1} 个问题不符 (issue ${index + 1} differs): ${mismatches.join('; ')}\n${describeIssues(issues)}`,
        );
      }
    }
  }
}
