/** Bad input to the road network (a broken OSM file, a location that is not [lon, lat]…): the message is for the user. */
export class RoadNetworkInputError extends Error {
  override readonly name = 'RoadNetworkInputError';
}
