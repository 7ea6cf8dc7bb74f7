/**
 * What a file found in an input folder is taken for, before its data is read: a data file (read
 * by `readSubmission` as always), a stamped copy (盖章件: the printed, stamped table scanned or
 * photographed, detected by its content), or a file ignored for a reason the report names.
 * Nothing in a folder is passed over in silence. Browser-safe: the CLI's folder walk and the web
 * page's folder choice both end here.
 */
import { containsBytes, hasBytesAt } from '../read/magic-bytes.js';
import { isFolderSubmission } from './submission-names.js';

/** Why a file in a folder is not read; each has a `messageHints` text (`ignored-…`). */
export type IgnoredReason =
  | 'lock-file'
  | 'system-file'
  | 'hidden-file'
  | 'temporary-file'
  | 'other-type'
  | 'special-file'
  | 'folder-loop'
  | 'same-file';

/** The picture and document formats a stamped copy comes in, by content. */
export type StampFormat = 'pdf' | 'jpeg' | 'png' | 'tiff' | 'heic';

// Files Windows and macOS write into folders by themselves (thumbnail caches, folder settings).
const systemNames = /^(?:thumbs\.db|ehthumbs\.db|desktop\.ini|\.ds_store|\.localized|icon\r)$/i;

/**
 * Why a file met in a folder is ignored from its name alone, or undefined when its content
 * decides. Office and WPS lock files (~$x.xlsx, .~lock.x#) come before hidden files: a clerk
 * reads "lock file" and knows to close Excel.
 */
export function ignoredReasonOfName(name: string): IgnoredReason | undefined {
  if (systemNames.test(name) || name.startsWith('._')) return 'system-file';
  if (name.startsWith('~$') || name.startsWith('.~lock.') || name.startsWith('~WRL')) return 'lock-file';
  if (name.startsWith('.')) return 'hidden-file';
  if (name.startsWith('~') || name.endsWith('~') || /\.(?:tmp|bak|swp|crdownload|part)$/i.test(name)) {
    return 'temporary-file';
  }
  return undefined;
}

// Extensions stamped copies come with; the content still decides (a .jpg that is no picture is
// read as data and refused there with its own message).
const stampExtensions = /\.(?:pdf|jpe?g|png|tiff?|heic|heif)$/i;

/**
 * Why a file met in a folder is ignored, or undefined when it is read: not litter, and named
 * like a data file or a stamped copy (other files — a .py script, a .zip, a video — are listed
 * as ignored with their extension rather than failing as unreadable data).
 */
export function folderIgnoredReason(name: string): IgnoredReason | undefined {
  const byName = ignoredReasonOfName(name);
  if (byName) return byName;
  if (isFolderSubmission(name) || stampExtensions.test(name)) return undefined;
  return 'other-type';
}

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));
const ftyp = ascii('ftyp');
const pdf = ascii('%PDF-');

// ISO-BMFF brands of HEIF stills (ISO/IEC 23008-12 §10): phones write heic or mif1.
const heifBrands = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'mif1', 'msf1']);

/**
 * The stamped-copy format of a file's content, or undefined: PDF (%PDF- within the first KiB,
 * as readers accept it), JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A), TIFF (II*\0 or MM\0*),
 * HEIC (an ISO-BMFF `ftyp` box with a HEIF brand).
 */
export function stampFormatOf(bytes: Uint8Array): StampFormat | undefined {
  if (hasBytesAt(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (hasBytesAt(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (hasBytesAt(bytes, [0x49, 0x49, 0x2a, 0x00]) || hasBytesAt(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'tiff';
  if (hasBytesAt(bytes, ftyp, 4)) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (heifBrands.has(brand)) return 'heic';
  }
  return containsBytes(bytes.subarray(0, 1024), pdf) ? 'pdf' : undefined;
}
