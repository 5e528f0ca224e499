// Product categories, certification kinds and counter venue types (en), shared by the counter pages, the public trace page and the county dashboard.
export const catalogEnumsEn = {
  categories: {
    GRAIN: "Grain and oil",
    VEGETABLE: "Vegetables",
    FRUIT: "Fruit",
    MEAT_POULTRY: "Meat and poultry",
    EGG_DAIRY: "Eggs and dairy",
    AQUATIC: "Aquatic products",
    MUSHROOM: "Mushrooms",
    NUTS_DRIED: "Nuts and dried fruit",
    TEA_HERBAL: "Tea and herbs",
    PROCESSED: "Processed food",
    HANDICRAFT: "Handicrafts",
    OTHER: "Other",
  },
  certKinds: {
    GREEN_FOOD: "Green food",
    ORGANIC: "Organic",
    GEO_INDICATION: "Geographical indication",
  },
  venueTypes: {
    SUPERMARKET: "Supermarket",
    MALL: "Mall",
    HOTEL: "Hotel",
    WHOLESALE_MARKET: "Wholesale market",
    FARMERS_MARKET: "Farmers' market",
    AIRPORT_STATION: "Airport or station",
    HIGHWAY_SERVICE_AREA: "Highway service area",
    CANTEEN: "Canteen",
    ONLINE_CHANNEL: "Online channel",
  },
};
