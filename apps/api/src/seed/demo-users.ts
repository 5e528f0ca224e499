// The demo logins the start command prints (documented in the README).
export const DEMO_USERS = [
  { username: "admin", password: "admin123", role: "ADMIN", displayName: "系统管理员" },
  { username: "manager", password: "manager123", role: "COUNTY_MANAGER", displayName: "盖州市物流办 王主任" },
  { username: "station", password: "station123", role: "STATION_STAFF", displayName: "高屯镇服务站 李站长" },
  { username: "merchant", password: "merchant123", role: "MERCHANT", displayName: "高屯果蔬合作社 张经理" },
  { username: "counter", password: "counter123", role: "COUNTER_OPERATOR", displayName: "机关食堂专柜 赵主管" },
] as const;
