import { z } from 'zod';

/**
 * A piece of the notice body. A plain string is a paragraph. A section carries a heading that
 * the notice numbers by depth (一、 （一） 1. （1）, GB/T 9704 §7.3.3), an optional run-in text
 * that continues the heading's paragraph, and nested blocks.
 */
export type BodyBlock = string | BodySection;

export interface BodySection {
  heading: string;
  /** Text that follows the heading in the same paragraph (common for （一） level items). */
  text?: string | undefined;
  children?: BodyBlock[] | undefined;
}

export const bodyBlockSchema: z.ZodType<BodyBlock> = z.lazy(() =>
  z.union([
    z.string().min(1),
    z.strictObject({
      heading: z.string().min(1),
      text: z.string().optional(),
      children: z.array(bodyBlockSchema).optional(),
    }),
  ]),
);
