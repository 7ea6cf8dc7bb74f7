export { importPlugin, loadCampaign, readCampaignFile } from './load-campaign.js';
