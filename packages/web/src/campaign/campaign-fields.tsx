import type { Lang, RenderedIssue } from '@jianshen/schema';
import { firstPartyPlugins } from '../plugins/first-party-plugins.js';
import type { CampaignForm, FormField } from './campaign-form.js';
import { bodyConventionLines, campaignSays } from './campaign-text.js';
import { ContactsEditor } from './contacts-editor.js';
import { Field, IssueList, TextInput } from './form-field.js';

export interface CampaignFieldsProps {
  lang: Lang;
  form: CampaignForm;
  onEdit: (change: Partial<CampaignForm>) => void;
  issues: Partial<Record<FormField, RenderedIssue[]>>;
  /** Plugins named by the campaign that the page cannot run. */
  leftOutPlugins: readonly string[];
}

type TextKey = Parameters<typeof campaignSays>[1];

/** The form's sections: 发文, 正文, 联系人, 时间与报送, 插件. */
export function CampaignFields(props: CampaignFieldsProps) {
  const { lang, form, onEdit, issues } = props;
  const say = (key: TextKey) => campaignSays(lang, key);
  const text = (
    field: keyof CampaignForm & FormField,
    label: TextKey,
    more: { hint?: TextKey; type?: 'date' | 'email'; wide?: boolean } = {},
  ) => (
    <TextInput
      id={`campaign-${field}`}
      label={say(label)}
      value={form[field] as string}
      onValue={(value) => onEdit({ [field]: value })}
      hint={more.hint ? say(more.hint) : undefined}
      issues={issues[field]}
      type={more.type ?? 'text'}
      wide={more.wide ?? false}
    />
  );
  return (
    <div class="campaign-fields">
      <fieldset class="card">
        <legend>{say('sectionIssuer')}</legend>
        <div class="form-grid">
          {text('issuerName', 'issuerName')}
          {text('issuerMark', 'issuerMark', { hint: 'issuerMarkHint' })}
          {text('docNumber', 'docNumber', { hint: 'docNumberHint' })}
          {text('areaCode', 'areaCode', { hint: 'areaCodeHint' })}
          {text('title', 'title', { wide: true })}
          {text('recipients', 'recipients', { hint: 'recipientsHint', wide: true })}
          {text('id', 'id', { hint: 'idHint', wide: true })}
        </div>
      </fieldset>
      <fieldset class="card">
        <legend>{say('sectionBody')}</legend>
        <div class="body-editor">
          <Field id="campaign-body" label={say('body')} issues={issues.body}>
            {(describedBy, invalid) => (
              <textarea
                id="campaign-body"
                rows={18}
                value={form.body}
                aria-describedby={[describedBy, 'body-convention'].filter(Boolean).join(' ')}
                aria-invalid={invalid}
                onInput={(event) => onEdit({ body: event.currentTarget.value })}
              />
            )}
          </Field>
          <aside class="body-convention" id="body-convention" aria-label={say('bodyConventionTitle')}>
            <h3>{say('bodyConventionTitle')}</h3>
            <ul>
              {bodyConventionLines(lang).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </aside>
        </div>
      </fieldset>
      <fieldset class="card">
        <legend>{say('sectionContacts')}</legend>
        <ContactsEditor
          lang={lang}
          rows={form.contacts}
          onRows={(contacts) => onEdit({ contacts })}
          issues={issues.contacts}
        />
        <div class="form-grid">{text('email', 'contactEmail', { type: 'email' })}</div>
      </fieldset>
      <fieldset class="card">
        <legend>{say('sectionSchedule')}</legend>
        <div class="form-grid form-grid-3">
          {text('periodStart', 'periodStart', { type: 'date', hint: 'periodHint' })}
          {text('periodEnd', 'periodEnd', { type: 'date' })}
          {text('deadline', 'deadline', { type: 'date', hint: 'deadlineHint' })}
          {text('submitTo', 'submitTo')}
          {text('tableTitle', 'tableTitle', { wide: true })}
        </div>
        <Field
          id="campaign-expectedUnits"
          label={say('expectedUnits')}
          hint={say('expectedUnitsHint')}
          issues={issues.expectedUnits}
          wide
        >
          {(describedBy, invalid) => (
            <textarea
              id="campaign-expectedUnits"
              rows={8}
              value={form.expectedUnits}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onInput={(event) => onEdit({ expectedUnits: event.currentTarget.value })}
            />
          )}
        </Field>
      </fieldset>
      <PluginChoices {...props} />
    </div>
  );
}

function PluginChoices({ lang, form, onEdit, issues, leftOutPlugins }: CampaignFieldsProps) {
  const toggle = (specifier: string, on: boolean) =>
    onEdit({
      plugins: on ? [...form.plugins, specifier] : form.plugins.filter((plugin) => plugin !== specifier),
    });
  return (
    <fieldset class="card">
      <legend>{campaignSays(lang, 'sectionPlugins')}</legend>
      <p class="field-hint">{campaignSays(lang, 'pluginsHint')}</p>
      <div class="plugin-choices">
        {firstPartyPlugins.map(({ specifier, label }) => (
          <label class="checkbox" key={specifier}>
            <input
              type="checkbox"
              checked={form.plugins.includes(specifier)}
              onChange={(event) => toggle(specifier, event.currentTarget.checked)}
            />
            <span>
              {label[lang]} <code>{specifier}</code>
            </span>
          </label>
        ))}
      </div>
      {leftOutPlugins.length > 0 ? (
        <div class="notice-box">
          <p>{campaignSays(lang, 'filePluginShort')}</p>
          <LeftOutPlugins plugins={leftOutPlugins} />
        </div>
      ) : null}
      {issues.plugins ? <IssueList issues={issues.plugins} /> : null}
    </fieldset>
  );
}

export function LeftOutPlugins({ plugins }: { plugins: readonly string[] }) {
  return (
    <ul>
      {plugins.map((plugin) => (
        <li key={plugin}>
          <code>{plugin}</code>
        </li>
      ))}
    </ul>
  );
}
