import { participationPlugin } from './participation-plugin.js';

export { headCountSchema, hoursSchema } from './count-schemas.js';
export {
  activityDays,
  createParticipationPlugin,
  createPlausibleHoursRule,
  type ParticipationPluginOptions,
  participationPlugin,
  plausibleHours,
  volunteersWithinParticipants,
} from './participation-plugin.js';
export default participationPlugin;
