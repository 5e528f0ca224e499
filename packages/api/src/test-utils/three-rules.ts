// A completed 收寄验视 checklist (every prohibited item checked and absent), for tests that accept parcels.
export const FULL_INSPECTION = {
  inspected: true as const,
  prohibitedAbsent: {
    explosives: true,
    flammables: true,
    toxic: true,
    radioactive: true,
    weapons: true,
    drugs: true,
    live_animals: true,
    cash: true,
  } as const,
};
