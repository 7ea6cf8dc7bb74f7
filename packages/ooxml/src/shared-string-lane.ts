import {
  codeAt,
  endsName,
  greaterThan,
  isSpace,
  type LaneParameters,
  LaneScanner,
  lessThan,
  slash,
} from './lane-scanner.js';

const letterT = 0x74;

/** After the `<` at `data[lt]`: `<si`. */
const opensItem = (data: string, lt: number) =>
  codeAt(data, lt + 1) === 0x73 && codeAt(data, lt + 2) === 0x69 && endsName(codeAt(data, lt + 3));

/** After the `<` at `data[lt]`: `</si>`. */
const closesItem = (data: string, lt: number) =>
  codeAt(data, lt + 1) === slash &&
  codeAt(data, lt + 2) === 0x73 &&
  codeAt(data, lt + 3) === 0x69 &&
  codeAt(data, lt + 4) === greaterThan;

/**
 * A fast lane for the shared-string table: Excel and WPS keep every text of a workbook there, one
 * `<si><t>…</t></si>` each (rich text, `<r>` runs, and phonetic guides, `<rPh>`, are the tokenizer's
 * to read). Same events, same hand-over as the worksheet's row lane (see LaneScanner).
 */
export class SharedStringLane extends LaneScanner {
  constructor(...parameters: LaneParameters) {
    super(['si'], ...parameters);
  }

  /**
   * Reads items from the `<si` at `data[from]` for as long as they are of the lane's shape: returns
   * where it stopped (`from` when it read nothing), `openNames` set.
   */
  read(data: string, from: number): number {
    this.depth = 0;
    let at = from;
    for (;;) {
      const end = this.item(data, at);
      if (this.depth > 0 || end === at) return end;
      at = end;
      let next = at;
      while (isSpace(codeAt(data, next))) next++;
      if (codeAt(data, next) !== lessThan || !opensItem(data, next) || !this.withinText(next - at)) return at;
      this.text(data, at, next);
      at = next;
    }
  }

  /** The `<si>` at `data[lt]`: returns where the lane stopped, after it when read whole. */
  private item(data: string, lt: number): number {
    if (!opensItem(data, lt)) return lt;
    const tagEnd = this.tag(data, lt, 2);
    if (tagEnd < 0) return lt;
    this.openInPlace('si', this.attributes);
    if (this.selfClosing) {
      this.close('si');
      return tagEnd;
    }
    this.depth = 1;
    let at = tagEnd;
    for (;;) {
      const next = this.nextTag(data, at);
      if (next < 0) return at;
      if (codeAt(data, next + 1) === letterT && endsName(codeAt(data, next + 2))) {
        at = this.leaf(data, next, 't', letterT);
        if (at === next) return next;
      } else if (closesItem(data, next)) {
        this.close('si');
        this.depth--;
        return next + 5;
      } else return next;
    }
  }
}
