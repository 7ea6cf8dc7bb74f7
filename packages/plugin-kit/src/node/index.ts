export * from './load-campaign.js';
