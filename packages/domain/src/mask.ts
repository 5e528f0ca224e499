// Masking of personal data for views that do not need it.

/// 13812345678 → 138****5678
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return "";
  const digits = phone.replace(/\s+/g, "");
  if (digits.length < 7) return "*".repeat(digits.length);
  return `${digits.slice(0, 3)}${"*".repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/// 18-digit resident ID → first 3 and last 4 shown: 110***********1234
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return "";
  if (id.length <= 7) return "*".repeat(id.length);
  return `${id.slice(0, 3)}${"*".repeat(id.length - 7)}${id.slice(-4)}`;
}

// What an organisation's name ends with (a counter, a shop, a co-operative, an office): such names are not personal
// data and are shown whole. Personal names are 2–4 characters as a rule, so the suffix counts only from 4 on, and
// anything unsure stays masked.
const ORG_SUFFIX =
  /(公司|合作社|专业社|联合社|超市|专柜|专区|服务区|商店|商行|商贸|商城|门市|门店|便利店|小卖部|药店|饭店|酒店|宾馆|厂|农场|牧场|林场|养殖场|站|服务点|网点|中心|局|办|委员会|村委会|居委会|政府|集团|协会|银行|信用社|食堂|医院|卫生院|学校|小学|中学|幼儿园|大学|学院|基地|仓库|部|所|馆)$/;
const ORG_LATIN = /\b(co\.?|ltd\.?|inc\.?|llc|company|cooperative|corp\.?)$/i;

/// Whether a name is an organisation's (shown whole) rather than a person's (masked).
export function isOrganisationName(name: string | null | undefined): boolean {
  if (!name) return false;
  const n = name.trim().replace(/[（(][^）)]*[）)]$/, "");
  return (Array.from(n).length >= 4 && ORG_SUFFIX.test(n)) || ORG_LATIN.test(n);
}

/// 张三丰 → 张**; an organisation's name (沈海高速盖州服务区扶贫专区, 高屯果蔬合作社) is not personal data and stays whole.
export function maskName(name: string | null | undefined): string {
  if (!name) return "";
  if (isOrganisationName(name)) return name;
  const chars = Array.from(name);
  return chars[0] + "*".repeat(Math.max(chars.length - 1, 1));
}
