/**
 * What a property's name says about its value. Names are split into lower
 * case words whatever their style: "startedAt", "started_at", "started-at"
 * and "Started at" all give ["started", "at"].
 */

// Names repeat across a schema (and across analyses of one schema), and
// splitting them is a hot path on schemas with a thousand fields.
const wordCache = new Map<string, string[]>();
const WORD_CACHE_MAX = 10_000;

export function words(name: string): string[] {
  const cached = wordCache.get(name);
  if (cached) return cached;
  if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear();
  const list = splitWords(name);
  wordCache.set(name, list);
  return list;
}

function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9%]+/)
    .filter((w) => w.length > 0);
}

/** "started_at" → "Started at"; a label for a field without a title. */
export function humanize(name: string): string {
  const text = words(name).join(" ");
  if (text === "") return name || "Value";
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const EVENT_WORDS: Record<string, number> = {
  date: 3,
  day: 3,
  when: 3,
  timestamp: 3,
  datetime: 3,
  start: 3,
  started: 3,
  begin: 3,
  began: 3,
  occurred: 3,
  performed: 3,
  recorded: 3,
  logged: 3,
  measured: 3,
  taken: 3,
  effective: 3,
  dtstart: 3,
  time: 2,
  at: 2,
  on: 2,
  created: 2,
  published: 2,
  finished: 2,
  completed: 2,
  read: 2,
  updated: 1,
  modified: 1,
};

// Dates that are not when the entry happened: a birthday, a deadline.
const NOT_EVENT_WORDS = new Set([
  "birth",
  "birthday",
  "dob",
  "born",
  "expires",
  "expiry",
  "expiration",
  "due",
  "deadline",
  "until",
  "valid",
  "eol",
  "support",
  "closed",
]);

/**
 * How strongly a date field's name says "this is when the entry happened":
 * 3 for started_at, date, timestamp; 2 for created_at; 1 for updated_at;
 * 0 for a date of birth or a deadline.
 */
export function eventStrength(path: string[]): number {
  const own = words(path[path.length - 1] ?? "");
  if (own.some((w) => NOT_EVENT_WORDS.has(w))) return 0;
  const all = path.flatMap(words);
  if (all.some((w) => NOT_EVENT_WORDS.has(w))) return 0;
  return Math.max(1, ...all.map((w) => EVENT_WORDS[w] ?? 0));
}

const END_WORDS = new Set([
  "end",
  "ended",
  "ends",
  "finish",
  "finished",
  "stop",
  "stopped",
  "dtend",
  "completed",
  "until",
  "to",
]);

export function isEndName(name: string): boolean {
  return words(name).some((w) => END_WORDS.has(w));
}

const TITLE_WORDS = [
  "title",
  "name",
  "headline",
  "summary",
  "label",
  "subject",
];

/** 2 for "title"/"name", 1 for names that contain such a word, else 0. */
export function titleStrength(name: string): number {
  const list = words(name);
  if (list.length === 1 && TITLE_WORDS.includes(list[0]!)) return 2;
  return list.some((w) => TITLE_WORDS.includes(w)) ? 1 : 0;
}

const ID_WORDS = new Set(["id", "uuid", "guid"]);

/** "id", "entry_id", "uuid": a key for machines, a poor title for people. */
export function isIdName(name: string): boolean {
  const list = words(name);
  const last = list[list.length - 1];
  return last !== undefined && ID_WORDS.has(last);
}

const IMAGE_WORDS = new Set([
  "image",
  "img",
  "cover",
  "photo",
  "picture",
  "avatar",
  "thumbnail",
  "thumb",
  "banner",
  "logo",
  "icon",
  "poster",
]);

export function isImageName(name: string): boolean {
  return words(name).some((w) => IMAGE_WORDS.has(w));
}

const LONG_TEXT_WORDS = new Set([
  "description",
  "notes",
  "note",
  "comment",
  "comments",
  "body",
  "content",
  "bio",
  "details",
  "review",
  "message",
  "remarks",
  "journal",
  "text",
  "markdown",
]);

export function isLongTextName(name: string): boolean {
  const list = words(name);
  const last = list[list.length - 1];
  return last !== undefined && LONG_TEXT_WORDS.has(last);
}

const UNIT_WORDS: Record<string, string> = {
  kg: "kg",
  kgs: "kg",
  g: "g",
  lb: "lb",
  lbs: "lb",
  km: "km",
  mi: "mi",
  m: "m",
  cm: "cm",
  mm: "mm",
  min: "min",
  mins: "min",
  minutes: "min",
  sec: "s",
  secs: "s",
  seconds: "s",
  ms: "ms",
  hours: "h",
  bpm: "bpm",
  mmhg: "mmHg",
  kcal: "kcal",
  pct: "%",
  percent: "%",
  percentage: "%",
  ml: "ml",
  usd: "USD",
  eur: "EUR",
};

/** "distance_km" → "km", "weightKg" → "kg"; null when no unit is named. */
export function unitFromName(name: string): string | null {
  const list = words(name);
  if (list.length < 2) return null;
  return UNIT_WORDS[list[list.length - 1]!] ?? null;
}

const KNOWN_UNITS = new Set([
  ...Object.values(UNIT_WORDS).map((u) => u.toLowerCase()),
  "°c",
  "°f",
  "mg/dl",
  "mmol/l",
  "km/h",
  "m/s",
  "mph",
  "steps",
  "reps",
  "w",
  "l",
]);

/** "Weight (kg)" → "kg", when the parenthesis holds a known unit. */
export function unitFromTitle(title: string): string | null {
  const match = /\(([^()]{1,10})\)\s*$/.exec(title);
  const unit = match?.[1]?.trim();
  if (!unit || !KNOWN_UNITS.has(unit.toLowerCase())) return null;
  return unit;
}
