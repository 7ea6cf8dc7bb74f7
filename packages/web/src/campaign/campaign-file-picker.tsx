import { parseCampaignText } from '@jianshen/plugin-kit';
import type { Lang } from '@jianshen/schema';
import { campaignSays } from './campaign-text.js';

export interface CampaignFilePickerProps {
  lang: Lang;
  sourceName: string | undefined;
  onOpen: (name: string, data: unknown) => void;
  onFileError: (name: string, error: unknown) => void;
  onReset: () => void;
}

/** 活动配置: a .yaml/.json campaign chosen from disk, read here and never uploaded. */
export function CampaignFilePicker({
  lang,
  sourceName,
  onOpen,
  onFileError,
  onReset,
}: CampaignFilePickerProps) {
  const say = (key: Parameters<typeof campaignSays>[1]) => campaignSays(lang, key);
  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after editing it) reads it again.
    input.value = '';
    if (!file) return;
    try {
      onOpen(file.name, parseCampaignText(await file.text(), { path: file.name }));
    } catch (error) {
      onFileError(file.name, error);
    }
  };
  return (
    <div class="file-picker">
      <div class="field">
        <label for="campaign-file">{say('campaignFile')}</label>
        <input
          id="campaign-file"
          type="file"
          accept=".yaml,.yml,.json,application/json,text/yaml"
          aria-describedby="campaign-file-hint"
          onChange={(event) => void choose(event.currentTarget)}
        />
        <p class="field-hint" id="campaign-file-hint">
          {say('campaignFileHint')}
        </p>
      </div>
      <p class="current-source">
        {say('loadedFrom')}
        <strong>{sourceName ?? say('builtIn')}</strong>
        {sourceName ? (
          <button type="button" class="button-quiet" onClick={onReset}>
            {say('resetBuiltIn')}
          </button>
        ) : null}
      </p>
    </div>
  );
}
