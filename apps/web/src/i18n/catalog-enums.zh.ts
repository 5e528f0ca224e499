// Product categories, certification kinds and counter venue types (zh), shared by the counter pages, the public trace page and the county dashboard.
export const catalogEnumsZh = {
  categories: {
    GRAIN: "粮油",
    VEGETABLE: "蔬菜",
    FRUIT: "水果",
    MEAT_POULTRY: "肉禽",
    EGG_DAIRY: "蛋奶",
    AQUATIC: "水产",
    MUSHROOM: "菌菇",
    NUTS_DRIED: "干果坚果",
    TEA_HERBAL: "茶叶药材",
    PROCESSED: "加工食品",
    HANDICRAFT: "手工艺品",
    OTHER: "其他",
  },
  certKinds: {
    GREEN_FOOD: "绿色食品",
    ORGANIC: "有机产品",
    GEO_INDICATION: "地理标志",
  },
  venueTypes: {
    SUPERMARKET: "超市",
    MALL: "商场",
    HOTEL: "酒店",
    WHOLESALE_MARKET: "批发市场",
    FARMERS_MARKET: "农贸市场",
    AIRPORT_STATION: "机场车站",
    HIGHWAY_SERVICE_AREA: "高速公路服务区",
    CANTEEN: "机关企事业单位食堂",
    ONLINE_CHANNEL: "线上渠道",
  },
};
