import sharp from "sharp";

/** A synthetic exhibit picture: a silhouette (SVG markup using `FILL`), painted over a backdrop. */
export interface Fixture {
  name: string;
  width: number;
  height: number;
  /** SVG elements drawing the subject's outline; `FILL` is replaced by the paint. */
  silhouette: string;
  /** Extra details painted inside the subject (never reaching its outline). */
  details?: string;
  /** Backdrop colour, or "transparent". */
  backdrop: string;
  /** What the silhouette should be reconstructed as. */
  kind: "sweep" | "revolve" | "extrude";
}

const STONE = `<linearGradient id="stone" x1="0" y1="0" x2="1" y2="1">
  <stop offset="0" stop-color="#e8d8b0"/><stop offset="0.5" stop-color="#b89860"/><stop offset="1" stop-color="#806038"/>
</linearGradient>`;

export const TOWER: Fixture = {
  name: "tower",
  width: 512,
  height: 1024,
  backdrop: "#000000",
  kind: "sweep",
  silhouette: `<path fill="FILL" d="M136 980 L376 980 L360 900 L330 900 L300 520 L320 520 L320 490 L290 490 L276 220 L262 220 L256 60 L250 220 L236 220 L222 490 L192 490 L192 520 L212 520 L182 900 L152 900 Z"/>`,
  details: `<rect x="236" y="600" width="40" height="60" fill="#4a3828"/><rect x="244" y="330" width="24" height="40" fill="#4a3828"/>`,
};

export const DOME: Fixture = {
  name: "dome",
  width: 1024,
  height: 1024,
  backdrop: "#000000",
  kind: "revolve",
  silhouette: `<path fill="FILL" d="M272 980 L752 980 L752 940 L712 940 L712 700 A200 200 0 0 0 312 700 L312 940 L272 940 Z"/>
    <rect fill="FILL" x="496" y="440" width="32" height="70"/><circle fill="FILL" cx="512" cy="432" r="20"/>`,
  details: `<rect x="360" y="760" width="40" height="120" fill="#5a4028"/><rect x="624" y="760" width="40" height="120" fill="#5a4028"/>`,
};

export const ARCH: Fixture = {
  name: "arch",
  width: 1024,
  height: 1024,
  backdrop: "#000000",
  kind: "extrude",
  silhouette: `<path fill="FILL" fill-rule="evenodd" d="M200 250 L824 250 L824 900 L624 900 L624 580 A112 112 0 0 0 400 580 L400 900 L200 900 Z
    M462 380 A50 50 0 1 0 562 380 A50 50 0 1 0 462 380 Z"/>`,
  details: `<rect x="240" y="290" width="120" height="30" fill="#705030"/><rect x="664" y="290" width="120" height="30" fill="#705030"/>`,
};

/** A bridge on a plain grey sky: a wide outline whose arches open onto the backdrop. */
export const BRIDGE_ON_GREY: Fixture = {
  name: "bridge-grey",
  width: 1024,
  height: 512,
  backdrop: "#c8c8c8",
  kind: "extrude",
  silhouette: `<path fill="FILL" d="M40 180 L984 180 L984 440 L900 440 L900 330 A90 90 0 0 0 720 330 L720 440 L602 440 L602 330 A90 90 0 0 0 422 330 L422 440 L304 440 L304 330 A90 90 0 0 0 124 330 L124 440 L40 440 Z"/>`,
};

/** A star on white: sharp convex and concave corners. */
export const STAR_ON_WHITE: Fixture = {
  name: "star-white",
  width: 640,
  height: 640,
  backdrop: "#ffffff",
  kind: "extrude",
  silhouette: `<path fill="FILL" d="M320 40 L390 240 L600 240 L430 370 L500 590 L320 450 L140 590 L210 370 L40 240 L250 240 Z"/>`,
};

/** A vase cut out on a transparent background. */
export const VASE_ON_ALPHA: Fixture = {
  name: "vase-alpha",
  width: 600,
  height: 800,
  backdrop: "transparent",
  kind: "revolve",
  silhouette: `<path fill="FILL" d="M240 80 L360 80 L360 110 C350 140 340 170 350 200 C470 280 520 420 480 560 C450 660 400 720 380 740 L220 740 C200 720 150 660 120 560 C80 420 130 280 250 200 C260 170 250 140 240 110 Z"/>`,
  details: `<rect x="180" y="420" width="240" height="24" fill="#203060"/>`,
};

export const ALL_FIXTURES = [TOWER, DOME, ARCH, BRIDGE_ON_GREY, STAR_ON_WHITE, VASE_ON_ALPHA];

function svg(fixture: Fixture, paint: string, backdrop: string, details: string): string {
  const background = backdrop === "transparent" ? "" : `<rect width="100%" height="100%" fill="${backdrop}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${fixture.width}" height="${fixture.height}">
    <defs>${STONE}</defs>${background}${fixture.silhouette.replaceAll("FILL", paint)}${details}</svg>`;
}

/** The picture as PNG (or another format), rendered by sharp's SVG loader. */
export async function renderFixture(fixture: Fixture, format: "png" | "jpeg" | "webp" = "png"): Promise<Buffer> {
  const image = sharp(Buffer.from(svg(fixture, "url(#stone)", fixture.backdrop, fixture.details ?? "")));
  if (format === "jpeg") return image.jpeg({ quality: 90 }).toBuffer();
  if (format === "webp") return image.webp({ quality: 85 }).toBuffer();
  return image.png().toBuffer();
}

/** The true silhouette, 1 inside, at `width`×`height`: what segmentation should recover. */
export async function truthMask(fixture: Fixture, width: number, height: number): Promise<Uint8Array> {
  const { data } = await sharp(Buffer.from(svg(fixture, "#ffffff", "#000000", "")))
    .resize(width, height, { fit: "fill" })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return Uint8Array.from(data, (v) => (v >= 128 ? 1 : 0));
}
