export { importPlugin, type LoadCampaignOptions, loadCampaign, readCampaignFile } from './load-campaign.js';
