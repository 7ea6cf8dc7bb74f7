// A plugin as a city developer writes it: plain JS next to the campaign, zod from the kit's peer.
import { z } from 'zod';

export default {
  name: 'city-local',
  fields: [{ key: 'venue', label: '活动地点', schema: z.string().min(2) }],
  rules: {
    'venue-named': {
      meta: { messages: { short: '活动地点太简略' } },
      create: () => ({}),
    },
  },
};
