import { describe, expect, test } from 'vitest';
import { createOsmXmlReader, parseOsmXml, RoadNetworkInputError } from '../../../../server/routing/network/index.js';
import { demoOsmText, gridOsmText } from './load-fixtures.js';

describe('parseOsmXml', () => {
  test('reads nodes, ways, their node lists and tags from the hand-made grid', () => {
    const osm = parseOsmXml(gridOsmText());
    expect(osm.counts).toEqual({ nodes: 15, ways: 10, relations: 1 });
    expect(osm.ways.map((way) => way.id)).toEqual([110, 111, 112, 113, 114, 115, 116, 117, 118, 119]);
    const south = osm.ways.find((way) => way.id === 113)!;
    expect(south.nodeRefs).toEqual([1, 12, 2, 3]);
    expect(south.tags).toEqual({ highway: 'primary', name: '南大街' });
    const index = osm.nodeIndexById.get(22)!;
    expect([osm.nodeLon[index], osm.nodeLat[index]]).toEqual([121.4025, 31.2025]);
    expect(osm.bounds).toEqual({ minLon: 121.399, minLat: 31.199, maxLon: 121.41, maxLat: 31.203 });
  });

  test('decodes XML entities in attribute values', () => {
    const osm = parseOsmXml(gridOsmText());
    expect(osm.ways.find((way) => way.id === 111)!.tags.name).toBe('中路 & 北行');
    const text = `<osm><way id="1"><nd ref="1"/><tag k="name" v="&lt;a&gt; &quot;b&quot; &#x4E2D;&#25991; '&apos;"/></way></osm>`;
    expect(parseOsmXml(text).ways[0].tags.name).toBe(`<a> "b" 中文 ''`);
  });

  test('gives the same result whatever the chunk boundaries', () => {
    const text = gridOsmText();
    const whole = parseOsmXml(text);
    for (const size of [1, 7, 64]) {
      const reader = createOsmXmlReader();
      for (let i = 0; i < text.length; i += size) reader.write(text.slice(i, i + size));
      const chunked = reader.finish();
      expect(chunked.ways).toEqual(whole.ways);
      expect([...chunked.nodeIndexById]).toEqual([...whole.nodeIndexById]);
      expect(chunked.nodeLat).toEqual(whole.nodeLat);
    }
  });

  test('a ">" inside a quoted value does not end the tag', () => {
    const osm = parseOsmXml(`<osm><way id="5"><nd ref="1"/><tag k="note" v="a>b"/></way></osm>`);
    expect(osm.ways[0].tags.note).toBe('a>b');
  });

  test('markup inside comments is not read, whole or in pieces', () => {
    const text = `<osm><!-- <node id="9" lat="1" lon="1"/> --><node id="1" lat="31.2" lon="121.4"/><!--<way id="5"></way>--></osm>`;
    const whole = parseOsmXml(text);
    expect(whole.counts).toEqual({ nodes: 1, ways: 0, relations: 0 });
    for (const size of [1, 3, 10]) {
      const reader = createOsmXmlReader();
      for (let i = 0; i < text.length; i += size) reader.write(text.slice(i, i + size));
      expect(reader.finish().counts).toEqual({ nodes: 1, ways: 0, relations: 0 });
    }
  });

  test('keepWay drops ways while reading but the counts still describe the file', () => {
    const osm = parseOsmXml(gridOsmText(), { keepWay: (tags) => tags.highway === 'residential' });
    expect(osm.ways.map((way) => way.id)).toEqual([110, 114, 115, 118]);
    expect(osm.counts.ways).toBe(10);
  });

  test('reads the demo network: as many nodes and ways as the file holds, all around People’s Square', () => {
    const text = demoOsmText();
    const osm = parseOsmXml(text);
    expect(osm.counts.nodes).toBe(text.match(/<node /g)!.length);
    expect(osm.counts.ways).toBe(text.match(/<way /g)!.length);
    expect(osm.counts).toEqual({ nodes: 2958, ways: 796, relations: 0 });
    expect(osm.nodeIndexById.size).toBe(2958);
    expect(Math.min(...osm.nodeLon)).toBeGreaterThanOrEqual(121.461);
    expect(Math.max(...osm.nodeLon)).toBeLessThanOrEqual(121.487);
    expect(Math.min(...osm.nodeLat)).toBeGreaterThanOrEqual(31.219);
    expect(Math.max(...osm.nodeLat)).toBeLessThanOrEqual(31.242);
    const nodeRefs = osm.ways.reduce((sum, way) => sum + way.nodeRefs.length, 0);
    expect(nodeRefs).toBe(text.match(/<nd /g)!.length);
  });

  describe('rejects what is not a complete OSM file with a clear message', () => {
    const cases: [string, string, RegExp][] = [
      ['an HTML page', '<html><body>404</body></html>', /root element is <html>, expected <osm>/],
      ['a truncated file', '<osm><node id="1" lat="31" lon="121"/><way id="2">', /truncated/],
      ['binary or compressed bytes', '\x1f\x8b\x08\x00garbage', /no XML elements found/],
      ['an empty file', '', /no <osm> root element/],
      ['a node without latitude', '<osm><node id="1" lon="121"/></osm>', /<node> id=1 has no valid "lat"/],
      ['a node with a non-numeric longitude', '<osm><node id="1" lat="31" lon="east"/></osm>', /no valid "lon" \(got "east"\)/],
      ['coordinates out of range', '<osm><node id="1" lat="121.4" lon="31.2"/></osm>', /out of range/],
      ['a node reference outside a way', '<osm><nd ref="1"/></osm>', /<nd> found outside a <way>/],
      ['a way tag without a value', '<osm><way id="3"><tag k="highway"/></way></osm>', /lacks "k" or "v"/],
    ];
    test.each(cases)('%s', (_, text, message) => {
      expect(() => parseOsmXml(text)).toThrow(RoadNetworkInputError);
      expect(() => parseOsmXml(text)).toThrow(message);
    });
  });
});
