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
    id: "fruits", label: "Fruits", words: ["fruit", "fruits", "fruit", "fruits", "obst", "fruchte", "fruta", "frutas", "frutta", "frutti"],
    items: ["apple", "pear", "pineapple", "banana", "strawberry", "cherries", "lemon", "watermelon", "bunch of grapes", "orange", "mango", "peach"],
  },
  {
    id: "vegetables", label: "Vegetables", words: ["vegetable", "vegetables", "veggies", "legume", "legumes", "gemuse", "verdura", "verduras", "hortalizas", "verdure", "ortaggi"],
    items: ["pumpkin", "carrot", "aubergine", "artichoke", "broccoli", "tomato", "bell pepper", "onion", "corn cob", "mushroom", "radish", "cabbage"],
  },
  {
    id: "birds", label: "Birds", words: ["bird", "birds", "oiseau", "oiseaux", "vogel", "vogel", "pajaro", "pajaros", "aves", "uccello", "uccelli"],
    items: ["owl", "eagle", "flamingo", "parrot", "peacock", "swan", "penguin", "toucan", "hummingbird", "pelican", "heron", "robin"],
  },
  {
    id: "sea-creatures", label: "Sea Creatures", words: ["sea creature", "sea creatures", "sea animals", "marine animals", "ocean animals", "fish", "fishes", "sea life", "animaux marins", "poissons", "meerestiere", "fische", "animales marinos", "peces", "animali marini", "pesci"],
    items: ["octopus", "seahorse", "whale", "dolphin", "jellyfish", "sea turtle", "crab", "starfish", "shark", "nautilus shell", "lobster", "manta ray"],
  },
  {
    id: "dinosaurs", label: "Dinosaurs", words: ["dinosaur", "dinosaurs", "dinos", "dinosaure", "dinosaures", "dinosaurier", "dinosaurio", "dinosaurios", "dinosauro", "dinosauri"],
    items: ["Tyrannosaurus rex", "Triceratops", "Stegosaurus", "Brachiosaurus", "Velociraptor", "Ankylosaurus", "Parasaurolophus", "Spinosaurus", "Pteranodon", "Diplodocus", "Iguanodon", "Pachycephalosaurus"],
  },
  {
    id: "animals", label: "Animals", words: ["animal", "animals", "creature", "creatures", "wildlife", "beasts", "pets", "animaux", "tiere", "tieren", "animales", "animali"],
    items: ["elephant", "giraffe", "lion", "horse", "fox", "bear", "rabbit", "deer", "tortoise", "owl", "cat", "kangaroo"],
  },
  {
    id: "instruments", label: "Instruments", words: ["instrument", "instruments", "musical instrument", "musical instruments", "instruments de musique", "musikinstrumente", "instrumente", "instrumentos", "instrumentos musicales", "strumenti", "strumenti musicali"],
    items: ["violin", "grand piano", "trumpet", "acoustic guitar", "harp", "saxophone", "cello", "snare drum", "flute", "accordion", "French horn", "banjo"],
  },
  {
    id: "vehicles", label: "Vehicles", words: ["vehicle", "vehicles", "car", "cars", "transport", "transportation", "machines", "vehicules", "voitures", "fahrzeuge", "autos", "vehiculos", "coches", "veicoli", "automobili"],
    items: ["vintage car", "steam locomotive", "bicycle", "sailboat", "hot-air balloon", "motorcycle", "biplane", "tram", "scooter", "double-decker bus", "rocket", "submarine"],
  },
  {
    id: "flowers", label: "Flowers", words: ["flower", "flowers", "blooms", "blossoms", "fleur", "fleurs", "blume", "blumen", "flor", "flores", "fiore", "fiori"],
    items: ["rose", "tulip", "sunflower", "orchid", "lotus", "lily", "daisy", "poppy", "iris", "peony", "cherry blossom branch", "lavender sprig"],
  },
  {
    id: "furniture", label: "Chairs", words: ["chair", "chairs", "furniture", "seats", "chaises", "meubles", "stuhle", "mobel", "sillas", "muebles", "sedie", "mobili"],
    items: ["armchair", "rocking chair", "throne", "Windsor chair", "stool", "chaise longue", "bench", "folding chair", "wingback chair", "bar stool", "lounge chair", "bean bag"],
  },
  {
    id: "dogs", label: "Dogs", words: ["dog", "dogs", "puppies", "chiens", "hunde", "perros", "cani"],
    items: ["dachshund", "poodle", "Dalmatian", "German shepherd", "corgi", "greyhound", "bulldog", "beagle", "Saint Bernard", "husky", "Labrador", "Afghan hound"],
  },
  {
    id: "cats", label: "Cats", words: ["cat", "cats", "kittens", "chats", "katzen", "gatos", "gatti"],
    items: ["Siamese cat", "Maine Coon", "Persian cat", "sphynx cat", "tabby cat", "Bengal cat", "Scottish Fold", "Russian Blue", "ragdoll cat", "black cat", "Abyssinian cat", "Norwegian Forest cat"],
  },
  {
    id: "trees", label: "Trees", words: ["tree", "trees", "arbres", "baume", "arboles", "alberi"],
    items: ["oak", "weeping willow", "baobab", "bonsai pine", "palm tree", "cherry tree in blossom", "birch", "cypress", "giant sequoia", "olive tree", "maple", "fir tree"],
  },
  {
    id: "boats", label: "Boats & Ships", words: ["boat", "boats", "ship", "ships", "bateaux", "navires", "boote", "schiffe", "barcos", "barche", "navi"],
    items: ["Viking longship", "galleon", "clipper ship", "steamboat", "gondola", "junk", "canoe", "ocean liner", "lighthouse tender", "catamaran", "tugboat", "submarine"],
  },
  {
    id: "insects", label: "Insects", words: ["insect", "insects", "bugs", "insectes", "insekten", "insectos", "insetti"],
    items: ["monarch butterfly", "ladybird", "stag beetle", "dragonfly", "honeybee", "praying mantis", "grasshopper", "scarab beetle", "firefly", "moth", "ant", "cicada"],
  },
  {
    id: "hats", label: "Hats", words: ["hat", "hats", "chapeaux", "hute", "sombreros", "cappelli"],
    items: ["top hat", "bowler hat", "cowboy hat", "sombrero", "beret", "straw boater", "fedora", "tricorne", "pith helmet", "fez", "panama hat", "bicorne"],
  },
  {
    id: "shoes", label: "Shoes", words: ["shoe", "shoes", "chaussures", "schuhe", "zapatos", "scarpe"],
    items: ["high-heeled shoe", "cowboy boot", "sneaker", "ballet slipper", "wooden clog", "sandal", "brogue", "riding boot", "moccasin", "platform shoe", "ice skate", "flip-flop"],
  },
  {
    id: "robots", label: "Robots", words: ["robot", "robots", "roboter", "robots", "robot"],
    items: ["tin toy robot", "humanoid robot", "robot dog", "industrial robot arm", "rover robot", "clockwork automaton", "robot butler", "giant mecha", "spherical drone robot", "retro space robot", "robot vacuum", "spider robot"],
  },
  {
    id: "castles", label: "Castles", words: ["castle", "castles", "chateaux", "burgen", "schlosser", "castillos", "castelli"],
    items: ["Norman keep", "motte-and-bailey castle", "crusader castle", "fairy-tale castle", "Japanese castle", "water castle with a moat", "hilltop castle ruin", "Scottish tower house", "star fort", "Loire chateau", "desert kasbah", "sandcastle"],
  },
  {
    id: "chess", label: "Chess Pieces", words: ["chess", "chess pieces", "chess set", "echecs", "pieces d echecs", "schach", "schachfiguren", "ajedrez", "piezas de ajedrez", "scacchi", "pezzi degli scacchi"],
    items: ["king chess piece", "queen chess piece", "bishop chess piece", "knight chess piece", "rook chess piece", "pawn chess piece"],
  },
  {
    id: "planets", label: "Planets", words: ["planet", "planets", "solar system", "planete", "planetes", "systeme solaire", "planeten", "sonnensystem", "planeta", "planetas", "sistema solar", "pianeta", "pianeti", "sistema solare"],
    items: ["Saturn", "Jupiter", "Earth", "Mars", "Neptune", "Venus", "Uranus", "Mercury", "Moon", "Pluto", "Sun", "comet"],
  },
  {
    id: "desserts", label: "Desserts", words: ["dessert", "desserts", "cake", "cakes", "pastry", "pastries", "sweets", "treats", "gateaux", "patisseries", "desserts", "kuchen", "nachspeisen", "sussigkeiten", "postres", "pasteles", "dulces", "dolci", "torte", "pasticcini"],
    items: ["layer cake", "croissant", "cupcake", "macaron tower", "doughnut", "éclair", "ice-cream cone", "cinnamon roll", "fruit tart", "pretzel", "cookie", "waffle"],
  },
  {
    id: "teapots", label: "Teapots & Vessels", words: ["teapot", "teapots", "vase", "vases", "vessels", "pottery pieces", "theieres", "vasen", "teekannen", "teteras", "jarrones", "teiere", "vasi"],
    items: ["teapot", "amphora", "vase", "jug", "chalice", "bowl", "urn", "pitcher", "goblet", "tea cup", "decanter", "lantern"],
  },
];
