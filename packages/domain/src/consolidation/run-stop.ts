// A stop of a planned vehicle's run as a load vehicle stores it (LoadVehicle.stops): where, when, and what it drops
// and picks up there.
export interface RunStop {
  nodeId: string;
  code: string;
  name: string;
  /// ISO time of arrival.
  arriveAt: string;
  drops: number;
  pickups: number;
  dropKg: number;
  pickupKg: number;
}
