import type { RenderedChart } from '@jianshen/charts';
import { type CampaignInput, type Lang, linfen2024Campaign } from '@jianshen/schema';
import { useEffect, useState } from 'preact/hooks';
import { AggregatePart } from './aggregate/aggregate-part.js';
import { CampaignPart } from './campaign/campaign-part.js';
import { ChartsPart } from './charts/charts-part.js';
import { PartPanel, PartTabs } from './shell/part-tabs.js';
import { type ShellTextKey, shellSays } from './shell/ui-text.js';

type Part = 'campaign' | 'aggregate' | 'charts';
const parts: readonly { id: Part; label: ShellTextKey }[] = [
  { id: 'campaign', label: 'tabCampaign' },
  { id: 'aggregate', label: 'tabAggregate' },
  { id: 'charts', label: 'tabCharts' },
];

/** The language the toggle switches to. */
const otherLang: Readonly<Record<Lang, Lang>> = { zh: 'en', en: 'zh' };

/**
 * The page: three parts over one campaign. The campaign part edits the campaign; the aggregate
 * part checks submissions against it; the charts part shows the last aggregation's charts.
 */
export function App() {
  const [lang, setLang] = useState<Lang>('zh');
  const [part, setPart] = useState<Part>('campaign');
  const [campaign, setCampaign] = useState<CampaignInput>(linfen2024Campaign);
  const [charts, setCharts] = useState<readonly RenderedChart[] | undefined>(undefined);
  const say = (key: ShellTextKey) => shellSays(lang, key);
  useEffect(() => {
    // The whole document's language, so screen readers and fonts pick Chinese or English.
    document.documentElement.lang = shellSays(lang, 'documentLang');
    document.title = shellSays(lang, 'documentTitle');
  }, [lang]);
  return (
    <div class="app">
      <header class="app-header">
        <div class="app-header-inner">
          <div class="app-brand">
            <h1>{say('appTitle')}</h1>
            <p>{say('appSubtitle')}</p>
          </div>
          <button
            type="button"
            class="language-toggle"
            lang={say('languageLang')}
            title={say('languageLabel')}
            onClick={() => setLang(otherLang[lang])}
          >
            {say('language')}
          </button>
        </div>
        <nav class="app-nav" aria-label={say('partsLabel')}>
          <PartTabs
            tabs={parts.map(({ id, label }) => ({ id, label: say(label) }))}
            selected={part}
            onSelect={setPart}
            label={say('partsLabel')}
          />
        </nav>
      </header>
      <main class="app-main">
        <PartPanel id="campaign" selected={part === 'campaign'}>
          <CampaignPart lang={lang} campaign={campaign} onCampaignChange={setCampaign} />
        </PartPanel>
        <PartPanel id="aggregate" selected={part === 'aggregate'}>
          <AggregatePart lang={lang} campaign={campaign} onCharts={setCharts} />
        </PartPanel>
        <PartPanel id="charts" selected={part === 'charts'}>
          <ChartsPart lang={lang} charts={charts} />
        </PartPanel>
      </main>
      <footer class="app-footer">
        <p>{say('footer')}</p>
      </footer>
    </div>
  );
}
