import { z } from 'zod';

/**
 * Imported first by the page and by every worker (before any schema is built): zod compiles
 * fast object parsers with `new Function` unless told not to, and the page's
 * Content-Security-Policy forbids eval — even zod's caught probe is reported as a violation.
 * zod reads this setting when each object schema is created, so it must come before the schemas.
 */
z.config({ jitless: true });
