import { groupsServedPlugin } from './groups-served-plugin.js';

export * from './groups-served-plugin.js';
export default groupsServedPlugin;
