import { type Lang, textsIn } from '@jianshen/schema';
import { z } from 'zod';
import { templateText } from './template-text.js';

/** The bounds a plugin's number schema puts on a cell, read from its JSON Schema. */
export interface NumberRule {
  integer: boolean;
  min?: number;
  max?: number;
  /** True when `min` itself is not allowed (z.number().positive() → > 0). */
  minExclusive: boolean;
  maxExclusive: boolean;
}

function finiteBound(value: unknown): number | undefined {
  // zod adds ±MAX_SAFE_INTEGER to .int(): not a bound anyone chose, so not one to show a clerk.
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < Number.MAX_SAFE_INTEGER
    ? value
    : undefined;
}

/** A field schema's JSON Schema (what the values must be), or `{}` when zod cannot describe it. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  try {
    return z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  } catch {
    // e.g. a custom type or a transform with cycles: validate without bounds rather than fail.
    return {};
  }
}

/** Reads integer-ness and bounds from `z.toJSONSchema(schema)`; an unrepresentable schema gives no bounds. */
export function numberRule(schema: z.ZodType): NumberRule {
  const json = jsonSchemaOf(schema);
  const integer = json.type === 'integer';
  const exclusiveMin = finiteBound(json.exclusiveMinimum);
  const exclusiveMax = finiteBound(json.exclusiveMaximum);
  const inclusiveMin = finiteBound(json.minimum);
  const inclusiveMax = finiteBound(json.maximum);
  const rule: NumberRule = { integer, minExclusive: false, maxExclusive: false };
  if (exclusiveMin !== undefined && (inclusiveMin === undefined || exclusiveMin >= inclusiveMin)) {
    // For whole numbers "> 0" is "≥ 1": the form Excel's whole-number rule and a clerk understand.
    if (integer) rule.min = Math.floor(exclusiveMin) + 1;
    else Object.assign(rule, { min: exclusiveMin, minExclusive: true });
  } else if (inclusiveMin !== undefined) {
    rule.min = integer ? Math.ceil(inclusiveMin) : inclusiveMin;
  }
  if (exclusiveMax !== undefined && (inclusiveMax === undefined || exclusiveMax <= inclusiveMax)) {
    if (integer) rule.max = Math.ceil(exclusiveMax) - 1;
    else Object.assign(rule, { max: exclusiveMax, maxExclusive: true });
  } else if (inclusiveMax !== undefined) {
    rule.max = integer ? Math.floor(inclusiveMax) : inclusiveMax;
  }
  return rule;
}

/** The rule in words: 不小于 0 的整数 / a whole number ≥ 0. */
export function describeNumberRule(rule: NumberRule, lang: Lang): string {
  const say = textsIn(templateText, lang);
  const bounds: string[] = [];
  if (rule.min !== undefined) bounds.push(say(rule.minExclusive ? 'above' : 'atLeast', { value: rule.min }));
  if (rule.max !== undefined) bounds.push(say(rule.maxExclusive ? 'below' : 'atMost', { value: rule.max }));
  const noun = say(rule.integer ? 'wholeNumber' : 'number');
  return bounds.length === 0
    ? noun
    : say('boundedNumber', { bounds: bounds.join(say('boundsJoiner')), noun });
}
