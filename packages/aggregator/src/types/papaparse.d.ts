// papaparse ships no types and @types/papaparse is not installed; only what the CSV reader uses.
declare module 'papaparse' {
  interface ParseConfig {
    delimiter?: string;
    header?: boolean;
    dynamicTyping?: boolean;
    skipEmptyLines?: boolean | 'greedy';
    preview?: number;
    step?: (
      results: { data: string[]; errors: { message: string }[]; meta: { cursor: number } },
      parser: { abort(): void },
    ) => void;
  }
  interface ParseResult {
    data: string[][];
    errors: { type: string; code: string; message: string; row?: number }[];
    meta: { delimiter: string; aborted: boolean };
  }
  const Papa: { parse(input: string, config?: ParseConfig): ParseResult };
  export default Papa;
}
