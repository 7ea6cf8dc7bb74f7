import { groupsServedPlugin } from './groups-served-plugin.js';

export {
  createGroupsServedPlugin,
  type GroupsServedPluginOptions,
  groupsServedPlugin,
  groupsServedSchema,
  type ServedGroup,
  servedGroupAliases,
  servedGroups,
} from './groups-served-plugin.js';
export default groupsServedPlugin;
