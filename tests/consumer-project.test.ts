import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Another city's developer installs the packed tarballs into a project of their own and uses them
// from ESM and from CommonJS: the same script runs in both formats (only `load` differs), aggregates
// a submission with landlines and renders the notice and both templates. The packages are used as
// published (npm pack: dist, exports maps, dependencies), not through this repository's paths.
const root = new URL('..', import.meta.url).pathname;
const packagesDirectory = join(root, 'packages');

interface Manifest {
  name: string;
  private?: boolean;
  bin?: unknown;
  exports?: Record<string, unknown>;
}

const libraries = readdirSync(packagesDirectory)
  .map((name) => join(packagesDirectory, name))
  .filter((directory) => existsSync(join(directory, 'package.json')))
  .map((directory) => ({
    directory,
    manifest: JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as Manifest,
  }))
  // The libraries: the CLI is an application (ESM only, tested through its bin elsewhere).
  .filter(({ manifest }) => !manifest.private && !manifest.bin);

/** Every JavaScript entry of every library: `@jianshen/template/docx`, `@jianshen/aggregator/node`, … */
const entries = libraries.flatMap(({ manifest }) =>
  Object.keys(manifest.exports ?? {})
    .filter((subpath) => subpath !== './package.json' && !subpath.endsWith('.json'))
    .map((subpath) => (subpath === '.' ? manifest.name : `${manifest.name}${subpath.slice(1)}`)),
);

const unbuilt = libraries
  .filter(({ directory }) => !existsSync(join(directory, 'dist')))
  .map(({ manifest }) => manifest.name);
if (unbuilt.length > 0) {
  console.log(
    `consumer-project.test.ts skipped: no dist/ for ${unbuilt.join(', ')} — run \`npm run build\` first (the README's test line does).`,
  );
}

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' },
    maxBuffer: 64 * 2 ** 20,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

// The script both formats run. `load(name)` is `import(name)` in ESM and `require(name)` in CJS.
const smokeScript = String.raw`
const { readFileSync, readdirSync } = require_('node:fs');
const { join } = require_('node:path');

async function main() {
  const entries = JSON.parse(process.argv[2]);
  const submissions = process.argv[3];
  const out = { exports: {} };
  for (const entry of entries) {
    const module = await load(entry);
    out.exports[entry] = Object.keys(module).filter((key) => key !== 'default' && key !== 'module.exports').sort();
  }
  const { normalizePhones, linfen2024Campaign } = await load('@jianshen/schema');
  const { resolveCampaign } = await load('@jianshen/plugin-kit');
  const { unpackZip, readZipText } = await load('@jianshen/ooxml');
  const { renderNotice } = await load('@jianshen/notice');
  const { renderTemplateDocx } = await load('@jianshen/template/docx');
  const { renderTemplateXlsx } = await load('@jianshen/template/xlsx');
  const { aggregate, writeConsolidatedWorkbook } = await load('@jianshen/aggregator');
  const { aggregateFiles } = await load('@jianshen/aggregator/node');
  const { participationPlugin } = await load('@jianshen/plugin-participation');

  out.phones = ['0357-2345678', '0357 7012345', '(0357)2345678转801', '13912345678', '0311-1234567'].map(
    (text) => normalizePhones(text),
  );
  const campaign = await resolveCampaign(linfen2024Campaign);

  const notice = await renderNotice(campaign);
  out.notice = { bytes: notice.length, text: readZipText(notice, 'word/document.xml').replace(/<[^>]+>/g, '') };
  const docx = await renderTemplateDocx(campaign);
  out.templateDocx = { bytes: docx.length, text: readZipText(docx, 'word/document.xml').replace(/<[^>]+>/g, '') };
  const xlsx = await renderTemplateXlsx(campaign, { rows: 10 });
  out.templateXlsx = { bytes: xlsx.length, parts: Object.keys(unpackZip(xlsx)).sort(), workbook: readZipText(xlsx, 'xl/workbook.xml') };

  const csv = [
    '2024年全民健身志愿服务活动统计表',
    '单位名称（盖章）：侯马市体育局',
    '序号,举办单位,活动名称,活动简介,举办方式（线上、线下）,举办时间,联系人,联系方式,备注',
    '1,侯马市体育局,乒乓球公益培训,面向青少年的公益培训,线下,2024.7.15-7.19,王芳,0357-2345678,',
    '2,侯马市太极拳协会,太极拳推广,公园晨练,线上、线下,2024年9月,李强,0357 7012345,',
    '3,侯马市体育局,全民健身日,,线下,2024-08-08,王芳,(0357)2345678转801,',
    '4,侯马市体育局,健步走,,线下,2024-10-01,赵敏,13912345678,',
  ].join('\r\n');
  const report = await aggregate([{ path: '侯马市.csv', data: new TextEncoder().encode(csv), modified: new Date('2024-05-20') }], campaign);
  out.aggregate = {
    summary: { rowsRead: report.summary.rowsRead, rowsAccepted: report.summary.rowsAccepted, errors: report.summary.errors },
    phones: report.rows.map((row) => row.phone),
    units: report.rows.map((row) => row.unit),
    issues: report.issues.map((issue) => issue.code),
  };
  const consolidated = await writeConsolidatedWorkbook(report, campaign);
  out.consolidated = { bytes: consolidated.length, sheet: readZipText(consolidated, 'xl/worksheets/sheet1.xml') };

  const files = readdirSync(submissions).map((name) => join(submissions, name));
  const fromFiles = await aggregateFiles(files, campaign, { submittedOn: '2024-05-27' });
  out.aggregateFiles = {
    files: fromFiles.summary.files,
    filesOk: fromFiles.summary.filesOk,
    rowsAccepted: fromFiles.summary.rowsAccepted,
    landlines: fromFiles.rows.flatMap((row) => row.phone).filter((phone) => phone.startsWith('0')).length,
  };
  const participation = await resolveCampaign({ ...linfen2024Campaign, plugins: [participationPlugin] });
  out.pluginColumns = participation.fields.map((field) => field.key);
  console.log(JSON.stringify(out));
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

type SmokeResult = {
  exports: Record<string, string[]>;
  phones: { ok: boolean; value?: string[]; code?: string }[];
  notice: { bytes: number; text: string };
  templateDocx: { bytes: number; text: string };
  templateXlsx: { bytes: number; parts: string[]; workbook: string };
  aggregate: {
    summary: { rowsRead: number; rowsAccepted: number; errors: number };
    phones: string[][];
    units: string[];
    issues: string[];
  };
  consolidated: { bytes: number; sheet: string };
  aggregateFiles: { files: number; filesOk: number; rowsAccepted: number; landlines: number };
  pluginColumns: string[];
};

describe.skipIf(unbuilt.length > 0)('a consumer project installing the packed tarballs', () => {
  let project: string;
  const results: Record<'esm' | 'cjs', SmokeResult | undefined> = { esm: undefined, cjs: undefined };

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'jianshen-consumer-'));
    const tarballs = join(project, 'tarballs');
    mkdirSync(tarballs);
    run(
      'npm',
      [
        'pack',
        '--silent',
        '--pack-destination',
        tarballs,
        ...libraries.map(({ directory }) => `--workspace=${directory}`),
      ],
      root,
    );
    writeFileSync(
      join(project, 'package.json'),
      `${JSON.stringify({ name: 'another-city', private: true, version: '1.0.0' }, null, 2)}\n`,
    );
    // The cache `npm ci` filled serves every package; the registry is asked only for what is
    // missing. --engine-strict: the packages' Node ≥ 20.19 promise must hold for what they bring.
    const zod = JSON.parse(readFileSync(join(root, 'node_modules/zod/package.json'), 'utf8')).version;
    run(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--engine-strict',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `zod@${zod}`,
        ...readdirSync(tarballs).map((name) => join(tarballs, name)),
      ],
      project,
    );
    const submissions = join(project, 'submissions');
    cpSync(join(root, 'examples/linfen-2024/submissions'), submissions, {
      filter: (source) => !source.endsWith('.py'),
      recursive: true,
    });
    for (const [format, file, load] of [
      [
        'esm',
        'smoke.mjs',
        "const load = (name) => import(name);\nimport { createRequire } from 'node:module';\nconst require_ = createRequire(import.meta.url);",
      ],
      ['cjs', 'smoke.cjs', 'const load = async (name) => require(name);\nconst require_ = require;'],
    ] as const) {
      writeFileSync(join(project, file), `${load}\n${smokeScript}`);
      const stdout = run(process.execPath, [file, JSON.stringify(entries), submissions], project);
      results[format] = JSON.parse(stdout.trim().split('\n').at(-1)!) as SmokeResult;
    }
  }, 600_000);

  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('installs with --engine-strict on this Node and finds every entry', () => {
    expect(Object.keys(results.esm!.exports).sort()).toEqual([...entries].sort());
  });

  it('CommonJS exports the same names as ESM from every entry', () => {
    for (const entry of entries) {
      expect(results.cjs!.exports[entry], entry).toEqual(results.esm!.exports[entry]);
      expect(results.esm!.exports[entry]!.length, entry).toBeGreaterThan(0);
    }
  });

  it.each(['esm', 'cjs'] as const)(
    '%s: normalises landlines and mobiles, rejects a wrong-length landline',
    (format) => {
      const phones = results[format]!.phones;
      expect(phones.map((phone) => phone.value ?? phone.code)).toEqual([
        ['0357-2345678'],
        ['0357-7012345'],
        ['0357-2345678转801'],
        ['13912345678'],
        'phone-invalid',
      ]);
    },
  );

  it.each(['esm', 'cjs'] as const)('%s: aggregates a submission with landlines', (format) => {
    const { aggregate, consolidated } = results[format]!;
    expect(aggregate.summary).toEqual({ rowsRead: 4, rowsAccepted: 4, errors: 0 });
    expect(aggregate.phones).toEqual([
      ['0357-2345678'],
      ['0357-7012345'],
      ['0357-2345678转801'],
      ['13912345678'],
    ]);
    expect(aggregate.units).toEqual(Array(4).fill('侯马市体育局'));
    expect(aggregate.issues).not.toContain('phone-invalid');
    expect(consolidated.sheet).toContain('0357-2345678');
  });

  it.each(['esm', 'cjs'] as const)('%s: aggregates the Linfen example submissions from files', (format) => {
    const { aggregateFiles } = results[format]!;
    expect(aggregateFiles.files).toBe(5);
    expect(aggregateFiles.filesOk).toBe(5);
    expect(aggregateFiles.rowsAccepted).toBeGreaterThan(5);
    expect(aggregateFiles.landlines).toBeGreaterThan(0);
  });

  it.each(['esm', 'cjs'] as const)('%s: renders the notice and both templates', (format) => {
    const { notice, templateDocx, templateXlsx } = results[format]!;
    expect(notice.text).toContain('临汾市体育局');
    expect(notice.text).toContain('临体字〔2024〕44号');
    expect(templateDocx.text).toContain('单位名称（盖章）');
    expect(templateDocx.text).toContain('联系方式');
    expect(templateXlsx.parts).toEqual(
      expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']),
    );
    expect(templateXlsx.workbook).toContain('JianshenTemplate');
  });

  it('ESM and CommonJS render the same bytes', () => {
    const { esm, cjs } = results;
    expect(cjs!.notice).toEqual(esm!.notice);
    expect(cjs!.templateDocx).toEqual(esm!.templateDocx);
    expect(cjs!.templateXlsx).toEqual(esm!.templateXlsx);
    expect(cjs!.consolidated).toEqual(esm!.consolidated);
    expect(cjs!.pluginColumns).toEqual(esm!.pluginColumns);
    expect(esm!.pluginColumns.length).toBeGreaterThan(9);
  });
});
