import type { RenderedIssue } from '@jianshen/schema';
import type { ComponentChildren } from 'preact';

export interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  issues?: readonly RenderedIssue[] | undefined;
  /** Wider fields span the whole row of the form grid. */
  wide?: boolean;
  children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}

/**
 * A labelled control with its hint and the schema's messages for it, tied together with
 * aria-describedby so a screen reader reads the message with the field.
 */
export function Field({ id, label, hint, issues = [], wide = false, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = issues.length > 0 ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${wide ? ' field-wide' : ''}${issues.length > 0 ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children(describedBy, issues.length > 0)}
      {errorId ? <IssueList id={errorId} issues={issues} /> : null}
      {hint ? (
        <p class="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function IssueList({ id, issues }: { id?: string; issues: readonly RenderedIssue[] }) {
  return (
    <ul class="issue-list" id={id}>
      {issues.map((issue, index) => (
        <li key={`${issue.code}-${index}`} class={`issue issue-${issue.severity}`}>
          {issue.message}
        </li>
      ))}
    </ul>
  );
}

export interface TextInputProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint?: string | undefined;
  issues?: readonly RenderedIssue[] | undefined;
  type?: 'text' | 'date' | 'email';
  wide?: boolean;
}

export function TextInput({ id, label, value, onValue, hint, issues, type = 'text', wide }: TextInputProps) {
  return (
    <Field id={id} label={label} hint={hint} issues={issues} wide={wide ?? false}>
      {(describedBy, invalid) => (
        <input
          id={id}
          // preact types each input type apart; these three take the same attributes here.
          type={type as 'text'}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onInput={(event) => onValue(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}
