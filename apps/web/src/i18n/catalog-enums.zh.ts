// Product categories and certification kinds (zh), shared by the counter pages and the public trace page.
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
};
