/**
 * What stopped the reading of a zip part or its XML: a code and its data, no text. The package
 * that reads a submission turns it into an issue of its own catalogue (the words are rendered at
 * the edge), as ESLint rules report a `messageId` and data.
 */
export type OoxmlProblem =
  /** No end-of-central-directory record: the file is truncated or not a zip. */
  | { code: 'zip-no-directory' }
  | { code: 'zip64' }
  | { code: 'zip-directory-out-of-range' }
  | { code: 'zip-bad-directory-entry' }
  | { code: 'zip-bad-entry'; part: string }
  | { code: 'zip-encrypted' }
  | { code: 'zip-truncated' }
  | { code: 'zip-method'; method: number }
  | { code: 'zip-corrupt-entry'; part: string }
  /** The inflated bytes passed the file's budget or the bomb ratio: a limit, not damage. */
  | { code: 'zip-too-large' }
  /** A well-formedness error; `reason` is the parser's own (English) detail. */
  | { code: 'xml-malformed'; part: string; reason: string }
  /** A text node ran on far past the guard: a limit, as a zip bomb of one cell is. */
  | { code: 'xml-text-too-long'; part: string; max: number };

export type OoxmlProblemCode = OoxmlProblem['code'];

const limitCodes: ReadonlySet<OoxmlProblemCode> = new Set(['zip-too-large', 'xml-text-too-long']);

/** Thrown by the zip reader and the XML stream; `problem` says what, `isLimit` whether a bound was hit. */
export class OoxmlError extends Error {
  override readonly name = 'OoxmlError';
  constructor(readonly problem: OoxmlProblem) {
    // The message is for logs and stack traces; readers render the problem from its code.
    const part = 'part' in problem ? ` in ${problem.part}` : '';
    super(`${problem.code}${part}${'reason' in problem ? `: ${problem.reason}` : ''}`);
  }
  /** A size bound stopped reading (the file may be fine but too large), not damage. */
  get isLimit(): boolean {
    return limitCodes.has(this.problem.code);
  }
}
