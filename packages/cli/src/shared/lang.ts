import type { Lang } from '@jianshen/schema';

// Kept here rather than imported from the schema so start-up does not load zod.
const languages: readonly Lang[] = ['zh', 'en'];
const defaultLang: Lang = 'zh';

/**
 * The language must be known before commander builds the help text, so it is read from the raw
 * arguments (`--lang en`, `--lang=en`) or JIANSHEN_LANG before parsing.
 */
export function detectLang(argv: readonly string[], environment: Record<string, string | undefined>): Lang {
  for (const [index, argument] of argv.entries()) {
    const value =
      argument === '--lang'
        ? argv[index + 1]
        : argument.startsWith('--lang=')
          ? argument.slice(7)
          : undefined;
    if (value && (languages as readonly string[]).includes(value)) return value as Lang;
  }
  const fromEnvironment = environment.JIANSHEN_LANG;
  if (fromEnvironment && (languages as readonly string[]).includes(fromEnvironment))
    return fromEnvironment as Lang;
  return defaultLang;
}

/** Picks the text for the CLI's language; Chinese help also shows the English, for mixed teams. */
export function helpText(lang: Lang, zh: string, en: string): string {
  return lang === 'zh' ? `${zh} (${en})` : en;
}
