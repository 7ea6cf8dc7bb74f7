import { defaultLang, type Lang, languages } from '@jianshen/schema/texts';

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
