// Text widths for ECharts in Node (prerender.mjs). In a browser ECharts measures labels on a
// canvas; in Node it has no canvas and guesses from a table of Helvetica-like widths, so the
// label space it reserves (`containLabel`, `hideOverlap`) is too narrow for wider fonts and the
// static SVG clips long labels at its edge. A static SVG is drawn later in whichever font the
// reader's browser picks from the app's stack, so we measure with a wide one: DejaVu Sans, what
// `system-ui`/`sans-serif` resolve to on many Linux systems and wider than Segoe UI, Roboto, San
// Francisco, Helvetica or Arial. A narrower font leaves a little slack; none is clipped.
//
// The advance widths (thousandths of an em, rounded up, kerning ignored: it only narrows) come
// from fonts-dejavu-core 2.37's DejaVuSans.ttf and DejaVuSans-Bold.ttf; regenerate with
//   node scripts/text-width.mjs --generate /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
//     /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
// A character outside the table counts as a full em.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A font stack of the app's stylesheet (`--sans`, `--font` in style/main.css), with single
 * quotes: ECharts' SVG renderer writes it unescaped into a double-quoted style attribute. */
export function appFontStack(variable) {
  const css = readFileSync(new URL("../style/main.css", import.meta.url), "utf8");
  const stack = new RegExp(`--${variable}:\\s*([^;]+);`).exec(css)?.[1];
  if (!stack) throw new Error(`no --${variable} font stack in style/main.css`);
  return stack.trim().replace(/"/g, "'");
}

// Printable ASCII, Latin-1, general punctuation, arrows and the math signs labels use.
const RANGES = [[0x20, 0x7e], [0xa0, 0xff], [0x2010, 0x203a], [0x2190, 0x2193], [0x2212, 0x2212], [0x2248, 0x2248], [0x2260, 0x2265]];

/* prettier-ignore */
const WIDTHS = {
  regular: {32:318,33:401,34:460,35:838,36:637,37:951,38:780,39:275,40:391,41:391,42:500,43:838,44:318,45:361,46:318,47:337,48:637,49:637,50:637,51:637,52:637,53:637,54:637,55:637,56:637,57:637,58:337,59:337,60:838,61:838,62:838,63:531,64:1000,65:685,66:687,67:699,68:771,69:632,70:576,71:775,72:752,73:295,74:295,75:656,76:558,77:863,78:749,79:788,80:604,81:788,82:695,83:635,84:611,85:732,86:685,87:989,88:686,89:611,90:686,91:391,92:337,93:391,94:838,95:500,96:500,97:613,98:635,99:550,100:635,101:616,102:353,103:635,104:634,105:278,106:278,107:580,108:278,109:975,110:634,111:612,112:635,113:635,114:412,115:521,116:393,117:634,118:592,119:818,120:592,121:592,122:525,123:637,124:337,125:637,126:838,160:318,161:401,162:637,163:637,164:637,165:637,166:337,167:500,168:500,169:1000,170:472,171:612,172:838,173:361,174:1000,175:500,176:500,177:838,178:401,179:401,180:500,181:637,182:637,183:318,184:500,185:401,186:472,187:612,188:970,189:970,190:970,191:531,192:685,193:685,194:685,195:685,196:685,197:685,198:975,199:699,200:632,201:632,202:632,203:632,204:295,205:295,206:295,207:295,208:775,209:749,210:788,211:788,212:788,213:788,214:788,215:838,216:788,217:732,218:732,219:732,220:732,221:611,222:605,223:630,224:613,225:613,226:613,227:613,228:613,229:613,230:982,231:550,232:616,233:616,234:616,235:616,236:278,237:278,238:278,239:278,240:612,241:634,242:612,243:612,244:612,245:612,246:612,247:838,248:612,249:634,250:634,251:634,252:634,253:592,254:635,255:592,8208:361,8209:361,8210:637,8211:500,8212:1000,8213:1000,8214:500,8215:500,8216:318,8217:318,8218:318,8219:318,8220:519,8221:519,8222:519,8223:519,8224:500,8225:500,8226:590,8227:590,8228:335,8229:668,8230:1000,8231:318,8232:0,8233:0,8234:0,8235:0,8236:0,8237:0,8238:0,8239:200,8240:1342,8241:1736,8242:228,8243:374,8244:521,8245:228,8246:374,8247:521,8248:339,8249:400,8250:400,8592:838,8593:838,8594:838,8595:838,8722:838,8776:838,8800:838,8801:838,8802:838,8803:838,8804:838,8805:838},
  bold: {32:349,33:457,34:521,35:838,36:696,37:1002,38:873,39:307,40:458,41:458,42:523,43:838,44:380,45:416,46:380,47:366,48:696,49:696,50:696,51:696,52:696,53:696,54:696,55:696,56:696,57:696,58:400,59:400,60:838,61:838,62:838,63:581,64:1000,65:774,66:763,67:734,68:831,69:684,70:684,71:821,72:837,73:373,74:373,75:775,76:638,77:996,78:837,79:851,80:733,81:851,82:771,83:721,84:683,85:813,86:774,87:1104,88:771,89:725,90:726,91:458,92:366,93:458,94:838,95:500,96:500,97:675,98:716,99:593,100:716,101:679,102:436,103:716,104:712,105:343,106:343,107:666,108:343,109:1042,110:712,111:688,112:716,113:716,114:494,115:596,116:479,117:712,118:652,119:924,120:646,121:652,122:583,123:712,124:366,125:712,126:838,160:349,161:457,162:696,163:696,164:637,165:696,166:366,167:500,168:500,169:1000,170:564,171:646,172:838,173:416,174:1000,175:500,176:500,177:838,178:438,179:438,180:500,181:736,182:637,183:380,184:500,185:438,186:564,187:646,188:1036,189:1036,190:1036,191:581,192:774,193:774,194:774,195:774,196:774,197:774,198:1085,199:734,200:684,201:684,202:684,203:684,204:373,205:373,206:373,207:373,208:838,209:837,210:851,211:851,212:851,213:851,214:851,215:838,216:851,217:813,218:813,219:813,220:813,221:725,222:738,223:720,224:675,225:675,226:675,227:675,228:675,229:675,230:1048,231:593,232:679,233:679,234:679,235:679,236:343,237:343,238:343,239:343,240:688,241:712,242:688,243:688,244:688,245:688,246:688,247:838,248:688,249:712,250:712,251:712,252:712,253:652,254:716,255:652,8208:416,8209:416,8210:696,8211:500,8212:1000,8213:1000,8214:500,8215:500,8216:380,8217:380,8218:380,8219:380,8220:658,8221:658,8222:658,8223:658,8224:500,8225:500,8226:640,8227:640,8228:334,8229:667,8230:1000,8231:349,8232:0,8233:0,8234:0,8235:0,8236:0,8237:0,8238:0,8239:200,8240:1440,8241:1887,8242:264,8243:447,8244:630,8245:264,8246:447,8247:630,8248:733,8249:413,8250:413,8592:838,8593:838,8594:838,8595:838,8722:838,8776:838,8800:838,8801:838,8802:838,8803:838,8804:838,8805:838},
};

function advance(table, char) {
  return table[char.codePointAt(0)] ?? 1000;
}

/** ECharts' `measureText(text, font)` platform API: `font` is a CSS font shorthand such as
 * `bold 12px system-ui, …`. */
export function measureText(text = "", font = "12px sans-serif") {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
  const table = /\b(bold|bolder|[6-9]00)\b/.test(font) ? WIDTHS.bold : WIDTHS.regular;
  let width = 0;
  for (const char of text) width += advance(table, char);
  return { width: (width / 1000) * size };
}

/** Advance widths of RANGES from a TrueType file (cmap format 4, hmtx), in thousandths of an em. */
function fontWidths(path) {
  const font = readFileSync(path);
  const tables = {};
  for (let i = 0; i < font.readUInt16BE(4); i++) {
    const record = 12 + i * 16;
    tables[font.toString("latin1", record, record + 4)] = font.readUInt32BE(record + 8);
  }
  const unitsPerEm = font.readUInt16BE(tables.head + 18);
  const metrics = font.readUInt16BE(tables.hhea + 34);
  const advanceOf = (glyph) => font.readUInt16BE(tables.hmtx + 4 * Math.min(glyph, metrics - 1));
  let format4;
  for (let i = 0; i < font.readUInt16BE(tables.cmap + 2); i++) {
    const record = tables.cmap + 4 + i * 8;
    const offset = tables.cmap + font.readUInt32BE(record + 4);
    if (font.readUInt16BE(offset) === 4) format4 = offset;
  }
  const segments = font.readUInt16BE(format4 + 6) / 2;
  const ends = format4 + 14, starts = ends + 2 * segments + 2, deltas = starts + 2 * segments, ranges = deltas + 2 * segments;
  const glyphOf = (code) => {
    for (let s = 0; s < segments; s++) {
      if (code > font.readUInt16BE(ends + 2 * s)) continue;
      const start = font.readUInt16BE(starts + 2 * s);
      if (code < start) return 0;
      const delta = font.readInt16BE(deltas + 2 * s);
      const rangeOffset = font.readUInt16BE(ranges + 2 * s);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const glyph = font.readUInt16BE(ranges + 2 * s + rangeOffset + 2 * (code - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
  const widths = {};
  for (const [first, last] of RANGES) {
    for (let code = first; code <= last; code++) {
      const glyph = glyphOf(code);
      if (glyph !== 0) widths[code] = Math.ceil((advanceOf(glyph) * 1000) / unitsPerEm);
    }
  }
  return widths;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === "--generate") {
  const [regular, bold] = process.argv.slice(3).map(fontWidths);
  const line = (table) => JSON.stringify(table).replace(/"(\d+)":/g, "$1:");
  console.log(`const WIDTHS = {\n  regular: ${line(regular)},\n  bold: ${line(bold)},\n};`);
}
