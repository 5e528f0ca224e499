// English default namespace; the same blocks as zh.ts.
import { adminEn } from "./admin.en.ts";
import { commonEn } from "./common.en.ts";
import { enumsEn } from "./enums.en.ts";
import { publicEn } from "./public.en.ts";
import { merchantEn } from "./merchant.en.ts";
import { stationEn } from "./station.en.ts";
import { networkEn } from "./network.en.ts";
import { countyEn } from "./county.en.ts";
import { shipmentsEn } from "./shipments.en.ts";
import type { TMessages } from "./zh.ts";

export const en: TMessages = {
  ...commonEn,
  ...enumsEn,
  ...publicEn,
  ...merchantEn,
  ...stationEn,
  ...networkEn,
  ...countyEn,
  ...shipmentsEn,
  users: adminEn.users,
  audit: adminEn.audit,
};
