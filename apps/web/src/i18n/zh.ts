// The default namespace ("translation") while pages move to the namespace of their folder (i18n/use-t.ts):
// the blocks of every folder namespace, so t("nodes.title") from useTranslation() still resolves. en.ts has the same keys.
import { adminZh } from "./admin.zh.ts";
import { commonZh } from "./common.zh.ts";
import { enumsZh } from "./enums.zh.ts";
import { publicZh } from "./public.zh.ts";
import { merchantZh } from "./merchant.zh.ts";
import { stationZh } from "./station.zh.ts";
import { networkZh } from "./network.zh.ts";
import { countyZh } from "./county.zh.ts";
import { shipmentsZh } from "./shipments.zh.ts";
import type { TMessagesOf } from "./messages.ts";

export const zh = {
  ...commonZh,
  ...enumsZh,
  ...publicZh,
  ...merchantZh,
  ...stationZh,
  ...networkZh,
  ...countyZh,
  ...shipmentsZh,
  users: adminZh.users,
  audit: adminZh.audit,
};

/** The shape every language file must match, key for key. */
export type TMessages = TMessagesOf<typeof zh>;
