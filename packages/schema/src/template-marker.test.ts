import { describe, expect, it } from 'vitest';
import {
  createTemplateMarker,
  matchTemplateMarker,
  parseTemplateMarker,
  templateMarkerFormula,
  templateMarkerName,
} from './template-marker.js';

const campaign = { id: 'linfen-2024-fitness-volunteer', fingerprint: '1a2b3c4d' };

describe('template marker', () => {
  it('is named JianshenTemplate and round-trips through its defined-name text', () => {
    expect(templateMarkerName).toBe('JianshenTemplate');
    const marker = createTemplateMarker(campaign);
    const formula = templateMarkerFormula(marker);
    expect(formula).toBe(
      '"{""kit"":""jianshen"",""version"":1,""campaign"":""linfen-2024-fitness-volunteer"",""fingerprint"":""1a2b3c4d""}"',
    );
    expect(parseTemplateMarker(formula)).toEqual(marker);
  });

  it('reads the text as workbook.xml holds it, with a leading = or as plain JSON', () => {
    const marker = createTemplateMarker(campaign);
    const formula = templateMarkerFormula(marker);
    expect(parseTemplateMarker(formula.replace(/"/g, '&quot;'))).toEqual(marker);
    expect(parseTemplateMarker(`=${formula}`)).toEqual(marker);
    expect(parseTemplateMarker(JSON.stringify(marker))).toEqual(marker);
  });

  it('splits long markers into literals Excel accepts (255 characters each)', () => {
    const marker = createTemplateMarker({ id: `a${'-b'.repeat(200)}`, fingerprint: 'ffffffff' });
    const formula = templateMarkerFormula(marker);
    expect(formula).toContain('"&"');
    for (const literal of formula.split('"&"')) {
      expect(literal.replace(/^"|"$/g, '').replace(/""/g, '"').length).toBeLessThanOrEqual(255);
    }
    expect(parseTemplateMarker(formula)).toEqual(marker);
  });

  it('rejects what is not a Jianshen marker', () => {
    expect(parseTemplateMarker("'统计表'!$A$1:$B$2")).toBeUndefined();
    expect(parseTemplateMarker('"{""kit"":""other"",""version"":1}"')).toBeUndefined();
    expect(parseTemplateMarker('')).toBeUndefined();
  });

  it('tells a matching template from another campaign, changed columns or a newer kit', () => {
    const marker = createTemplateMarker(campaign);
    expect(matchTemplateMarker(marker, campaign)).toBe('match');
    expect(matchTemplateMarker(marker, { ...campaign, id: 'other' })).toBe('other-campaign');
    expect(matchTemplateMarker(marker, { ...campaign, fingerprint: '00000000' })).toBe('columns-changed');
    expect(matchTemplateMarker({ ...marker, version: 2 }, campaign)).toBe('newer-version');
  });
});
