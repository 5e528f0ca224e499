// The demo logins the start command prints (documented in the README). Station staff work at 高屯镇服务站 unless
// `nodeCode` names another node; a carrier's user works for the carrier's organisation (API client) in the county.
export const DEMO_USERS: readonly {
  username: string;
  password: string;
  role: "ADMIN" | "COUNTY_MANAGER" | "STATION_STAFF" | "MERCHANT" | "COUNTER_OPERATOR" | "CARRIER_USER";
  displayName: string;
  nodeCode?: string;
  carrierCode?: string;
}[] = [
  { username: "admin", password: "admin123", role: "ADMIN", displayName: "系统管理员" },
  { username: "manager", password: "manager123", role: "COUNTY_MANAGER", displayName: "盖州市物流办 王主任" },
  { username: "station", password: "station123", role: "STATION_STAFF", displayName: "高屯镇服务站 李站长" },
  { username: "point", password: "point123", role: "STATION_STAFF", displayName: "高屯村服务点 刘大姐", nodeCode: "GZ-102200" },
  { username: "merchant", password: "merchant123", role: "MERCHANT", displayName: "高屯果蔬合作社 张经理" },
  { username: "counter", password: "counter123", role: "COUNTER_OPERATOR", displayName: "机关食堂专柜 赵主管" },
  { username: "zto", password: "zto123", role: "CARRIER_USER", displayName: "中通快递盖州 孙调度", carrierCode: "ZTO" },
];
