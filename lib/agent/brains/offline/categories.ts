// Generic subjects the offline planner can fill a gallery with when a goal names a kind of thing
// ("my favourite fruits", "musical instruments") rather than the things themselves. Items are ordered
// by how recognisable their silhouette is, since each becomes one 3D object.

export interface Category {
  id: string;
  /** Title-case plural for gallery titles. */
  label: string;
  /** Words that name the category in a goal (compared as tokens, singular and plural). */
  words: string[];
  items: string[];
}

export const CATEGORIES: readonly Category[] = [
  {
    id: "fruits", label: "Fruits", words: ["fruit", "fruits"],
    items: ["apple", "pear", "pineapple", "banana", "strawberry", "cherries", "lemon", "watermelon", "bunch of grapes", "orange", "mango", "peach"],
  },
  {
    id: "vegetables", label: "Vegetables", words: ["vegetable", "vegetables", "veggies"],
    items: ["pumpkin", "carrot", "aubergine", "artichoke", "broccoli", "tomato", "bell pepper", "onion", "corn cob", "mushroom", "radish", "cabbage"],
  },
  {
    id: "birds", label: "Birds", words: ["bird", "birds"],
    items: ["owl", "eagle", "flamingo", "parrot", "peacock", "swan", "penguin", "toucan", "hummingbird", "pelican", "heron", "robin"],
  },
  {
    id: "sea-creatures", label: "Sea Creatures", words: ["sea creature", "sea creatures", "sea animals", "marine animals", "ocean animals", "fish", "fishes", "sea life"],
    items: ["octopus", "seahorse", "whale", "dolphin", "jellyfish", "sea turtle", "crab", "starfish", "shark", "nautilus shell", "lobster", "manta ray"],
  },
  {
    id: "dinosaurs", label: "Dinosaurs", words: ["dinosaur", "dinosaurs", "dinos"],
    items: ["Tyrannosaurus rex", "Triceratops", "Stegosaurus", "Brachiosaurus", "Velociraptor", "Ankylosaurus", "Parasaurolophus", "Spinosaurus", "Pteranodon", "Diplodocus", "Iguanodon", "Pachycephalosaurus"],
  },
  {
    id: "animals", label: "Animals", words: ["animal", "animals", "creature", "creatures", "wildlife", "beasts", "pets"],
    items: ["elephant", "giraffe", "lion", "horse", "fox", "bear", "rabbit", "deer", "tortoise", "owl", "cat", "kangaroo"],
  },
  {
    id: "instruments", label: "Instruments", words: ["instrument", "instruments", "musical instrument", "musical instruments"],
    items: ["violin", "grand piano", "trumpet", "acoustic guitar", "harp", "saxophone", "cello", "snare drum", "flute", "accordion", "French horn", "banjo"],
  },
  {
    id: "vehicles", label: "Vehicles", words: ["vehicle", "vehicles", "car", "cars", "transport", "transportation", "machines"],
    items: ["vintage car", "steam locomotive", "bicycle", "sailboat", "hot-air balloon", "motorcycle", "biplane", "tram", "scooter", "double-decker bus", "rocket", "submarine"],
  },
  {
    id: "flowers", label: "Flowers", words: ["flower", "flowers", "blooms", "blossoms"],
    items: ["rose", "tulip", "sunflower", "orchid", "lotus", "lily", "daisy", "poppy", "iris", "peony", "cherry blossom branch", "lavender sprig"],
  },
  {
    id: "furniture", label: "Chairs", words: ["chair", "chairs", "furniture", "seats"],
    items: ["armchair", "rocking chair", "throne", "Windsor chair", "stool", "chaise longue", "bench", "folding chair", "wingback chair", "bar stool", "lounge chair", "bean bag"],
  },
  {
    id: "chess", label: "Chess Pieces", words: ["chess", "chess pieces", "chess set"],
    items: ["king chess piece", "queen chess piece", "bishop chess piece", "knight chess piece", "rook chess piece", "pawn chess piece"],
  },
  {
    id: "planets", label: "Planets", words: ["planet", "planets", "solar system"],
    items: ["Saturn", "Jupiter", "Earth", "Mars", "Neptune", "Venus", "Uranus", "Mercury", "Moon", "Pluto", "Sun", "comet"],
  },
  {
    id: "desserts", label: "Desserts", words: ["dessert", "desserts", "cake", "cakes", "pastry", "pastries", "sweets", "treats"],
    items: ["layer cake", "croissant", "cupcake", "macaron tower", "doughnut", "éclair", "ice-cream cone", "cinnamon roll", "fruit tart", "pretzel", "cookie", "waffle"],
  },
  {
    id: "teapots", label: "Teapots & Vessels", words: ["teapot", "teapots", "vase", "vases", "vessels", "pottery pieces"],
    items: ["teapot", "amphora", "vase", "jug", "chalice", "bowl", "urn", "pitcher", "goblet", "tea cup", "decanter", "lantern"],
  },
];
