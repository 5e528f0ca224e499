// Made-up people and contents for demo parcels: names, mainland mobile numbers, goods going down, cities farm
// products go to, exception reasons. Nothing here is anyone's real data.
import { WeightedPicker, type Rng } from "./random.ts";

const SURNAMES = [
  ..."王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文",
];
const GIVEN = [
  "秀英",
  "桂兰",
  "玉兰",
  "凤英",
  "淑珍",
  "丽华",
  "建国",
  "建华",
  "志强",
  "国华",
  "海燕",
  "金凤",
  "春梅",
  "红霞",
  "秀兰",
  "德胜",
  "永刚",
  "玉珍",
  "卫东",
];
const MOBILE = ["3", "5", "7", "8", "9"];

export const GOODS = ["日用品", "服装鞋帽", "食品饮料", "家用电器", "农资", "图书文具", "美妆个护", "母婴用品", "数码产品"];
export const GOODS_PICK = new WeightedPicker([24, 20, 16, 6, 8, 5, 8, 6, 7]);
export const CITIES = ["沈阳", "大连", "北京", "上海", "广州", "深圳", "杭州", "天津", "哈尔滨", "长春", "成都", "武汉"];
export const CITY_PICK = new WeightedPicker([20, 15, 15, 10, 6, 6, 6, 6, 5, 5, 3, 3]);
export const EXCEPTIONS = [
  "外包装破损 damaged packaging",
  "地址不详 address unclear",
  "收件人拒收 refused by the recipient",
  "错分 mis-sorted",
];

export const phone = (r: Rng): string => `1${r.pick(MOBILE)}${String(r.int(0, 999_999_999)).padStart(9, "0")}`;
/// How a courier labels a recipient: surname and 先生 / 女士.
export const honorific = (r: Rng): string => `${r.pick(SURNAMES)}${r.chance(0.5) ? "先生" : "女士"}`;
export const fullName = (r: Rng): string => `${r.pick(SURNAMES)}${r.pick(GIVEN)}`;
