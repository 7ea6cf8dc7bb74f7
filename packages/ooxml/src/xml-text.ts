// Characters XML 1.0 cannot carry at all (C0 controls but tab and newlines, U+FFFE/U+FFFF, lone
// surrogates): a clerk's pasted control character must not corrupt the file, so it is dropped.
const invalidXml =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const special = /[&<>"]/;

/** Text made safe for XML element content and double-quoted attribute values. */
export function escapeXml(text: string): string {
  // Most cell texts need nothing: two scans instead of five replacements.
  if (!special.test(text) && !invalidXml.test(text)) return text;
  invalidXml.lastIndex = 0;
  return text
    .replace(invalidXml, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
