import type { Lang } from '@jianshen/schema';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isZodSchema(value: unknown): boolean {
  return isRecord(value) && typeof (value as { safeParse?: unknown }).safeParse === 'function';
}

/**
 * Checks a loaded plugin's shape before anything uses it, so a typo in a plugin file is a clear
 * resolve-time message instead of a crash half-way through an aggregation.
 */
export function validatePlugin(candidate: unknown, lang: Lang): string[] {
  const zh = lang === 'zh';
  if (!isRecord(candidate))
    return [zh ? '插件模块须默认导出 definePlugin() 的结果' : 'the module must default-export a plugin'];
  const problems: string[] = [];
  if (typeof candidate.name !== 'string' || candidate.name === '')
    problems.push(zh ? '缺少 name' : 'missing name');
  const fields = candidate.fields ?? [];
  if (!Array.isArray(fields)) problems.push(zh ? 'fields 须为数组' : 'fields must be an array');
  else
    for (const [index, field] of fields.entries()) {
      if (!isRecord(field) || typeof field.key !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(field.key)) {
        problems.push(
          zh ? `fields[${index}].key 须为英文标识符` : `fields[${index}].key must be an identifier`,
        );
      } else if (typeof field.label !== 'string' || field.label === '') {
        problems.push(zh ? `fields[${index}] 缺少 label` : `fields[${index}] has no label`);
      } else if (!isZodSchema(field.schema)) {
        problems.push(
          zh ? `fields[${index}].schema 须为 zod 模式` : `fields[${index}].schema must be a zod schema`,
        );
      }
    }
  const rules = candidate.rules ?? {};
  if (!isRecord(rules) || Array.isArray(rules))
    problems.push(zh ? 'rules 须为对象' : 'rules must be an object');
  else
    for (const [name, rule] of Object.entries(rules)) {
      if (
        !isRecord(rule) ||
        !isRecord(rule.meta) ||
        !isRecord(rule.meta.messages) ||
        typeof rule.create !== 'function'
      ) {
        problems.push(
          zh
            ? `规则 ${name} 须有 meta.messages 和 create()`
            : `rule ${name} needs meta.messages and create()`,
        );
      }
    }
  const summaries = candidate.summaries ?? [];
  if (!Array.isArray(summaries)) problems.push(zh ? 'summaries 须为数组' : 'summaries must be an array');
  else
    for (const [index, summary] of summaries.entries()) {
      if (!isRecord(summary) || typeof summary.id !== 'string') {
        problems.push(zh ? `summaries[${index}] 缺少 id` : `summaries[${index}] has no id`);
      }
    }
  return problems;
}
