import type { Lang } from '@jianshen/schema';
import type { ChosenFile } from './aggregate-api.js';
import { aggregateSays } from './aggregate-text.js';
import { chosenFromInput } from './chosen-files.js';

export interface FileChooserProps {
  lang: Lang;
  count: number;
  submittedOn: string;
  onFiles: (files: ChosenFile[]) => void;
  onSubmittedOn: (day: string) => void;
}

/** 报送文件 (files), a whole folder, and the optional 报送日期. */
export function FileChooser({ lang, count, submittedOn, onFiles, onSubmittedOn }: FileChooserProps) {
  const say = (key: Parameters<typeof aggregateSays>[1], values?: Record<string, number>) =>
    aggregateSays(lang, key, values);
  // Folder inputs are not in preact's types. Preact sets it as the DOM property, a boolean
  // (an empty string would switch it off).
  const folderAttributes = { webkitdirectory: true } as Record<string, boolean>;
  return (
    <div class="file-chooser">
      <div class="field">
        <label for="aggregate-files">{say('files')}</label>
        <input
          id="aggregate-files"
          type="file"
          multiple
          accept=".xlsx,.xlsm,.xls,.et,.ods,.htm,.html,.csv,.txt,.docx,.doc,.wps,.pdf,.jpg,.jpeg,.png,.tif,.tiff,.heic"
          onChange={(event) => {
            onFiles(chosenFromInput(event.currentTarget.files, false));
          }}
        />
      </div>
      <div class="field">
        <label for="aggregate-folder">{say('folder')}</label>
        <input
          id="aggregate-folder"
          type="file"
          {...folderAttributes}
          onChange={(event) => {
            onFiles(chosenFromInput(event.currentTarget.files, true));
          }}
        />
      </div>
      <div class="field">
        <label for="aggregate-submitted-on">{say('submittedOn')}</label>
        <input
          id="aggregate-submitted-on"
          type="date"
          value={submittedOn}
          aria-describedby="aggregate-submitted-on-hint"
          onChange={(event) => onSubmittedOn(event.currentTarget.value)}
        />
        <p id="aggregate-submitted-on-hint" class="muted">
          {say('submittedOnHint')}
        </p>
      </div>
      <p class="muted">{say('dropHint')}</p>
      {count > 0 ? (
        <p>
          {say('chosen', { count })}{' '}
          <button type="button" class="button-small" onClick={() => onFiles([])}>
            {say('clear')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
