import { participationPlugin } from './participation-plugin.js';

export * from './count-schemas.js';
export * from './participation-plugin.js';
export default participationPlugin;
