import type { Lang, RenderedIssue } from '@jianshen/schema';
import type { ContactRow } from './campaign-form.js';
import { campaignSays } from './campaign-text.js';
import { IssueList } from './form-field.js';

export interface ContactsEditorProps {
  lang: Lang;
  rows: readonly ContactRow[];
  onRows: (rows: ContactRow[]) => void;
  issues?: readonly RenderedIssue[] | undefined;
}

const columns = ['unit', 'name', 'phone'] as const;
const columnLabel = { unit: 'contactUnit', name: 'contactName', phone: 'contactPhone' } as const;

/** 联系人: one row per person (单位, 姓名, 电话), rows added and removed by buttons. */
export function ContactsEditor({ lang, rows, onRows, issues = [] }: ContactsEditorProps) {
  const say = (key: Parameters<typeof campaignSays>[1]) => campaignSays(lang, key);
  const change = (at: number, column: keyof ContactRow, value: string) =>
    onRows(rows.map((row, index) => (index === at ? { ...row, [column]: value } : row)));
  return (
    <div class="contacts">
      {rows.map((row, at) => (
        <fieldset class="contact-row" key={at}>
          <legend class="contact-legend">{`${say('contactPerson')} ${at + 1}`}</legend>
          {columns.map((column) => (
            <div class="field" key={column}>
              <label for={`contact-${at}-${column}`}>{say(columnLabel[column])}</label>
              <input
                id={`contact-${at}-${column}`}
                // One text type for all three: preact types each input type apart.
                type={(column === 'phone' ? 'tel' : 'text') as 'text'}
                value={row[column]}
                onInput={(event) => change(at, column, event.currentTarget.value)}
              />
            </div>
          ))}
          <button
            type="button"
            class="button-quiet"
            aria-label={`${say('contactRemove')} ${say('contactPerson')} ${at + 1}`}
            onClick={() => onRows(rows.filter((_, index) => index !== at))}
          >
            {say('contactRemove')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        class="button-quiet"
        onClick={() => onRows([...rows, { unit: '', name: '', phone: '' }])}
      >
        {say('contactAdd')}
      </button>
      {issues.length > 0 ? <IssueList issues={issues} /> : null}
    </div>
  );
}
