import { RoadNetworkInputError } from './errors.js';

/** An OSM way as read from the file: its node references in order and its tags. */
export interface OsmWay {
  id: number;
  nodeRefs: number[];
  tags: Record<string, string>;
}

export interface OsmData {
  /** OSM node id → index into nodeLon / nodeLat. */
  nodeIndexById: Map<number, number>;
  nodeLon: Float64Array;
  nodeLat: Float64Array;
  /** The ways kept by `keepWay` (all ways when it is not given). */
  ways: OsmWay[];
  /** How many elements of each kind the file holds, kept or not. */
  counts: { nodes: number; ways: number; relations: number };
  bounds: { minLon: number; minLat: number; maxLon: number; maxLat: number } | null;
}

export interface OsmXmlReaderOptions {
  /** Decides from its tags whether a way is kept; dropping ways early keeps memory low on big extracts. */
  keepWay?: (tags: Record<string, string>) => boolean;
}

export interface OsmXmlReader {
  /** Feeds the next piece of the file; pieces may split the text anywhere. */
  write(chunk: string): void;
  /** Ends the input and returns what was read; throws RoadNetworkInputError for a truncated or foreign file. */
  finish(): OsmData;
}

// One start, end or empty-element tag. Attribute values are matched as quoted strings so that a '>' inside a
// value does not end the tag, and a tag cut by a chunk boundary does not match until its rest arrives.
// Comments are matched (and skipped) first so that markup inside them is not read.
const TAG_PATTERN = /<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTRIBUTE_PATTERN = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY_PATTERN = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Unmatched text allowed to pile up before the input is declared not to be XML. */
const MAX_UNMATCHED_CHARS = 1 << 20;

function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(ENTITY_PATTERN, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return NAMED_ENTITIES[entity];
  });
}

function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(ATTRIBUTE_PATTERN)) attributes[match[1]] = decodeEntities(match[2] ?? match[3]);
  return attributes;
}

function requireNumber(attributes: Record<string, string>, name: string, element: string): number {
  const raw = attributes[name];
  const value = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value)) {
    throw new RoadNetworkInputError(`<${element}> ${attributes.id ? `id=${attributes.id} ` : ''}has no valid "${name}" (got ${JSON.stringify(raw ?? null)})`);
  }
  return value;
}

class GrowableFloat64 {
  values = new Float64Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = value;
  }
  trimmed(): Float64Array {
    return this.values.slice(0, this.length);
  }
}

/** A single-pass reader of OpenStreetMap XML (.osm, API 0.6) that needs no DOM and accepts the text in pieces. */
export function createOsmXmlReader(options: OsmXmlReaderOptions = {}): OsmXmlReader {
  const nodeIndexById = new Map<number, number>();
  const lon = new GrowableFloat64();
  const lat = new GrowableFloat64();
  const ways: OsmWay[] = [];
  const counts = { nodes: 0, ways: 0, relations: 0 };
  let bounds: OsmData['bounds'] = null;
  let pending = '';
  let sawRoot = false;
  let closedRoot = false;
  let openElement: 'node' | 'way' | 'relation' | null = null;
  let way: OsmWay | null = null;

  function startElement(name: string, attributeText: string, selfClosing: boolean): void {
    if (!sawRoot) {
      if (name !== 'osm') throw new RoadNetworkInputError(`not an OpenStreetMap XML file: the root element is <${name}>, expected <osm>`);
      sawRoot = true;
      return;
    }
    if (closedRoot) throw new RoadNetworkInputError(`<${name}> found after </osm>`);
    switch (name) {
      case 'node': {
        const attributes = parseAttributes(attributeText);
        const id = requireNumber(attributes, 'id', 'node');
        const nodeLat = requireNumber(attributes, 'lat', 'node');
        const nodeLon = requireNumber(attributes, 'lon', 'node');
        if (nodeLat < -90 || nodeLat > 90 || nodeLon < -180 || nodeLon > 180) {
          throw new RoadNetworkInputError(`<node> id=${id} has coordinates out of range (lat ${nodeLat}, lon ${nodeLon})`);
        }
        nodeIndexById.set(id, lon.length);
        lon.push(nodeLon);
        lat.push(nodeLat);
        counts.nodes++;
        if (!selfClosing) openElement = 'node';
        return;
      }
      case 'way': {
        const attributes = parseAttributes(attributeText);
        counts.ways++;
        way = { id: requireNumber(attributes, 'id', 'way'), nodeRefs: [], tags: {} };
        if (selfClosing) endWay();
        else openElement = 'way';
        return;
      }
      case 'relation':
        counts.relations++;
        if (!selfClosing) openElement = 'relation';
        return;
      case 'nd': {
        if (openElement !== 'way' || !way) throw new RoadNetworkInputError('<nd> found outside a <way>');
        way.nodeRefs.push(requireNumber(parseAttributes(attributeText), 'ref', 'nd'));
        return;
      }
      case 'tag': {
        if (openElement === null) throw new RoadNetworkInputError('<tag> found outside a node, way or relation');
        if (openElement === 'way' && way) {
          const attributes = parseAttributes(attributeText);
          if (attributes.k === undefined || attributes.v === undefined) {
            throw new RoadNetworkInputError(`<tag> in way ${way.id} lacks "k" or "v"`);
          }
          way.tags[attributes.k] = attributes.v;
        }
        return;
      }
      case 'bounds': {
        const attributes = parseAttributes(attributeText);
        bounds = {
          minLon: requireNumber(attributes, 'minlon', 'bounds'),
          minLat: requireNumber(attributes, 'minlat', 'bounds'),
          maxLon: requireNumber(attributes, 'maxlon', 'bounds'),
          maxLat: requireNumber(attributes, 'maxlat', 'bounds'),
        };
        return;
      }
      default:
        // member, changeset, note, meta…: nothing the road graph needs.
        return;
    }
  }

  function endWay(): void {
    if (way && (!options.keepWay || options.keepWay(way.tags))) ways.push(way);
    way = null;
    openElement = null;
  }

  function endElement(name: string): void {
    if (name === 'osm') {
      closedRoot = true;
      return;
    }
    if (name === 'way') endWay();
    else if (name === openElement) openElement = null;
  }

  function consume(final: boolean): void {
    // A comment still open at the end of this piece waits, with what follows it, for the next piece.
    const openComment = pending.lastIndexOf('<!--');
    const text = openComment !== -1 && !pending.includes('-->', openComment) && !final ? pending.slice(0, openComment) : pending;
    let consumedUpTo = 0;
    TAG_PATTERN.lastIndex = 0;
    for (let match = TAG_PATTERN.exec(text); match; match = TAG_PATTERN.exec(text)) {
      const [, closing, name, attributeText, selfClosing] = match;
      consumedUpTo = TAG_PATTERN.lastIndex;
      if (name === undefined) continue;
      if (closing) endElement(name);
      else startElement(name, attributeText, selfClosing === '/');
    }
    pending = pending.slice(consumedUpTo);
    if (pending.length > MAX_UNMATCHED_CHARS || (final && !sawRoot && pending.trim() !== '')) {
      throw new RoadNetworkInputError('not an OpenStreetMap XML file (no XML elements found)');
    }
  }

  return {
    write(chunk: string) {
      pending += chunk;
      consume(false);
    },
    finish() {
      consume(true);
      if (!sawRoot) throw new RoadNetworkInputError('not an OpenStreetMap XML file: no <osm> root element');
      if (!closedRoot) throw new RoadNetworkInputError('the file ends before </osm>: it is truncated');
      return { nodeIndexById, nodeLon: lon.trimmed(), nodeLat: lat.trimmed(), ways, counts, bounds };
    },
  };
}

/** Reads a whole OSM XML document held in one string. */
export function parseOsmXml(text: string, options: OsmXmlReaderOptions = {}): OsmData {
  const reader = createOsmXmlReader(options);
  reader.write(text);
  return reader.finish();
}
