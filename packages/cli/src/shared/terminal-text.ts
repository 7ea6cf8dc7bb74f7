// C0 controls but line feed, DEL, C1 controls (U+0080–U+009F: 0x9B is a one-byte CSI in some
// terminals) and bidi controls. Text from submissions (cells, sheet and file names) reaches the
// terminal in issue lines: an ESC sequence there could clear the screen, set the window title or
// rewrite earlier lines, and U+202E could reverse what a clerk reads.
const unsafe = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text made safe to print: every control character is shown as a visible escape (`\x1b`,
 * `\u202e`), so the reader sees that it was there and nothing acts on it. Line feeds stay.
 */
export function terminalSafe(text: string): string {
  return text.replace(unsafe, (character) => {
    const code = character.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
