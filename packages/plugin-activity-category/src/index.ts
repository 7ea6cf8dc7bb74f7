import { activityCategoryPlugin } from './activity-category-plugin.js';

export * from './activity-category-plugin.js';
export default activityCategoryPlugin;
