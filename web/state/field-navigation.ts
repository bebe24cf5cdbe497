import gcoord from 'gcoord';

// The links that hand a stop to the phone's own map app (导航). Stops are stored in WGS84; 高德 (Amap) draws its maps in
// GCJ-02, the offset datum Chinese maps are required to use, so the point is converted for it (gcoord) and the link
// says so (coordinate=gaode); a geo: URI (RFC 5870) is WGS84 by definition and opens whatever map app the phone has.

export interface NavigationLinks {
  /** 高德地图: opens the app when installed, else its web page; GCJ-02. */
  amap: string;
  /** Any map app (Android's chooser); WGS84. */
  geo: string;
  /** The GCJ-02 point the Amap link carries, [lon, lat]. */
  gcj02: [number, number];
}

const fixed = (n: number) => n.toFixed(6);

export function navigationLinks(location: [number, number], name: string): NavigationLinks {
  const [lon, lat] = gcoord.transform<[number, number]>(location, gcoord.WGS84, gcoord.GCJ02);
  const amap = `https://uri.amap.com/navigation?${new URLSearchParams({
    to: `${fixed(lon)},${fixed(lat)},${name}`,
    mode: 'car',
    coordinate: 'gaode',
    callnative: '1',
    src: 'jointops',
  })}`;
  const geo = `geo:${fixed(location[1])},${fixed(location[0])}?q=${fixed(location[1])},${fixed(location[0])}(${encodeURIComponent(name)})`;
  return { amap, geo, gcj02: [lon, lat] };
}
