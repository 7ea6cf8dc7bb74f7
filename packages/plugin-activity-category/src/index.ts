import { activityCategoryPlugin } from './activity-category-plugin.js';

export {
  type ActivityCategoryPluginOptions,
  activityCategoryPlugin,
  createActivityCategoryPlugin,
  type OutreachVenue,
  outreachVenueAliases,
  outreachVenueSchema,
  outreachVenues,
  type VolunteerCategory,
  volunteerCategories,
  volunteerCategoryAliases,
  volunteerCategorySchema,
} from './activity-category-plugin.js';
export default activityCategoryPlugin;
