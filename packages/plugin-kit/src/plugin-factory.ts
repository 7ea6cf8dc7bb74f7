import { z } from 'zod';
import { choiceSchema, multiChoiceSchema, splitMultiChoice } from './choice-schema.js';
import { definePlugin, type Plugin } from './plugin.js';
import { defineRule } from './rule.js';
import { defineSummary } from './summary.js';

/**
 * What a plugin factory receives: zod and the plugin-kit helpers, so a plugin kept as a plain
 * .mjs file next to a campaign needs nothing installed beside it (no node_modules of its own).
 */
export const pluginKit = {
  z,
  definePlugin,
  defineRule,
  defineSummary,
  choiceSchema,
  multiChoiceSchema,
  splitMultiChoice,
} as const;

export type PluginKit = typeof pluginKit;

/** A module's default export may be a plugin or this: `export default ({ z, definePlugin }) => definePlugin({…})`. */
export type PluginFactory = (kit: PluginKit) => Plugin | Promise<Plugin>;

/** Turns what a plugin module exported into the plugin, calling a factory with the kit. */
export async function instantiatePlugin(exported: unknown): Promise<unknown> {
  return typeof exported === 'function' ? await (exported as PluginFactory)(pluginKit) : exported;
}
