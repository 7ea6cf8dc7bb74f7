import type { OoxmlProblem } from '@jianshen/ooxml';

/**
 * Words for what @jianshen/ooxml reports while a submission's zip and XML are read (the package
 * reports codes and data only): the reason slot of the `file-unreadable` / `file-too-large` issues.
 */
export function ooxmlReason(problem: OoxmlProblem): { zh: string; en: string } {
  switch (problem.code) {
    case 'zip-no-directory':
      return {
        zh: '文件不完整或已损坏（zip 结构缺失），请重新保存后报送',
        en: 'the file is truncated or corrupt (no zip directory)',
      };
    case 'zip64':
      return { zh: '不支持 ZIP64 格式的文件', en: 'ZIP64 files are not supported' };
    case 'zip-directory-out-of-range':
      return {
        zh: '文件不完整或已损坏（zip 目录越界）',
        en: 'the file is truncated or corrupt (zip directory out of range)',
      };
    case 'zip-bad-directory-entry':
      return { zh: '文件已损坏（zip 目录项无效）', en: 'the file is corrupt (bad zip directory entry)' };
    case 'zip-bad-entry':
      return {
        zh: `文件已损坏（${problem.part} 无效）`,
        en: `the file is corrupt (bad entry ${problem.part})`,
      };
    case 'zip-encrypted':
      return { zh: '压缩包内容已加密', en: 'the zip content is encrypted' };
    case 'zip-truncated':
      return { zh: '文件不完整（内容被截断）', en: 'the file is truncated' };
    case 'zip-method':
      return {
        zh: `不支持的压缩方式 ${problem.method}`,
        en: `unsupported compression method ${problem.method}`,
      };
    case 'zip-corrupt-entry':
      return {
        zh: `文件已损坏（${problem.part} 无法解压）`,
        en: `the file is corrupt (${problem.part} cannot be inflated)`,
      };
    case 'zip-too-large':
      return {
        zh: '解压后的内容超过上限（可能是压缩炸弹）',
        en: 'the unpacked content exceeds the limit (possibly a zip bomb)',
      };
    case 'xml-malformed':
      return {
        zh: `${problem.part} 的 XML 有误：${problem.reason}`,
        en: `invalid XML in ${problem.part}: ${problem.reason}`,
      };
    case 'xml-text-too-long':
      return {
        zh: `${problem.part} 中有一段文字超过 ${problem.max} 个字符（可能是压缩炸弹）`,
        en: `a text in ${problem.part} is longer than ${problem.max} characters (possibly a zip bomb)`,
      };
  }
}
