/**
 * Reader for Solomon's (1987) VRPTW instances in their original text layout: vehicle count and
 * capacity, then one row per customer (0 is the depot) with coordinates, demand, ready time,
 * due date and service time.
 */
export interface SolomonData {
  name: string;
  vehicles: number;
  capacity: number;
  customers: {
    id: number;
    x: number;
    y: number;
    demand: number;
    ready: number;
    due: number;
    service: number;
  }[];
}

export function parseSolomon(text: string): SolomonData {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const name = lines.find((l) => l.length > 0) ?? '';
  const vehicleHeader = lines.findIndex((l) => /^NUMBER\s+CAPACITY/.test(l));
  if (vehicleHeader < 0) throw new Error('Solomon: missing VEHICLE section');
  const [vehicles, capacity] = lines[vehicleHeader + 1].split(/\s+/).map(Number);
  const customerHeader = lines.findIndex((l) => l.startsWith('CUST NO.'));
  if (customerHeader < 0) throw new Error('Solomon: missing CUSTOMER section');
  const customers = lines
    .slice(customerHeader + 1)
    .filter((l) => /^\d/.test(l))
    .map((l) => {
      const [id, x, y, demand, ready, due, service] = l.split(/\s+/).map(Number);
      return { id, x, y, demand, ready, due, service };
    });
  if (customers.length < 2 || customers[0].id !== 0) throw new Error('Solomon: customer 0 (the depot) must come first');
  return { name, vehicles, capacity, customers };
}
