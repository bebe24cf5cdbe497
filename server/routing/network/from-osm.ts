import { assertUsableNetwork, buildRoadNetwork, type BuiltNetwork } from './build-network.js';
import { createOsmXmlReader, type OsmXmlReader } from './osm-xml.js';
import { isDrivable } from './road-classes.js';

export interface OsmRoadImport extends BuiltNetwork {
  /** Elements in the file, whether they are roads or not. */
  fileCounts: { nodes: number; ways: number; relations: number };
}

/**
 * A reader that keeps only drivable ways while the text streams in; `finish()` builds and checks the network and
 * throws RoadNetworkInputError when the file is not OSM XML, is truncated, or holds no drivable road.
 */
export function createOsmRoadReader(): { write: OsmXmlReader['write']; finish(): OsmRoadImport } {
  const reader = createOsmXmlReader({ keepWay: isDrivable });
  return {
    write: (chunk) => reader.write(chunk),
    finish() {
      const osm = reader.finish();
      const built = buildRoadNetwork(osm);
      assertUsableNetwork(built.network);
      return { ...built, fileCounts: osm.counts };
    },
  };
}

/** The road network of an OSM XML document held in one string. */
export function roadNetworkFromOsmXml(text: string): OsmRoadImport {
  const reader = createOsmRoadReader();
  reader.write(text);
  return reader.finish();
}
