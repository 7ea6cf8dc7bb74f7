import type { RenderedChart } from '@jianshen/charts';
import { type CampaignInput, type Lang, linfen2024Campaign } from '@jianshen/schema';
import { useState } from 'preact/hooks';
import { AggregatePart } from './aggregate/aggregate-part.js';
import { CampaignPart } from './campaign/campaign-part.js';
import { ChartsPart } from './charts/charts-part.js';
import { type ShellTextKey, shellSays } from './shell/ui-text.js';

type Part = 'campaign' | 'aggregate' | 'charts';
const parts: readonly { id: Part; label: ShellTextKey }[] = [
  { id: 'campaign', label: 'tabCampaign' },
  { id: 'aggregate', label: 'tabAggregate' },
  { id: 'charts', label: 'tabCharts' },
];

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
  return (
    <div class="app" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header class="app-header">
        <div>
          <h1>{say('appTitle')}</h1>
          <p>{say('appSubtitle')}</p>
        </div>
        <button
          type="button"
          class="language-toggle"
          aria-label={say('languageLabel')}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {say('language')}
        </button>
      </header>
      <div class="part-tabs" role="tablist">
        {parts.map(({ id, label }) => (
          <button
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={part === id}
            aria-controls={`panel-${id}`}
            onClick={() => setPart(id)}
          >
            {say(label)}
          </button>
        ))}
      </div>
      <section
        id="panel-campaign"
        role="tabpanel"
        aria-labelledby="tab-campaign"
        hidden={part !== 'campaign'}
      >
        <CampaignPart lang={lang} campaign={campaign} onCampaignChange={setCampaign} />
      </section>
      <section
        id="panel-aggregate"
        role="tabpanel"
        aria-labelledby="tab-aggregate"
        hidden={part !== 'aggregate'}
      >
        <AggregatePart lang={lang} campaign={campaign} onCharts={setCharts} />
      </section>
      <section id="panel-charts" role="tabpanel" aria-labelledby="tab-charts" hidden={part !== 'charts'}>
        <ChartsPart lang={lang} charts={charts} />
      </section>
    </div>
  );
}
