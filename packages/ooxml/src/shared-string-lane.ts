import { type LaneParameters, LaneScanner, opensTwoLetterTag } from './lane-scanner.js';

/**
 * A fast lane for the shared-string table: Excel and WPS keep every text of a workbook there, one
 * `<si><t>…</t></si>` each, or rich-text runs (`<r>` with its formatting, `<rPr>`, and its `<t>`),
 * which LibreOffice writes for every text mixing Chinese and digits (phonetic guides, `<rPh>`, are
 * the tokenizer's to read). Same events, same hand-over as the worksheet's row lane (see LaneScanner).
 */
export class SharedStringLane extends LaneScanner {
  constructor(...parameters: LaneParameters) {
    super(['si', 'r', 'rPr'], ...parameters);
  }

  protected opens(data: string, lt: number): boolean {
    return opensTwoLetterTag(data, lt, 'si');
  }

  protected element(data: string, lt: number): number {
    return this.opens(data, lt) ? this.textItem(data, lt, 'si', 1) : lt;
  }
}
