import { DomainInputError } from '../../domain/errors.js';

/** Bad input to the road network (a broken OSM file, a location that is not [lon, lat]…): the message is for the user. */
export class RoadNetworkInputError extends DomainInputError {
  override name = 'RoadNetworkInputError';

  constructor(message: string, field = '') {
    super([{ path: field, message }]);
  }
}
