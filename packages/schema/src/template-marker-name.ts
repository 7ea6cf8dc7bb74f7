/**
 * Name of the hidden workbook defined name that marks a template as ours. Its value is a string
 * constant holding the JSON of a `TemplateMarker`; Excel, WPS, LibreOffice and openpyxl keep
 * defined names when a clerk saves the file, which custom document properties do not all do.
 * (A file of its own: readers look for the name without loading the marker's zod schema.)
 */
export const templateMarkerName = 'JianshenTemplate';
