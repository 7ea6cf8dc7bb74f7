import {
  type BodyBlockLike,
  bodyFromText,
  bodyToText,
  type CampaignInput,
  type RenderedIssue,
} from '@jianshen/schema';

/** One 联系人 row as the form edits it. */
export interface ContactRow {
  unit: string;
  name: string;
  phone: string;
}

/**
 * What the 活动 form edits: the settings a bureau changes each year, as the strings the inputs
 * hold. Everything else in the campaign (fonts, table settings, signature…) is carried over
 * untouched from the campaign the form started from.
 */
export interface CampaignForm {
  id: string;
  issuerName: string;
  issuerMark: string;
  areaCode: string;
  docNumber: string;
  title: string;
  recipients: string;
  body: string;
  contacts: ContactRow[];
  email: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  submitTo: string;
  tableTitle: string;
  expectedUnits: string;
  plugins: string[];
}

export type FormField = Exclude<keyof CampaignForm, 'plugins'> | 'plugins';

type Loose = Record<string, unknown>;

function record(value: unknown): Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : {};
}
function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The body blocks a file holds, leaving out what is neither a paragraph nor a heading. */
function bodyBlocks(value: unknown): BodyBlockLike[] {
  return list(value).flatMap((block): BodyBlockLike[] => {
    if (typeof block === 'string') return [block];
    const section = record(block);
    if (typeof section.heading !== 'string') return [];
    return [
      {
        heading: section.heading,
        ...(typeof section.text === 'string' ? { text: section.text } : {}),
        ...(Array.isArray(section.children) ? { children: bodyBlocks(section.children) } : {}),
      },
    ];
  });
}

function statisticsTable(campaign: Loose): Loose | undefined {
  return list(campaign.attachments)
    .map(record)
    .find((attachment) => attachment.kind === 'statistics-table');
}

/** A campaign (possibly invalid, straight from a file) as the form shows it. */
export function formFromCampaign(input: unknown): CampaignForm {
  const campaign = record(input);
  const issuer = record(campaign.issuer);
  const period = record(campaign.period);
  const contacts = record(campaign.contacts);
  const body = list(campaign.body);
  return {
    id: text(campaign.id),
    issuerName: text(issuer.name),
    issuerMark: text(issuer.mark),
    areaCode: text(issuer.areaCode),
    docNumber: text(campaign.docNumber),
    title: text(campaign.title),
    recipients: text(campaign.recipients),
    body: bodyToText(bodyBlocks(body)),
    contacts: list(contacts.people).map((person) => {
      const row = record(person);
      return { unit: text(row.unit), name: text(row.name), phone: text(row.phone) };
    }),
    email: text(contacts.email),
    periodStart: text(period.start),
    periodEnd: text(period.end),
    deadline: text(campaign.deadline),
    submitTo: text(campaign.submitTo),
    tableTitle: text(statisticsTable(campaign)?.title),
    expectedUnits: list(campaign.expectedUnits).map(text).join('\n'),
    plugins: list(campaign.plugins).filter((plugin): plugin is string => typeof plugin === 'string'),
  };
}

function contactsOf(form: CampaignForm, previous: unknown): CampaignInput['contacts'] {
  const people = form.contacts
    .filter((row) => row.unit.trim() || row.name.trim() || row.phone.trim())
    .map((row) => definedOnly({ unit: filled(row.unit), name: row.name.trim(), phone: filled(row.phone) }));
  const contacts = definedOnly({ ...record(previous), people, email: filled(form.email) });
  return people.length === 0 && Object.keys(contacts).length === 1 ? undefined : (contacts as never);
}

function attachmentsOf(form: CampaignForm, previous: unknown): unknown[] | undefined {
  if (previous === undefined && form.tableTitle.trim() === '') return undefined;
  const attachments = list(previous);
  const index = attachments.findIndex((attachment) => record(attachment).kind === 'statistics-table');
  if (index < 0)
    return form.tableTitle.trim() === ''
      ? attachments
      : [...attachments, { kind: 'statistics-table', title: form.tableTitle.trim() }];
  return attachments.map((attachment, at) =>
    at === index ? { ...record(attachment), title: form.tableTitle.trim() } : attachment,
  );
}

/**
 * The campaign the form describes: the base campaign with the form's settings written over it.
 * Values are trimmed; schema validation (not this) decides what is acceptable.
 */
export function campaignFromForm(form: CampaignForm, base: unknown): CampaignInput {
  const campaign = record(base);
  const others = list(campaign.plugins).filter((plugin) => typeof plugin !== 'string');
  // Spread first, then overwrite: the file's settings keep their order in the YAML written back.
  const result: Loose = {
    ...campaign,
    id: filled(form.id),
    issuer: definedOnly({
      ...record(campaign.issuer),
      name: filled(form.issuerName),
      mark: filled(form.issuerMark),
      areaCode: filled(form.areaCode),
    }),
    docNumber: filled(form.docNumber),
    title: filled(form.title),
    recipients: filled(form.recipients),
    body: bodyFromText(form.body),
    contacts: contactsOf(form, campaign.contacts),
    attachments: attachmentsOf(form, campaign.attachments),
    period: definedOnly({
      ...record(campaign.period),
      start: filled(form.periodStart),
      end: filled(form.periodEnd),
    }),
    deadline: filled(form.deadline),
    submitTo: filled(form.submitTo),
    expectedUnits: form.expectedUnits
      .split(/\r?\n/)
      .map((unit) => unit.trim())
      .filter((unit) => unit !== ''),
    plugins: [...form.plugins, ...others],
  };
  return definedOnly(result) as CampaignInput;
}

/** An emptied input is a setting left out, so the schema says 缺少此项 rather than 「」有误. */
function filled(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function definedOnly(object: Loose): Loose {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

/** Which form field shows an issue, by the setting it names (`period.end`, `body[3].heading`…). */
const fieldOfSetting: readonly [RegExp, FormField][] = [
  [/^id$/, 'id'],
  [/^issuer\.mark/, 'issuerMark'],
  [/^issuer\.areaCode/, 'areaCode'],
  [/^issuer/, 'issuerName'],
  [/^docNumber/, 'docNumber'],
  [/^title/, 'title'],
  [/^recipients/, 'recipients'],
  [/^body/, 'body'],
  [/^contacts\.email/, 'email'],
  [/^contacts/, 'contacts'],
  [/^attachments/, 'tableTitle'],
  [/^period\.start/, 'periodStart'],
  [/^period/, 'periodEnd'],
  [/^deadline/, 'deadline'],
  [/^submitTo/, 'submitTo'],
  [/^expectedUnits/, 'expectedUnits'],
  [/^plugins/, 'plugins'],
];

export interface PlacedIssues {
  byField: Partial<Record<FormField, RenderedIssue[]>>;
  /** Issues no form field shows (unknown settings, a broken file): listed at the top. */
  rest: RenderedIssue[];
}

/** Sorts issues to the form fields that show them. */
export function placeIssues(issues: readonly RenderedIssue[]): PlacedIssues {
  const placed: PlacedIssues = { byField: {}, rest: [] };
  for (const issue of issues) {
    const setting = issue.field ?? '';
    const field = fieldOfSetting.find(([pattern]) => pattern.test(setting))?.[1];
    if (!field) placed.rest.push(issue);
    else placed.byField[field] = [...(placed.byField[field] ?? []), issue];
  }
  return placed;
}
