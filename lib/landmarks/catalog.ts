// The landmark catalogue shared by the offline planner (which picks exhibits) and the built-in
// sketch renderer (which draws them). Plain data, safe to import in the browser.

export type Region =
  | "paris"
  | "france"
  | "egypt"
  | "japan"
  | "rome"
  | "italy"
  | "london"
  | "uk"
  | "new-york"
  | "usa"
  | "greece"
  | "spain"
  | "germany"
  | "netherlands"
  | "russia"
  | "india"
  | "china"
  | "middle-east"
  | "australia"
  | "americas";

/** Silhouette family: the renderer has one drawer per shape, tuned per landmark. */
export type Shape =
  | "lattice-tower"
  | "needle-tower"
  | "skyscraper"
  | "clock-tower"
  | "leaning-tower"
  | "arch"
  | "cathedral"
  | "basilica"
  | "mausoleum"
  | "onion-domes"
  | "palace"
  | "temple"
  | "egyptian-temple"
  | "pyramid"
  | "obelisk"
  | "column"
  | "bridge"
  | "windmill"
  | "pagoda"
  | "castle"
  | "torii"
  | "statue"
  | "sphinx"
  | "colosseum"
  | "fountain"
  | "ferris-wheel"
  | "shell-roof"
  | "mountain";

export interface Landmark {
  id: string;
  name: string;
  aliases: string[];
  region: Region;
  city: string;
  country: string;
  shape: Shape;
  description: string;
}

/** Broader regions that contain a city region, so "a gallery of Italy" also offers Rome. */
export const REGION_PARENT: Partial<Record<Region, Region>> = {
  paris: "france",
  rome: "italy",
  london: "uk",
  "new-york": "usa",
};

/** Ordered famous-first within each region; `landmarksInRegion` relies on this order. */
export const LANDMARKS: readonly Landmark[] = [
  // Paris
  {
    id: "eiffel-tower",
    name: "Eiffel Tower",
    aliases: ["Eiffel", "Tour Eiffel", "La Tour Eiffel", "Iron Lady", "Eiffelturm", "Torre Eiffel"],
    region: "paris",
    city: "Paris",
    country: "France",
    shape: "lattice-tower",
    description: "Gustave Eiffel's wrought-iron lattice tower, built for the 1889 World's Fair, rises 330 metres over the Champ de Mars.",
  },
  {
    id: "arc-de-triomphe",
    name: "Arc de Triomphe",
    aliases: ["Arc de Triomphe de l'Etoile", "Arch of Triumph", "Triumphal Arch of Paris", "Arc de l'Etoile", "Triumphbogen", "Arco del Triunfo", "Arco di Trionfo"],
    region: "paris",
    city: "Paris",
    country: "France",
    shape: "arch",
    description: "Napoleon's triumphal arch crowns the Place de l'Étoile, its sculpted piers honouring the armies of France.",
  },
  {
    id: "notre-dame",
    name: "Notre-Dame de Paris",
    aliases: ["Notre-Dame", "Notre Dame Cathedral", "Cathedral of Notre-Dame", "Kathedrale Notre-Dame", "Catedral de Notre Dame", "Cattedrale di Notre-Dame"],
    region: "paris",
    city: "Paris",
    country: "France",
    shape: "cathedral",
    description: "The Gothic cathedral on the Île de la Cité, with twin towers, flying buttresses and a great rose window.",
  },
  {
    id: "sacre-coeur",
    name: "Sacré-Cœur",
    aliases: ["Sacré-Cœur Basilica", "Basilica of the Sacred Heart", "Sacred Heart Basilica", "Sacre Coeur de Montmartre"],
    region: "paris",
    city: "Paris",
    country: "France",
    shape: "basilica",
    description: "The white Romano-Byzantine basilica of the Sacred Heart crowns the hill of Montmartre with its pale domes.",
  },
  {
    id: "louvre-pyramid",
    name: "Louvre Pyramid",
    aliases: ["Louvre", "Pyramide du Louvre", "Glass Pyramid of the Louvre", "Louvre Museum", "Pyramide des Louvre", "Pirámide del Louvre", "Piramide del Louvre"],
    region: "paris",
    city: "Paris",
    country: "France",
    shape: "pyramid",
    description: "I. M. Pei's glass and steel pyramid of 1989 marks the main entrance to the Louvre museum.",
  },
  {
    id: "pantheon-paris",
    name: "Panthéon",
    aliases: ["Pantheon of Paris", "Paris Pantheon", "Panthéon de Paris"],
    region: "paris",
    city: "Paris",
    country: "France",
    shape: "basilica",
    description: "The neoclassical Panthéon on the Montagne Sainte-Geneviève shelters the tombs of France's great citizens under its colonnaded dome.",
  },
  {
    id: "opera-garnier",
    name: "Opéra Garnier",
    aliases: ["Palais Garnier", "Paris Opera", "Opera Garnier", "Paris Opera House", "Opéra de Paris"],
    region: "paris",
    city: "Paris",
    country: "France",
    shape: "palace",
    description: "Charles Garnier's opulent Second Empire opera house, crowned with gilded statues and a green copper dome.",
  },
  {
    id: "luxor-obelisk",
    name: "Luxor Obelisk",
    aliases: ["Obelisk of Luxor", "Concorde Obelisk", "Place de la Concorde Obelisk", "Obélisque de Louxor"],
    region: "paris",
    city: "Paris",
    country: "France",
    shape: "obelisk",
    description: "A 3,300-year-old Egyptian obelisk with a gilded cap, standing at the centre of the Place de la Concorde since 1836.",
  },
  {
    id: "moulin-rouge",
    name: "Moulin Rouge",
    aliases: ["Red Mill", "Moulin Rouge windmill"],
    region: "paris",
    city: "Paris",
    country: "France",
    shape: "windmill",
    description: "The red windmill of Pigalle has crowned the birthplace of the cancan since 1889.",
  },
  {
    id: "pont-alexandre-iii",
    name: "Pont Alexandre III",
    aliases: ["Alexandre III Bridge", "Pont Alexandre", "Alexander III Bridge"],
    region: "paris",
    city: "Paris",
    country: "France",
    shape: "bridge",
    description: "A single steel arch spans the Seine, guarded by four gilded Pegasus statues on tall stone pillars.",
  },
  {
    id: "les-invalides",
    name: "Les Invalides",
    aliases: ["Invalides", "Hôtel des Invalides", "Dôme des Invalides", "Dome des Invalides", "Napoleon's Tomb"],
    region: "paris",
    city: "Paris",
    country: "France",
    shape: "basilica",
    description: "The gilded dome of the Invalides church rises above Napoleon's tomb and the old soldiers' hospital.",
  },
  {
    id: "tour-montparnasse",
    name: "Tour Montparnasse",
    aliases: ["Montparnasse Tower", "Montparnasse"],
    region: "paris",
    city: "Paris",
    country: "France",
    shape: "skyscraper",
    description: "A lone dark 210-metre office tower of 1973, the tallest building inside the Paris ring road.",
  },

  // Egypt
  {
    id: "great-pyramid",
    name: "Great Pyramid of Giza",
    aliases: ["Great Pyramid", "Pyramid of Giza", "Pyramids of Giza", "Giza Pyramid", "Pyramid of Khufu", "Cheops Pyramid", "Pyramid of Cheops", "Giza", "Grande Pyramide", "Pyramides de Gizeh", "Cheops-Pyramide", "Pyramiden von Gizeh", "Gran Pirámide", "Pirámides de Guiza", "Grande Piramide", "Piramidi di Giza"],
    region: "egypt",
    city: "Giza",
    country: "Egypt",
    shape: "pyramid",
    description: "The tomb of the pharaoh Khufu, the oldest of the Seven Wonders, built of some two million limestone blocks.",
  },
  {
    id: "great-sphinx",
    name: "Great Sphinx of Giza",
    aliases: ["Sphinx", "Great Sphinx", "Sphinx of Giza", "Sphinx de Gizeh", "Esfinge", "Esfinge de Guiza", "Sfinge", "Sfinge di Giza"],
    region: "egypt",
    city: "Giza",
    country: "Egypt",
    shape: "sphinx",
    description: "A colossal limestone lion with a pharaoh's head, keeping watch over the Giza plateau for 4,500 years.",
  },
  {
    id: "abu-simbel",
    name: "Abu Simbel",
    aliases: ["Abu Simbel Temples", "Temple of Ramesses II", "Great Temple of Abu Simbel"],
    region: "egypt",
    city: "Aswan",
    country: "Egypt",
    shape: "egyptian-temple",
    description: "Four seated colossi of Ramesses II guard the rock-cut temple facade on the shore of Lake Nasser.",
  },
  {
    id: "karnak",
    name: "Karnak Temple",
    aliases: ["Karnak", "Temple of Karnak", "Karnak Temple Complex", "Temple of Amun"],
    region: "egypt",
    city: "Luxor",
    country: "Egypt",
    shape: "egyptian-temple",
    description: "The vast temple of Amun at Thebes, entered through massive pylons into a forest of papyrus columns.",
  },
  {
    id: "luxor-temple",
    name: "Luxor Temple",
    aliases: ["Temple of Luxor"],
    region: "egypt",
    city: "Luxor",
    country: "Egypt",
    shape: "egyptian-temple",
    description: "A sandstone temple on the east bank of the Nile whose pylon is fronted by a single surviving obelisk.",
  },
  {
    id: "hatshepsut-obelisk",
    name: "Obelisk of Hatshepsut",
    aliases: ["Hatshepsut's Obelisk", "Karnak Obelisk", "Egyptian Obelisk"],
    region: "egypt",
    city: "Luxor",
    country: "Egypt",
    shape: "obelisk",
    description: "A single shaft of pink Aswan granite raised at Karnak by Queen Hatshepsut, once sheathed in electrum.",
  },
  {
    id: "step-pyramid-djoser",
    name: "Pyramid of Djoser",
    aliases: ["Step Pyramid", "Step Pyramid of Djoser", "Saqqara Pyramid", "Djoser Pyramid"],
    region: "egypt",
    city: "Saqqara",
    country: "Egypt",
    shape: "pyramid",
    description: "Imhotep's six-stepped pyramid at Saqqara, the earliest colossal stone building in Egypt.",
  },

  // Japan
  {
    id: "mount-fuji",
    name: "Mount Fuji",
    aliases: ["Fuji", "Fujisan", "Fuji-san", "Mt Fuji", "Mt. Fuji", "Fujiyama", "Mont Fuji", "Monte Fuji", "Fudschijama"],
    region: "japan",
    city: "Shizuoka",
    country: "Japan",
    shape: "mountain",
    description: "Japan's sacred snow-capped volcano, a near-perfect cone rising 3,776 metres above Honshu.",
  },
  {
    id: "tokyo-tower",
    name: "Tokyo Tower",
    aliases: ["Tour de Tokyo", "Torre de Tokio", "Torre di Tokyo"],
    region: "japan",
    city: "Tokyo",
    country: "Japan",
    shape: "lattice-tower",
    description: "An orange-and-white lattice tower of 1958, modelled on the Eiffel Tower and a symbol of Tokyo's rebirth.",
  },
  {
    id: "tokyo-skytree",
    name: "Tokyo Skytree",
    aliases: ["Skytree", "Sky Tree"],
    region: "japan",
    city: "Tokyo",
    country: "Japan",
    shape: "needle-tower",
    description: "At 634 metres the tallest tower in the world, a tapering white lattice mast with two observation rings.",
  },
  {
    id: "kinkaku-ji",
    name: "Kinkaku-ji",
    aliases: ["Golden Pavilion", "Temple of the Golden Pavilion", "Kinkakuji", "Rokuon-ji", "Pavillon d'or", "Goldener Pavillon", "Pabellón Dorado", "Padiglione d'oro"],
    region: "japan",
    city: "Kyoto",
    country: "Japan",
    shape: "pagoda",
    description: "A Zen temple in Kyoto whose upper floors are covered in gold leaf, mirrored in its pond.",
  },
  {
    id: "himeji-castle",
    name: "Himeji Castle",
    aliases: ["Himeji", "White Heron Castle", "Himeji-jo", "Château de Himeji", "Burg Himeji", "Castillo de Himeji", "Castello di Himeji"],
    region: "japan",
    city: "Himeji",
    country: "Japan",
    shape: "castle",
    description: "The White Heron Castle, a brilliant white feudal keep of stacked gabled roofs on a stone base.",
  },
  {
    id: "fushimi-inari",
    name: "Fushimi Inari Torii",
    aliases: ["Fushimi Inari", "Fushimi Inari Taisha", "Fushimi Inari Shrine", "Torii Gate", "Torii"],
    region: "japan",
    city: "Kyoto",
    country: "Japan",
    shape: "torii",
    description: "Vermilion torii gates of the Inari shrine in Kyoto, thousands of them lining the mountain paths.",
  },
  {
    id: "senso-ji",
    name: "Senso-ji Pagoda",
    aliases: ["Senso-ji", "Sensoji", "Sensō-ji", "Asakusa Temple", "Asakusa Pagoda", "Five-storey pagoda", "Five-story pagoda"],
    region: "japan",
    city: "Tokyo",
    country: "Japan",
    shape: "pagoda",
    description: "The five-storey pagoda of Tokyo's oldest temple in Asakusa, its red tiers capped by a bronze spire.",
  },
  {
    id: "itsukushima-torii",
    name: "Itsukushima Floating Torii",
    aliases: ["Itsukushima", "Itsukushima Shrine", "Miyajima Torii", "Floating Torii", "Great Torii of Miyajima"],
    region: "japan",
    city: "Hatsukaichi",
    country: "Japan",
    shape: "torii",
    description: "The great vermilion gate of Itsukushima Shrine that seems to float on the sea at high tide.",
  },
  {
    id: "kamakura-daibutsu",
    name: "Great Buddha of Kamakura",
    aliases: ["Kamakura Daibutsu", "Daibutsu", "Kotoku-in Buddha", "Great Buddha"],
    region: "japan",
    city: "Kamakura",
    country: "Japan",
    shape: "statue",
    description: "A seated bronze Amida Buddha more than eleven metres tall, meditating in the open air since the thirteenth century.",
  },

  // Rome
  {
    id: "colosseum",
    name: "Colosseum",
    aliases: ["Coliseum", "Flavian Amphitheatre", "Colosseo", "Roman Colosseum", "Kolosseum", "Colisée", "Coliseo", "Colosseo di Roma"],
    region: "rome",
    city: "Rome",
    country: "Italy",
    shape: "colosseum",
    description: "The Flavian amphitheatre, whose tiers of travertine arches once held fifty thousand spectators.",
  },
  {
    id: "pantheon-rome",
    name: "Pantheon",
    aliases: ["Roman Pantheon", "Pantheon of Rome", "Rome Pantheon", "Pantheon of Agrippa", "Panthéon de Rome", "Pantheon in Rom", "Panteón de Roma", "Panteon"],
    region: "rome",
    city: "Rome",
    country: "Italy",
    shape: "temple",
    description: "Hadrian's temple to all the gods, a columned portico fronting the largest unreinforced concrete dome ever built.",
  },
  {
    id: "st-peters-basilica",
    name: "St Peter's Basilica",
    aliases: ["St. Peter's Basilica", "Saint Peter's Basilica", "St Peter's", "Saint Peter's", "Basilica of Saint Peter", "Vatican Basilica", "Vatican", "Petersdom", "Basilique Saint-Pierre", "Basílica de San Pedro", "Basilica di San Pietro", "San Pietro"],
    region: "rome",
    city: "Vatican City",
    country: "Vatican City",
    shape: "basilica",
    description: "Michelangelo's soaring dome crowns the great Renaissance church of the Vatican.",
  },
  {
    id: "trevi-fountain",
    name: "Trevi Fountain",
    aliases: ["Fontana di Trevi", "Trevi", "Fontaine de Trevi", "Trevi-Brunnen", "Trevibrunnen", "Fontana de Trevi"],
    region: "rome",
    city: "Rome",
    country: "Italy",
    shape: "fountain",
    description: "A Baroque palace facade where Oceanus rides a shell chariot over cascades of travertine and water.",
  },
  {
    id: "arch-of-constantine",
    name: "Arch of Constantine",
    aliases: ["Constantine's Arch", "Arco di Costantino", "Arc de Constantin", "Konstantinsbogen", "Arco de Constantino"],
    region: "rome",
    city: "Rome",
    country: "Italy",
    shape: "arch",
    description: "A triple-bayed triumphal arch beside the Colosseum celebrating Constantine's victory at the Milvian Bridge.",
  },
  {
    id: "trajans-column",
    name: "Trajan's Column",
    aliases: ["Trajan Column", "Column of Trajan", "Colonna Traiana", "Colonne Trajane", "Trajanssäule", "Columna de Trajano"],
    region: "rome",
    city: "Rome",
    country: "Italy",
    shape: "column",
    description: "A marble column wrapped in a spiral frieze of Trajan's Dacian wars, topped by a statue of Saint Peter.",
  },

  // London
  {
    id: "big-ben",
    name: "Big Ben",
    aliases: ["Elizabeth Tower", "Clock Tower of Westminster", "Westminster Clock Tower", "Big Ben Clock Tower", "Palace of Westminster", "Tour Elizabeth"],
    region: "london",
    city: "London",
    country: "United Kingdom",
    shape: "clock-tower",
    description: "The Gothic Revival clock tower of the Palace of Westminster, home of the Great Bell.",
  },
  {
    id: "tower-bridge",
    name: "Tower Bridge",
    aliases: ["Pont de la Tour"],
    region: "london",
    city: "London",
    country: "United Kingdom",
    shape: "bridge",
    description: "A Victorian bascule bridge over the Thames with two Gothic towers joined by high walkways.",
  },
  {
    id: "london-eye",
    name: "London Eye",
    aliases: ["Millennium Wheel", "London Ferris Wheel"],
    region: "london",
    city: "London",
    country: "United Kingdom",
    shape: "ferris-wheel",
    description: "A 135-metre cantilevered observation wheel on the South Bank with thirty-two glass capsules.",
  },
  {
    id: "st-pauls-cathedral",
    name: "St Paul's Cathedral",
    aliases: ["St. Paul's Cathedral", "Saint Paul's Cathedral", "St Paul's", "Saint Paul's"],
    region: "london",
    city: "London",
    country: "United Kingdom",
    shape: "basilica",
    description: "Christopher Wren's Baroque cathedral whose great dome has dominated the City of London since 1710.",
  },
  {
    id: "the-shard",
    name: "The Shard",
    aliases: ["Shard", "Shard of Glass", "Shard London Bridge", "London Bridge Tower"],
    region: "london",
    city: "London",
    country: "United Kingdom",
    shape: "skyscraper",
    description: "Renzo Piano's tapering glass spire of 310 metres, the tallest building in the United Kingdom.",
  },
  {
    id: "gherkin",
    name: "30 St Mary Axe",
    aliases: ["The Gherkin", "Gherkin building", "Gherkin tower", "London Gherkin", "St Mary Axe"],
    region: "london",
    city: "London",
    country: "United Kingdom",
    shape: "skyscraper",
    description: "Norman Foster's bullet-shaped tower in the City, wrapped in a diagonal grid of glass.",
  },
  {
    id: "tower-of-london",
    name: "Tower of London",
    aliases: ["White Tower", "London Tower", "Tour de Londres", "Torre de Londres", "Torre di Londra"],
    region: "london",
    city: "London",
    country: "United Kingdom",
    shape: "castle",
    description: "William the Conqueror's White Tower, a Norman keep with four corner turrets beside the Thames.",
  },
  {
    id: "nelsons-column",
    name: "Nelson's Column",
    aliases: ["Nelson Column", "Trafalgar Square Column"],
    region: "london",
    city: "London",
    country: "United Kingdom",
    shape: "column",
    description: "A granite Corinthian column in Trafalgar Square bearing Admiral Nelson high above the city.",
  },

  // New York
  {
    id: "statue-of-liberty",
    name: "Statue of Liberty",
    aliases: ["Lady Liberty", "Liberty Enlightening the World", "Liberty statue", "Statue de la Liberte", "Statue de la Liberté", "Freiheitsstatue", "Estatua de la Libertad", "Statua della Libertà"],
    region: "new-york",
    city: "New York",
    country: "United States",
    shape: "statue",
    description: "Bartholdi's copper colossus raises her torch over New York Harbor, green with a century of patina.",
  },
  {
    id: "empire-state-building",
    name: "Empire State Building",
    aliases: ["Empire State"],
    region: "new-york",
    city: "New York",
    country: "United States",
    shape: "skyscraper",
    description: "The Art Deco tower of 1931 on Fifth Avenue, stepping back in setbacks to a mooring mast.",
  },
  {
    id: "chrysler-building",
    name: "Chrysler Building",
    aliases: ["Chrysler"],
    region: "new-york",
    city: "New York",
    country: "United States",
    shape: "skyscraper",
    description: "An Art Deco skyscraper crowned by a stainless-steel spire of stacked sunburst arches.",
  },
  {
    id: "one-world-trade-center",
    name: "One World Trade Center",
    aliases: ["One World Trade", "1 WTC", "Freedom Tower", "World Trade Center", "One WTC"],
    region: "new-york",
    city: "New York",
    country: "United States",
    shape: "skyscraper",
    description: "A 541-metre glass obelisk of chamfered triangles rising from the rebuilt World Trade Center site.",
  },
  {
    id: "brooklyn-bridge",
    name: "Brooklyn Bridge",
    aliases: [],
    region: "new-york",
    city: "New York",
    country: "United States",
    shape: "bridge",
    description: "A suspension bridge of 1883 whose Gothic granite towers carry a web of steel cables across the East River.",
  },
  {
    id: "flatiron-building",
    name: "Flatiron Building",
    aliases: ["Flatiron", "Fuller Building"],
    region: "new-york",
    city: "New York",
    country: "United States",
    shape: "skyscraper",
    description: "A triangular Beaux-Arts tower of 1902 filling the wedge where Broadway crosses Fifth Avenue.",
  },

  // Elsewhere
  {
    id: "taj-mahal",
    name: "Taj Mahal",
    aliases: ["Taj"],
    region: "india",
    city: "Agra",
    country: "India",
    shape: "mausoleum",
    description: "Shah Jahan's white marble mausoleum for Mumtaz Mahal, a great onion dome framed by four minarets.",
  },
  {
    id: "leaning-tower-of-pisa",
    name: "Leaning Tower of Pisa",
    aliases: ["Tower of Pisa", "Pisa Tower", "Leaning Tower", "Torre di Pisa", "Pisa", "Tour de Pise", "Schiefer Turm von Pisa", "Torre de Pisa", "Torre pendente di Pisa"],
    region: "italy",
    city: "Pisa",
    country: "Italy",
    shape: "leaning-tower",
    description: "The marble bell tower of Pisa cathedral, leaning four degrees on its soft ground beneath six open arcades.",
  },
  {
    id: "sydney-opera-house",
    name: "Sydney Opera House",
    aliases: ["Sydney Opera", "Opera House of Sydney", "Opéra de Sydney", "Opernhaus Sydney", "Ópera de Sídney", "Teatro dell'Opera di Sydney"],
    region: "australia",
    city: "Sydney",
    country: "Australia",
    shape: "shell-roof",
    description: "Jørn Utzon's white sail-like shells rise from a granite podium on Bennelong Point.",
  },
  {
    id: "burj-khalifa",
    name: "Burj Khalifa",
    aliases: ["Burj Dubai", "Khalifa Tower"],
    region: "middle-east",
    city: "Dubai",
    country: "United Arab Emirates",
    shape: "skyscraper",
    description: "The world's tallest building at 828 metres, a stepped silver needle rising from the desert.",
  },
  {
    id: "space-needle",
    name: "Space Needle",
    aliases: ["Seattle Space Needle"],
    region: "usa",
    city: "Seattle",
    country: "United States",
    shape: "needle-tower",
    description: "The flying-saucer observation tower built for Seattle's 1962 World's Fair.",
  },
  {
    id: "parthenon",
    name: "Parthenon",
    aliases: ["Acropolis", "Temple of Athena Parthenos", "Parthenon of Athens", "Parthénon", "Partenón", "Partenone", "Akropolis", "Acrópolis", "Acropoli"],
    region: "greece",
    city: "Athens",
    country: "Greece",
    shape: "temple",
    description: "The Doric marble temple to Athena on the Acropolis of Athens, a model of classical proportion.",
  },
  {
    id: "sagrada-familia",
    name: "Sagrada Família",
    aliases: ["Sagrada Familia Basilica", "Basilica of the Sagrada Familia", "Templo Expiatorio de la Sagrada Familia", "Sagrada Família"],
    region: "spain",
    city: "Barcelona",
    country: "Spain",
    shape: "cathedral",
    description: "Gaudí's still-unfinished basilica in Barcelona, a cluster of honeycombed spires like dripping sandcastles.",
  },
  {
    id: "st-basils-cathedral",
    name: "St Basil's Cathedral",
    aliases: ["St. Basil's Cathedral", "Saint Basil's Cathedral", "St Basil's", "Saint Basil's", "Kremlin", "Red Square", "Cathedral of Vasily the Blessed", "Cathédrale Saint-Basile", "Basilius-Kathedrale", "Basiliuskathedrale", "Catedral de San Basilio", "Cattedrale di San Basilio", "Kreml", "Kremlin de Moscou", "Place Rouge", "Roter Platz", "Plaza Roja", "Piazza Rossa"],
    region: "russia",
    city: "Moscow",
    country: "Russia",
    shape: "onion-domes",
    description: "Nine chapels under swirling, brightly painted onion domes on the edge of Red Square.",
  },
  {
    id: "golden-gate-bridge",
    name: "Golden Gate Bridge",
    aliases: ["Golden Gate", "Pont du Golden Gate", "Puente Golden Gate"],
    region: "usa",
    city: "San Francisco",
    country: "United States",
    shape: "bridge",
    description: "An International Orange suspension bridge spanning the foggy strait at the mouth of San Francisco Bay.",
  },
  {
    id: "christ-the-redeemer",
    name: "Christ the Redeemer",
    aliases: ["Cristo Redentor", "Christ the Redeemer statue", "Corcovado Christ", "Christ Rédempteur", "Christusstatue", "Cristo Redentore", "Cristo del Corcovado"],
    region: "americas",
    city: "Rio de Janeiro",
    country: "Brazil",
    shape: "statue",
    description: "A thirty-metre Art Deco statue of Christ with open arms atop Corcovado mountain above Rio.",
  },
  {
    id: "washington-monument",
    name: "Washington Monument",
    aliases: ["Washington-Monument", "Monumento a Washington"],
    region: "usa",
    city: "Washington, D.C.",
    country: "United States",
    shape: "obelisk",
    description: "A 169-metre marble obelisk on the National Mall honouring George Washington.",
  },
  {
    id: "cn-tower",
    name: "CN Tower",
    aliases: ["Toronto Tower", "Canadian National Tower"],
    region: "americas",
    city: "Toronto",
    country: "Canada",
    shape: "needle-tower",
    description: "Toronto's 553-metre concrete communications tower with a pod of observation decks and a slender antenna.",
  },
  {
    id: "brandenburg-gate",
    name: "Brandenburg Gate",
    aliases: ["Brandenburger Tor", "Porte de Brandebourg", "Puerta de Brandeburgo", "Porta di Brandeburgo"],
    region: "germany",
    city: "Berlin",
    country: "Germany",
    shape: "arch",
    description: "Berlin's neoclassical gateway of twelve Doric columns, crowned by the Quadriga chariot.",
  },
  {
    id: "neuschwanstein",
    name: "Neuschwanstein Castle",
    aliases: ["Neuschwanstein", "Schloss Neuschwanstein", "Château de Neuschwanstein", "Castillo de Neuschwanstein", "Castello di Neuschwanstein"],
    region: "germany",
    city: "Schwangau",
    country: "Germany",
    shape: "castle",
    description: "King Ludwig II's fairy-tale castle of white towers and pointed turrets above the Bavarian Alps.",
  },
  {
    id: "cologne-cathedral",
    name: "Cologne Cathedral",
    aliases: ["Kölner Dom", "Koelner Dom", "Cologne Dom", "Cathédrale de Cologne", "Catedral de Colonia", "Duomo di Colonia"],
    region: "germany",
    city: "Cologne",
    country: "Germany",
    shape: "cathedral",
    description: "A colossal Gothic cathedral on the Rhine whose twin openwork spires rise 157 metres.",
  },
  {
    id: "kinderdijk-windmill",
    name: "Kinderdijk Windmills",
    aliases: ["Kinderdijk", "Dutch windmill", "Windmill of Kinderdijk", "Moulins de Kinderdijk", "Windmühlen von Kinderdijk"],
    region: "netherlands",
    city: "Kinderdijk",
    country: "Netherlands",
    shape: "windmill",
    description: "Eighteenth-century thatched drainage mills standing in a row along the polder canals.",
  },
  {
    id: "temple-of-heaven",
    name: "Temple of Heaven",
    aliases: ["Tiantan", "Hall of Prayer for Good Harvests", "Temple du Ciel", "Himmelstempel", "Templo del Cielo", "Tempio del Cielo"],
    region: "china",
    city: "Beijing",
    country: "China",
    shape: "pagoda",
    description: "A round triple-eaved hall of blue glazed tiles on a marble terrace where emperors prayed for good harvests.",
  },
  {
    id: "india-gate",
    name: "India Gate",
    aliases: ["All India War Memorial"],
    region: "india",
    city: "New Delhi",
    country: "India",
    shape: "arch",
    description: "A sandstone war memorial arch on the Rajpath in New Delhi, designed by Edwin Lutyens.",
  },
  {
    id: "chichen-itza",
    name: "Chichén Itzá",
    aliases: ["El Castillo", "Temple of Kukulcan", "Kukulkan Pyramid", "Chichen Itza Pyramid", "Chichén Itzá"],
    region: "americas",
    city: "Yucatán",
    country: "Mexico",
    shape: "pyramid",
    description: "The stepped Maya pyramid of Kukulcán, whose stairways cast a serpent of shadow at the equinox.",
  },
  {
    id: "us-capitol",
    name: "United States Capitol",
    aliases: ["US Capitol", "U.S. Capitol", "Capitol Building", "Capitol Hill"],
    region: "usa",
    city: "Washington, D.C.",
    country: "United States",
    shape: "basilica",
    description: "The white neoclassical seat of Congress, crowned by a cast-iron dome and the Statue of Freedom.",
  },
];

const BY_ID = new Map(LANDMARKS.map((landmark) => [landmark.id, landmark]));

export function landmarkById(id: string): Landmark | null {
  return BY_ID.get(id) ?? null;
}
