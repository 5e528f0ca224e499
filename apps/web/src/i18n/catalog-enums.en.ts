// Product categories and certification kinds (en), shared by the counter pages and the public trace page.
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
};
