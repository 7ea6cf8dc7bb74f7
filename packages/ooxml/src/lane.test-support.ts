// What the fast lanes' tests share: a lane run over a text, its events written out as tags.
import type { LaneParameters, LaneScanner } from './lane-scanner.js';
import { XmlAttributeList } from './xml-attributes.js';

type Lane = LaneScanner & { read(data: string, from: number): number };
type LaneClass = new (...parameters: LaneParameters) => Lane;

/** A lane over `data` from its start: what it reported, where it stopped, what it left open. */
export function readWith(Lane: LaneClass, data: string, bounds = { maxText: 100, maxMarkup: 1000 }) {
  const events: string[] = [];
  const lane = new Lane(
    {
      openInPlace: (name, attributes) => {
        const pairs = Array.from({ length: attributes.size }, (_, index) => {
          return `${attributes.name(index)}=${attributes.value(index)}`;
        });
        events.push(`<${[name, ...pairs].join(' ')}>`);
      },
      close: (name) => events.push(`</${name}>`),
      text: (text) => events.push(JSON.stringify(text)),
    },
    new XmlAttributeList(),
    // The tokenizer's decoder, as far as these texts need it.
    { ...bounds, decode: (raw) => raw.replaceAll('&amp;', '&') },
  );
  const stop = lane.read(data, 0);
  return { events: events.join(''), stop, open: lane.openNames.join(' ') };
}
