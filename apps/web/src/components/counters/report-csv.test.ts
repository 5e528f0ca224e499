import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../../lib/csv.ts";
import { reportCsvRows, reportFileName, yuan, type TReportCsvLabels } from "./report-csv.ts";
import type { TSalesReport } from "./counters-api.ts";

describe("csv", () => {
  it("quotes what needs quoting and doubles quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(12)).toBe("12");
    expect(csvCell(-12)).toBe("-12");
  });

  it("keeps spreadsheet formulas from running (CSV injection)", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("@x,y")).toBe(`"'@x,y"`);
  });

  it("joins rows with CRLF", () => {
    expect(
      toCsv([
        ["a", 1],
        ["b,c", null],
      ]),
    ).toBe('a,1\r\n"b,c",\r\n');
  });
});

const labels: TReportCsvLabels = {
  title: "专柜销售报表",
  range: "日期范围",
  totals: "合计",
  poorVillages: "贫困村收入",
  byCounter: "按专柜",
  byVenueType: "按场所类型",
  byProduct: "按商品",
  byVillage: "按产地村",
  sales: "销售笔数",
  quantity: "数量",
  amountYuan: "金额（元）",
  counterCode: "专柜编码",
  counterName: "专柜",
  venueType: "场所类型",
  product: "商品",
  spec: "规格",
  unit: "单位",
  merchant: "商户",
  villageCode: "村代码",
  village: "产地村",
  township: "乡镇",
  poor: "贫困村",
  villages: "涉及贫困村",
  yes: "是",
  no: "否",
  unknownVillage: "未登记产地",
  venueTypeName: (v) => ({ SUPERMARKET: "超市", HIGHWAY_SERVICE_AREA: "高速公路服务区" })[v] ?? v,
};

const report: TSalesReport = {
  from: "2026-11-01",
  to: "2026-11-23",
  totals: { sales: 3, quantity: 7, amountFen: 10550 },
  byCounter: [
    { counterId: "c1", code: "GZ-C01", name: "盖州服务区专柜", venueType: "HIGHWAY_SERVICE_AREA", quantity: 7, amountFen: 10550 },
  ],
  byVenueType: [{ venueType: "HIGHWAY_SERVICE_AREA", quantity: 7, amountFen: 10550 }],
  byProduct: [
    {
      productId: "p1",
      name: "苹果, 红富士",
      spec: "5斤装",
      unit: "箱",
      merchantId: "m1",
      merchantName: "高屯合作社",
      quantity: 7,
      amountFen: 10550,
    },
  ],
  byVillage: [
    { areaCode: "210881102200", name: "高屯村", townshipName: "高屯镇", isPoor: true, quantity: 5, amountFen: 7550 },
    { areaCode: null, name: null, townshipName: null, isPoor: false, quantity: 2, amountFen: 3000 },
  ],
  poorVillages: {
    quantity: 5,
    amountFen: 7550,
    villages: 1,
    byVillage: [{ areaCode: "210881102200", name: "高屯村", townshipName: "高屯镇", quantity: 5, amountFen: 7550 }],
  },
};

describe("sales report as CSV", () => {
  it("writes yuan with two decimals", () => {
    expect(yuan(10550)).toBe("105.50");
    expect(yuan(5)).toBe("0.05");
    expect(yuan(-120)).toBe("-1.20");
  });

  it("has one block per breakdown, in the page's language", () => {
    const csv = toCsv(reportCsvRows(report, labels));
    const lines = csv.split("\r\n");
    expect(lines.slice(0, 6)).toEqual([
      "专柜销售报表",
      "日期范围,2026-11-01,2026-11-23",
      "",
      "合计",
      "销售笔数,数量,金额（元）",
      "3,7,105.50",
    ]);
    expect(csv).toContain("贫困村收入\r\n涉及贫困村,数量,金额（元）\r\n1,5,75.50\r\n");
    expect(csv).toContain("GZ-C01,盖州服务区专柜,高速公路服务区,7,105.50");
    expect(csv).toContain('"苹果, 红富士",5斤装,箱,高屯合作社,7,105.50');
    expect(csv).toContain("210881102200,高屯村,高屯镇,是,5,75.50");
    expect(csv).toContain(",未登记产地,,否,2,30.00");
    expect(reportFileName(report)).toBe("sales-report-2026-11-01_2026-11-23.csv");
  });
});
