// The demo's year: how many parcels a day brings down (shopping festivals, the Spring Festival) and up (Gaizhou's
// fruit harvests), which farm products go up when, and when legs run late (peaks, winter, snow). Days are
// Asia/Shanghai calendar days "YYYY-MM-DD". See docs/demo-data.md for the curves and their sources.
import { Rng } from "./random.ts";

const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;

/// The UTC instant at which the Asia/Shanghai day starts.
export const dayStartMs = (day: string): number => Date.parse(`${day}T00:00:00Z`) - SHANGHAI_MS;
export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
export const shanghaiDayOf = (ms: number): string => new Date(ms + SHANGHAI_MS).toISOString().slice(0, 10);
/// ISO weekday, 1 = Monday … 7 = Sunday.
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
/// Days since 2000-01-01: part of carrier waybill serials, unique per day.
export const dayNumber = (day: string): number => daysBetween("2000-01-01", day);

/// Chinese New Year (正月初一) by year; outside the table a mid-range date stands in.
const CNY: Record<number, string> = {
  2015: "02-19",
  2016: "02-08",
  2017: "01-28",
  2018: "02-16",
  2019: "02-05",
  2020: "01-25",
  2021: "02-12",
  2022: "02-01",
  2023: "01-22",
  2024: "02-10",
  2025: "01-29",
  2026: "02-17",
  2027: "02-06",
  2028: "01-26",
  2029: "02-13",
  2030: "02-03",
  2031: "01-23",
  2032: "02-11",
  2033: "01-31",
  2034: "02-19",
  2035: "02-08",
};
const cnyOf = (year: number) => `${year}-${CNY[year] ?? "02-05"}`;

/// Days from the nearest Spring Festival (negative before it).
function fromSpringFestival(day: string): number {
  const y = Number(day.slice(0, 4));
  const options = [y - 1, y, y + 1].map((x) => daysBetween(cnyOf(x), day));
  return options.reduce((best, d) => (Math.abs(d) < Math.abs(best) ? d : best));
}

/// Days since the most recent occurrence of MM-DD (0 on the day itself, 0 … 365).
function since(day: string, mmdd: string): number {
  const y = Number(day.slice(0, 4));
  const d = daysBetween(`${y}-${mmdd}`, day);
  return d >= 0 ? d : daysBetween(`${y - 1}-${mmdd}`, day);
}

/// A sale's parcels reach the county 1–2 weeks after it: a bump peaking `peak` days after the sale day.
const wave = (t: number, peak: number, length: number) => (t >= 1 && t <= length ? (t / peak) * Math.exp(1 - t / peak) : 0);

/// Circular day-of-year distance to MM-DD, in days.
function doyDistance(day: string, mmdd: string): number {
  const a = since(day, mmdd);
  return Math.min(a, 365 - a);
}
const gauss = (day: string, mmdd: string, sigma: number) => Math.exp(-((doyDistance(day, mmdd) / sigma) ** 2) / 2);

const DOWN_WEEKDAY = [0, 1.12, 1.08, 1.02, 1.0, 0.98, 0.92, 0.88];
const UP_WEEKDAY = [0, 1.02, 1.02, 1.02, 1.02, 1.0, 0.98, 0.94];

/// Downward volume before normalisation: weekly rhythm × shopping festivals (双11, 618, 双12, 年货节) × the
/// Spring Festival lull (express stops for about a week).
export function downShape(day: string): number {
  let f = 1;
  f += 1.3 * wave(since(day, "11-11"), 4, 16);
  f += 0.6 * wave(since(day, "06-18"), 4, 12);
  f += 0.3 * wave(since(day, "12-12"), 3, 9);
  f += 0.15 * wave(since(day, "03-08"), 3, 8);
  const sf = fromSpringFestival(day);
  if (sf >= -25 && sf <= -4) f += 0.4 * ((sf + 26) / 22); // 年货节: gifts and goods for the New Year, rising
  if (sf >= -3 && sf <= 6)
    f *= 0.35; // carriers' New Year break
  else if (sf >= 7 && sf <= 14) f *= 0.35 + (0.65 * (sf - 6)) / 8;
  return f * DOWN_WEEKDAY[isoWeekday(day)]!;
}

/// A farm product shipped up: its season (a bump around `peak` by day of year), cold-chain share, box weight,
/// declared value. `base` is its share of the year-round trickle.
export interface UpProduct {
  name: string;
  peak: string | null;
  sigmaDays: number;
  amplitude: number;
  base: number;
  chilled: number;
  medianKg: number;
  valueFen: number;
}

/// Gaizhou's farm products (盖州: 大樱桃 June, 桃 Aug–Sep, 葡萄 Aug–Oct, 苹果 Sep–Nov, greenhouse 草莓 winter–spring;
/// jellyfish from the Bohai coast Aug–Sep; eggs, millet, hazelnuts all year).
export const UP_PRODUCTS: readonly UpProduct[] = [
  { name: "大樱桃", peak: "06-08", sigmaDays: 10, amplitude: 0.9, base: 0, chilled: 0.85, medianKg: 2.5, valueFen: 16_000 },
  { name: "桃", peak: "08-18", sigmaDays: 13, amplitude: 0.55, base: 0, chilled: 0.5, medianKg: 5, valueFen: 8_000 },
  { name: "葡萄", peak: "09-08", sigmaDays: 16, amplitude: 0.6, base: 0, chilled: 0.35, medianKg: 4, valueFen: 9_000 },
  { name: "苹果", peak: "10-15", sigmaDays: 22, amplitude: 1.3, base: 0.05, chilled: 0.05, medianKg: 5, valueFen: 8_000 },
  { name: "草莓", peak: "02-20", sigmaDays: 25, amplitude: 0.25, base: 0, chilled: 0.7, medianKg: 2, valueFen: 10_000 },
  { name: "海蜇", peak: "08-28", sigmaDays: 12, amplitude: 0.15, base: 0, chilled: 0.9, medianKg: 3, valueFen: 12_000 },
  { name: "鸡蛋", peak: null, sigmaDays: 1, amplitude: 0, base: 0.16, chilled: 0, medianKg: 2, valueFen: 6_000 },
  { name: "小米", peak: null, sigmaDays: 1, amplitude: 0, base: 0.12, chilled: 0, medianKg: 5, valueFen: 5_000 },
  { name: "榛子", peak: null, sigmaDays: 1, amplitude: 0, base: 0.1, chilled: 0, medianKg: 2, valueFen: 9_000 },
  { name: "蜂蜜", peak: null, sigmaDays: 1, amplitude: 0, base: 0.06, chilled: 0, medianKg: 1.5, valueFen: 7_000 },
  { name: "粉条", peak: null, sigmaDays: 1, amplitude: 0, base: 0.06, chilled: 0, medianKg: 2.5, valueFen: 3_000 },
];

/// Each product's weight on `day` (relative: upward volume and mix together). New Year gift boxes lift the staples.
export function upProductWeights(day: string): number[] {
  const sf = fromSpringFestival(day);
  const gifts = sf >= -25 && sf <= -3 ? 1.6 : 1;
  return UP_PRODUCTS.map((p) => (p.peak ? p.amplitude * gauss(day, p.peak, p.sigmaDays) : 0) + p.base * (p.peak ? 1 : gifts));
}

/// Upward volume before normalisation: the harvest curve × a flat week (farms ship on Sundays too).
export function upShape(day: string): number {
  return upProductWeights(day).reduce((a, b) => a + b, 0) * UP_WEEKDAY[isoWeekday(day)]!;
}

/// Snow closes roads a few days each winter (deterministic per seed): legs run late far more often.
export function isSnowDay(day: string, seed: number): boolean {
  const m = Number(day.slice(5, 7));
  if (m !== 12 && m !== 1 && m !== 2) return false;
  return new Rng(seed, "snow", day).chance(0.08);
}

/// Multiplier on a leg's chance of running late: winter, snow days, and peaks (relative volume above 1).
export function lateFactor(day: string, seed: number, relativeVolume: number): number {
  const m = Number(day.slice(5, 7));
  const season = m === 12 || m <= 2 ? 1.7 : m === 11 || m === 3 ? 1.2 : 1;
  return season * (isSnowDay(day, seed) ? 5 : 1) * (1 + 1.4 * Math.max(0, relativeVolume - 1));
}

/// Hour-of-day weights for parcels created at the hub (carriers' line-haul trucks arrive overnight and late
/// morning) and handed in at villages and stations (opening hours, afternoons after picking).
export const DOWN_HOURS = [2, 3, 6, 10, 12, 10, 4, 2, 2, 3, 5, 6, 5, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2];
export const UP_HOURS = [0, 0, 0, 0, 0, 0, 0, 3, 6, 8, 8, 6, 4, 5, 7, 8, 9, 8, 5, 3, 0, 0, 0, 0];
