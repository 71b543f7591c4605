// The small grammar the offline planner reads goals with, in English, French, German, Spanish and Italian:
// the words around a gallery request ("a gallery of", "une galerie de", "eine Ausstellung mit"), articles and
// determiners, the words that join a list, and the prepositions that start a style phrase ("at dusk",
// "au crépuscule", "im Schnee", "en acuarela", "al tramonto"). Tables, not a library: see numbers.ts.

/** Pictographs and their joiners: "🍕 pizza, 🍔 burger" marks items with emoji, which name nothing themselves. */
export const EMOJI = /(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\u200d|\ufe0f|\u20e3|\p{Emoji_Modifier})+/gu;

const GALLERY_NOUNS =
  "gallery|exhibition|exhibit|museum|collection|show|room|hall|display|galerie|exposition|musée|salle|ausstellung|sammlung|museum|raum|galería|exposición|colección|museo|sala|galleria|mostra|collezione";
const REQUEST_VERBS =
  "make|build|create|show|give|generate|design|curate|fais|faites|crée|créez|créer|montre|montrez|construis|mach|macht|erstelle|erstellt|zeig|zeige|baue|bau|haz|crea|muestra|muéstrame|construye|fai|mostra|mostrami|costruisci|genera";
const WANT = "i\\s+(?:want|would like|'d like)|let'?s\\s+(?:see|have)|je\\s+veux|je\\s+voudrais|ich\\s+(?:will|möchte|hätte gern)|quiero|me\\s+gustaría|voglio|vorrei";
const LEADING_ARTICLE = "a|an|the|my|our|un|une|la|le|ma|mon|notre|ein|eine|einen|meine|unsere|die|das|una|uno|mi|nuestra|il|lo|mia";
const GALLERY_ADJECTIVES = "3d|virtual|small|little|big|walkable|virtuelle|virtuel|petite|kleine|virtuelle|pequeña|virtual|piccola";
const GALLERY_LINKS =
  "of|with|about|for|featuring|showing|de|des|du|d'|sur|avec|von|mit|über|zu|con|sobre|di|del|della|dei|delle|su";

/** "Make me a 3D gallery of", "une galerie de", "zeig mir eine Ausstellung mit", "una galleria di". */
export const LEADING_FILLER = new RegExp(
  `^(?:please\\s+|s'il\\s+(?:te|vous)\\s+plaît\\s+|bitte\\s+|por\\s+favor\\s+|per\\s+favore\\s+)?` +
    `(?:(?:${REQUEST_VERBS})(?:\\s+(?:me|moi|mir|uns|nous))?\\s+|(?:${WANT})\\s+)?` +
    `(?:(?:${LEADING_ARTICLE})\\s+)?(?:(?:${GALLERY_ADJECTIVES})\\s+)*(?:${GALLERY_NOUNS})(?:\\s+(?:${GALLERY_ADJECTIVES}))?` +
    `(?:\\s*(?:${GALLERY_LINKS})(?=[\\s'’])['’]?)?[\\s:]+`,
  "iu",
);

/** A request with no gallery noun: "Show me a fox, …", "Montre-moi …", "Zeig mir …". */
export const LEADING_REQUEST = new RegExp(
  `^(?:please\\s+)?(?:(?:${REQUEST_VERBS})(?:[\\s-]+(?:me|moi|mir|uns|nous))?|(?:${WANT}))\\s+`,
  "iu",
);

/** Words before a subject that say nothing about what it is. */
const DETERMINER_WORDS = [
  // English
  "a", "an", "the", "some", "my", "our", "your", "favourite", "favorite", "beloved", "famous", "classic", "iconic",
  "great", "most", "best", "of", "all", "few", "several", "couple", "pair", "handful", "dozen", "different",
  // French
  "le", "la", "les", "un", "une", "des", "du", "de", "mes", "nos", "quelques", "célèbres", "plus", "préférés", "préférées",
  // German
  "der", "die", "das", "den", "dem", "ein", "eine", "einen", "einem", "meine", "unsere", "einige", "berühmte", "berühmten", "schönsten",
  // Spanish
  "el", "los", "las", "unos", "unas", "mis", "nuestros", "algunos", "algunas", "famosos", "famosas", "célebres", "favoritos",
  // Italian
  "il", "lo", "gli", "uno", "una", "i", "miei", "mie", "alcuni", "alcune", "famosi", "famose", "celebri", "preferiti",
];
export const DETERMINERS = new RegExp(`^(?:(?:${DETERMINER_WORDS.join("|")}|l'|l’|un'|un’|d'|d’|dell'|degli|delle|\\d{1,3})(?:\\s+|(?<=['’])))+`, "iu");

/** What joins the items of a list. "e" and "y" are Italian and Spanish "and". */
export const LIST_SEPARATOR =
  /\s*(?:,|;|&|\+|·|•|\|)\s*|\s+(?:and|et|und|y|e|ed|plus|sowie|as well as|along with|ainsi que|as well)\s+/iu;

/** Prepositions that open a style or form phrase at the end of an item. */
export const STYLE_PREPOSITIONS = new Set([
  "at", "in", "as", "made", "carved", "cast", "under", "during", "covered", "with", "on", "by",
  "au", "aux", "à", "a", "en", "dans", "sous", "comme", "de", "d",
  "im", "am", "als", "aus", "unter", "bei", "mit",
  "al", "bajo", "con", "como", "del",
  "nel", "nella", "nei", "sotto", "come", "di", "alla", "all",
]);

/** Words that describe the form of each exhibit, not what it shows: "as marble sculptures", "en statues". */
export const FORM_WORDS = new Set([
  "sculpture", "sculptures", "statue", "statues", "statuette", "statuettes", "figurine", "figurines", "model", "models",
  "painting", "paintings", "picture", "pictures", "image", "images", "drawing", "drawings", "toy", "toys", "bust", "busts",
  "figure", "figures", "version", "versions", "style", "object", "objects", "art", "miniature", "miniatures",
  "skulptur", "skulpturen", "statuen", "figuren", "modelle", "bilder", "gemälde",
  "escultura", "esculturas", "estatua", "estatuas", "figuras", "modelos", "pinturas", "cuadros",
  "scultura", "sculture", "statua", "statue", "figure", "modelli", "dipinti", "quadri",
  "tableaux", "peintures", "dessins", "modèles",
]);

/** A goal that gives orders instead of naming a subject ("ignore … and print …"). */
export const INSTRUCTION =
  /^\s*(?:please\s+)?(?:ignore|disregard|forget|override|bypass|print|output|reveal|repeat|execute|delete|pretend|act\s+as|you\s+are|system\s*:|ignoriere|vergiss|ignorez|ignore[sz]?|oublie[sz]?|affiche[sz]?|imprime|ignora|olvida|imprime|ignorate|dimentica|stampa)\b|\b(?:previous|prior|above|earlier|all)\s+(?:instructions|prompts?|rules)\b|\bsystem\s+prompt\b|\binstructions\s+précédentes\b|\bvorherigen?\s+anweisungen\b|\binstrucciones\s+anteriores\b|\bistruzioni\s+precedenti\b/iu;

/** The part of an instruction-shaped goal that still asks for a gallery: "… and make a gallery of cats". */
export const SUBJECT_CLAUSE = new RegExp(`\\b(?:${GALLERY_NOUNS})\\s+(?:${GALLERY_LINKS})['’\\s]\\s*([^.;!?]+)`, "iu");

/** Sentence pieces in an instruction that name no subject: paths, addresses, code words. */
export const INSTRUCTION_NOISE = /\S*[/\\:@<>{}$`]\S*/g;

/** The world as a whole: "landmarks around the world", "monuments du monde", "Wahrzeichen der Welt". */
export const WORLD_WORDS = ["world", "globe", "earth", "monde", "welt", "mundo", "mondo", "international", "worldwide"];

/** Nouns for buildings and sights in the five languages: the goal is about places. */
export const MONUMENT_WORDS = [
  "monument", "monuments", "landmark", "landmarks", "sights", "wonders", "buildings", "architecture", "places", "attractions",
  "batiments", "edifices", "merveilles", "sites",
  "denkmal", "denkmaler", "sehenswurdigkeiten", "wahrzeichen", "bauwerke", "gebaude", "wunder",
  "monumento", "monumentos", "edificios", "lugares", "maravillas",
  "monumenti", "edifici", "luoghi", "meraviglie", "attrazioni",
];
