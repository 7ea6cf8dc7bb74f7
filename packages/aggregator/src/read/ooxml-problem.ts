import type { OoxmlProblem } from '@jianshen/ooxml';
import type { Phrase } from '@jianshen/schema';
import { phrase } from '@jianshen/schema/reading';

/**
 * The catalogue phrase for what @jianshen/ooxml reports while a submission's zip and XML are read
 * (the package reports codes and data only): the `{reason}` of `file-unreadable` / `file-too-large`.
 */
export function ooxmlReason(problem: OoxmlProblem): Phrase {
  switch (problem.code) {
    case 'zip-no-directory':
    case 'zip-directory-out-of-range':
    case 'zip-bad-directory-entry':
    case 'zip-encrypted':
    case 'zip-truncated':
      return phrase(problem.code);
    case 'zip64':
      return phrase('zip64-unsupported');
    case 'zip-bad-entry':
      return phrase('zip-bad-entry', { entry: problem.part });
    case 'zip-corrupt-entry':
      return phrase('zip-cannot-inflate', { entry: problem.part });
    case 'zip-method':
      return phrase('zip-method-unsupported', { method: problem.method });
    case 'zip-too-large':
      return phrase('zip-bomb');
    case 'xml-malformed':
      return phrase('xml-invalid', { part: problem.part, reason: problem.reason });
    case 'xml-text-too-long':
      return phrase('xml-text-too-long', { part: problem.part, max: problem.max });
  }
}
