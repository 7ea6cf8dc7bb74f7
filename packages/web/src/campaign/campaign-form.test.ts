import { linfen2024Campaign, renderIssue, safeParseCampaign } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { campaignFromForm, formFromCampaign, placeIssues } from './campaign-form.js';

describe('campaign form', () => {
  it('gives the Linfen 2024 campaign back unchanged when nothing is edited', () => {
    const form = formFromCampaign(linfen2024Campaign);
    expect(form.docNumber).toBe('临体字〔2024〕44号');
    expect(form.expectedUnits.split('\n')).toHaveLength(17);
    expect(campaignFromForm(form, linfen2024Campaign)).toEqual(linfen2024Campaign);
  });

  it('writes edits over the base and leaves out emptied optional settings', () => {
    const form = formFromCampaign(linfen2024Campaign);
    const edited = campaignFromForm(
      {
        ...form,
        docNumber: ' 临体字〔2025〕12号 ',
        areaCode: '',
        submitTo: '',
        email: '',
        contacts: [
          { unit: '', name: '张三', phone: '0357-1234567' },
          { unit: '', name: '', phone: '' },
        ],
        expectedUnits: '尧都区\n\n 侯马市 \n',
        plugins: ['@jianshen/plugin-participation', './local.mjs'],
      },
      linfen2024Campaign,
    );
    expect(edited.docNumber).toBe('临体字〔2025〕12号');
    expect(edited.issuer).toEqual({ name: '临汾市体育局', mark: '临汾市体育局文件' });
    expect(edited).not.toHaveProperty('submitTo');
    expect(edited.contacts).toEqual({ people: [{ name: '张三', phone: '0357-1234567' }] });
    expect(edited.expectedUnits).toEqual(['尧都区', '侯马市']);
    expect(edited.plugins).toEqual(['@jianshen/plugin-participation', './local.mjs']);
    expect(safeParseCampaign(edited).ok).toBe(true);
  });

  it('shows what it can of a broken file', () => {
    const form = formFromCampaign({ title: 7, body: ['段落', { heading: '标题', children: 'x' }, 3] });
    expect(form.title).toBe('7');
    expect(form.body).toBe('段落\n# 标题');
    expect(form.issuerName).toBe('');
  });

  it('places each schema issue at the field that shows it, the rest at the top', () => {
    const form = formFromCampaign(linfen2024Campaign);
    const input = campaignFromForm(
      { ...form, docNumber: '临体字(2024)44号', periodEnd: '2024-01-01', body: '## |正文' },
      { ...linfen2024Campaign, surprise: true },
    );
    const parsed = safeParseCampaign(input);
    expect(parsed.ok).toBe(false);
    const placed = placeIssues(parsed.ok ? [] : parsed.issues.map((issue) => renderIssue(issue, 'en')));
    expect(Object.keys(placed.byField).sort()).toEqual(['body', 'docNumber', 'periodEnd']);
    expect(placed.rest.map((issue) => issue.field)).toEqual(['surprise']);
  });
});
