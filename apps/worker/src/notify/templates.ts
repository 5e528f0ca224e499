// The SMS each event sends: its variables, named and in order (Aliyun fills ${name}, Tencent {1}, {2} … by position),
// and the Chinese text the approved templates must carry (the logging sender renders it).
export interface SmsTemplate {
  /// The variables in the template's order, each read from the message's payload.
  vars: readonly (readonly [name: string, of: (p: Record<string, unknown>) => string])[];
  /// The text with the variables filled in: what the provider's approved template says.
  zh: (v: Record<string, string>) => string;
}

/// Providers cap a variable's length (Aliyun 35 characters for notices): longer values are cut.
export const SMS_VAR_MAX = 35;

const str = (v: unknown, fallback = "") => (typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : fallback);

export const SMS_TEMPLATES = {
  "pickup.ready": {
    vars: [
      ["node", (p) => str(p.node, "服务点")],
      ["slot", (p) => str(p.shelfSlot, "-")],
      ["code", (p) => str(p.pickupCode)],
      ["hours", (p) => str(p.openingHours, "以服务点公示为准")],
    ],
    zh: (v) => `您的包裹已到${v.node},货架${v.slot},取件码${v.code},营业时间${v.hours}。`,
  },
  "shipment.delivered": {
    vars: [
      ["waybill", (p) => str(p.waybillNo)],
      ["node", (p) => str(p.node, "服务点")],
    ],
    zh: (v) => `您的包裹${v.waybill}已在${v.node}签收,感谢使用。`,
  },
  "shipment.exception": {
    vars: [
      ["waybill", (p) => str(p.waybillNo)],
      ["reason", (p) => str(p.reason, "待核实")],
    ],
    zh: (v) => `您的包裹${v.waybill}出现异常:${v.reason}。我们正在处理,请留意后续通知。`,
  },
  "dashboard.redParcels": {
    vars: [
      ["node", (p) => str(p.node)],
      ["count", (p) => str(p.count, "0")],
    ],
    zh: (v) => `${v.node}有${v.count}件包裹已超时,请尽快处理。`,
  },
} as const satisfies Record<string, SmsTemplate>;

export type SmsTemplateName = keyof typeof SMS_TEMPLATES;
export const SMS_TEMPLATE_NAMES = Object.keys(SMS_TEMPLATES) as SmsTemplateName[];

export function isSmsTemplate(name: string): name is SmsTemplateName {
  return Object.prototype.hasOwnProperty.call(SMS_TEMPLATES, name);
}

/// A message's variables in order and its Chinese text.
export function renderSms(name: SmsTemplateName, payload: Record<string, unknown>): { params: [string, string][]; text: string } {
  const t: SmsTemplate = SMS_TEMPLATES[name];
  const params = t.vars.map(([k, of]): [string, string] => [k, of(payload).slice(0, SMS_VAR_MAX)]);
  return { params, text: t.zh(Object.fromEntries(params)) };
}
