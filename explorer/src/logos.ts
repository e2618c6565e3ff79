import {
  siAsus,
  siGoogle,
  siHonor,
  siHuawei,
  siKodak,
  siLeica,
  siMediatek,
  siMotorola,
  siNokia,
  siOneplus,
  siOppo,
  siPanasonic,
  siQualcomm,
  siSamsung,
  siSony,
  siVivo,
  siXiaomi,
  type SimpleIcon,
} from 'simple-icons';

/**
 * Brand logos from simple-icons (CC0), one import per brand of the dataset that has one (its "Sharp" is an image
 * library, not Sharp Corporation, so Sharp has none), so the bundle carries
 * these 17 and not the package's thousands. A logo only identifies its brand on the canvas: drawn whole, in the
 * brand's own colour from simple-icons, never altered or implying endorsement (docs/explorer.md, "Brand logos").
 */
const ICONS: Record<string, SimpleIcon> = {
  'brand:asus': siAsus,
  'brand:google': siGoogle,
  'brand:honor': siHonor,
  'brand:huawei': siHuawei,
  'brand:kodak': siKodak,
  'brand:leica': siLeica,
  'brand:mediatek': siMediatek,
  'brand:motorola': siMotorola,
  'brand:nokia': siNokia,
  'brand:oneplus': siOneplus,
  'brand:oppo': siOppo,
  'brand:panasonic': siPanasonic,
  'brand:qualcomm': siQualcomm,
  'brand:samsung': siSamsung,
  'brand:sony': siSony,
  'brand:vivo': siVivo,
  'brand:xiaomi': siXiaomi,
};

/** A colour too light to see on the node's white ground (Sony's is white) is drawn in ink instead. */
function visibleOnWhite(hex: string): string {
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return 0.299 * r! + 0.587 * g! + 0.114 * b! > 200 ? '111111' : hex;
}

/** The brand's logo as an SVG data URI, or undefined when simple-icons has none for it. */
export function logoOf(brandId: string): string | undefined {
  const icon = ICONS[brandId];
  if (!icon) return undefined;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><title>${icon.title}</title><path fill="#${visibleOnWhite(icon.hex)}" d="${icon.path}"/></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
