import {
  CampaignError,
  type CampaignInput,
  type Issue,
  type Lang,
  linfen2024Campaign,
  type RenderedIssue,
  renderIssue,
  reportIssue,
} from '@jianshen/schema';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { runnableInPage } from '../plugins/first-party-plugins.js';
import { CampaignFields, LeftOutPlugins } from './campaign-fields.js';
import { CampaignFilePicker } from './campaign-file-picker.js';
import { type CampaignForm, campaignFromForm, formFromCampaign, placeIssues } from './campaign-form.js';
import { campaignSays } from './campaign-text.js';
import { DocumentButtons } from './document-buttons.js';
import { IssueList } from './form-field.js';
import { validateCampaign } from './validate-campaign.js';

export interface CampaignPartProps {
  lang: Lang;
  campaign: CampaignInput;
  /** Called with every edit that parses as a campaign input (validation shown in the part). */
  onCampaignChange: (campaign: CampaignInput) => void;
}

interface Source {
  /** The file's name, or undefined for the built-in campaign. */
  name: string | undefined;
  /** The campaign as opened: settings the form does not edit are carried over from it. */
  base: unknown;
}

/**
 * 活动: the campaign as a form. Every edit is validated by the schema at once; a valid campaign
 * goes up to the page (the 汇总 part checks against it) and can be downloaded as the commented
 * YAML, the notice and the templates.
 */
export function CampaignPart({ lang, campaign: initial, onCampaignChange }: CampaignPartProps) {
  const [source, setSource] = useState<Source>({ name: undefined, base: initial });
  const [form, setForm] = useState<CampaignForm>(() => formFromCampaign(initial));
  /** Why the last chosen file could not be opened (the form keeps what it had). */
  const [fileProblem, setFileProblem] = useState<{ name: string; issues: readonly RenderedIssue[] }>();
  const path = source.name ?? 'campaign';
  const input = useMemo(() => campaignFromForm(form, source.base), [form, source.base]);
  const issues = useMemo(() => validateCampaign(input, { lang, path }), [input, lang, path]);
  const placed = useMemo(() => placeIssues(issues), [issues]);
  const runnable = useMemo(() => runnableInPage(input), [input]);
  const valid = issues.length === 0;

  // The aggregation gets the whole campaign: a plugin the page cannot run becomes an issue in
  // its report (and report.json), as in the CLI. The documents use `runnable` (see below).
  useEffect(() => {
    if (valid) onCampaignChange(input);
  }, [valid, input, onCampaignChange]);

  const open = (name: string | undefined, data: unknown) => {
    setSource({ name, base: data });
    setForm(formFromCampaign(data));
    setFileProblem(undefined);
  };
  const edit = (change: Partial<CampaignForm>) => setForm((previous) => ({ ...previous, ...change }));
  const say = (key: Parameters<typeof campaignSays>[1], values?: Record<string, string | number>) =>
    campaignSays(lang, key, values);

  return (
    <div class="campaign-part">
      <div class="part-intro">
        <h2>{say('heading')}</h2>
        <p>{say('intro')}</p>
      </div>
      <div class="card campaign-toolbar">
        <CampaignFilePicker
          lang={lang}
          sourceName={source.name}
          onOpen={open}
          onFileError={(name, error) =>
            setFileProblem({
              name,
              issues: (error instanceof CampaignError ? error.issues : [fileIssue(error)]).map((issue) =>
                renderIssue(issue, lang),
              ),
            })
          }
          onReset={() => open(undefined, linfen2024Campaign)}
        />
        <DocumentButtons lang={lang} input={input} runnable={runnable.campaign} valid={valid} />
        <div class="validation-summary" role="status">
          {valid ? (
            <p class="summary-ok">{say('valid')}</p>
          ) : (
            <p class="summary-error">{say('invalid', { count: issues.length })}</p>
          )}
          {runnable.leftOut.length > 0 ? (
            // Said at the top as well as beside the plugins: the documents below leave them out.
            <div class="notice-box">
              <p>{say('filePluginNotice')}</p>
              <LeftOutPlugins plugins={runnable.leftOut} />
            </div>
          ) : null}
          {fileProblem ? (
            <div class="other-issues">
              <h3>{say('fileNotOpened', { name: fileProblem.name })}</h3>
              <IssueList issues={fileProblem.issues} />
            </div>
          ) : null}
          {placed.rest.length > 0 ? (
            <div class="other-issues">
              <h3>{say('otherIssues')}</h3>
              <IssueList issues={placed.rest} />
            </div>
          ) : null}
        </div>
      </div>
      <CampaignFields
        lang={lang}
        form={form}
        onEdit={edit}
        issues={placed.byField}
        leftOutPlugins={runnable.leftOut}
      />
    </div>
  );
}

function fileIssue(error: unknown): Issue {
  const reason = error instanceof Error ? error.message : String(error);
  return reportIssue('campaign-file-unreadable', { reason }, { path: 'campaign' });
}
