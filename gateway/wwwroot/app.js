// HealingNetwork web page: plain browser JavaScript over the REST API (JSON transcoding of the
// gRPC services). No build step and no third-party code, so the strict CSP (default-src 'self')
// holds. Everything user-supplied is written with textContent, never as HTML.
"use strict";

const state = {
  token: sessionStorage.getItem("token") || "", subject: undefined, profileId: "", profileEtag: "", listingId: "",
  listings: new Map(), // the signed-in practitioner's own listings by id: the hours form offers their places
  profileSaved: null, // the profile as the form last showed it stored, so a save sends only what the person changed
  modalities: new Map(), modalitiesLoaded: Promise.resolve(), profileLoaded: Promise.resolve(false),
};
const $ = (selector) => document.querySelector(selector);
const WEEKDAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];

// ---- plumbing -----------------------------------------------------------------------------

async function api(method, path, body) {
  const headers = { "Accept": "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (state.token) headers["Authorization"] = "Bearer " + state.token;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const data = text ? safeJson(text) : {};
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

function safeJson(text) { try { return JSON.parse(text); } catch { return { message: text }; } }

class ApiError extends Error {
  constructor(status, data) {
    const violations = (data.details || []).flatMap((d) => d.fieldViolations || [])
      .map((v) => `${v.field}: ${v.description}`);
    const why = status === 401 ? "Please sign in first." : status === 429 ? "Too many requests; wait a moment." : (data.message || data.title || `HTTP ${status}`);
    super([why, ...violations].join("\n"));
    this.status = status;
    this.code = data.code; // the gRPC status code of a google.rpc.Status body
  }

  /** FAILED_PRECONDITION, which an update answers when its etag is stale (JSON transcoding sends it as a 400). */
  get failedPrecondition() { return this.code === 9; }
}

function say(message) { $("#error").textContent = ""; $("#status").textContent = message; }
function fail(error) { $("#status").textContent = ""; $("#error").textContent = error.message || String(error); }

function run(handler) {
  return async (event) => {
    event.preventDefault();
    try { await handler(event); } catch (error) { fail(error); }
  };
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const list = (value) => String(value || "").split(",").map((s) => s.trim()).filter(Boolean);
/**
 * An amount in minor units (an int64, so a JSON string) of an ISO 4217 currency, in the reader's
 * locale, with the minor part only when it is not zero: "$90", "$92.50", "¥5,000".
 */
function money(minor, currency) {
  const code = currency || "USD";
  let format;
  try { format = new Intl.NumberFormat(undefined, { style: "currency", currency: code }); } catch { return `${code} ${minor}`; }
  const digits = format.resolvedOptions().maximumFractionDigits; // minor units per major: 2 for USD, 0 for JPY
  const amount = Number(minor || 0) / 10 ** digits;
  if (!Number.isInteger(amount)) return format.format(amount);
  return new Intl.NumberFormat(undefined, { style: "currency", currency: code, minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(amount);
}

// ---- currencies ---------------------------------------------------------------------------

/**
 * The currencies the forms offer, each with the regions (ISO 3166) whose browsers start with it
 * chosen. A stored amount in another currency is still shown and kept: its code is added to the
 * choice when the form is filled.
 */
const CURRENCY_REGIONS = {
  USD: ["US", "PR", "EC", "SV", "PA"], EUR: "AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK".split(" "),
  GBP: ["GB"], CAD: ["CA"], AUD: ["AU"], NZD: ["NZ"], MXN: ["MX"], BRL: ["BR"], CHF: ["CH", "LI"],
  SEK: ["SE"], NOK: ["NO"], DKK: ["DK"], JPY: ["JP"], KRW: ["KR"], CNY: ["CN"], INR: ["IN"],
  ZAR: ["ZA"], NGN: ["NG"], KES: ["KE"], KWD: ["KW"],
};

/**
 * Digits of the currency's minor unit (ISO 4217, as the browser's Intl knows it): 2 for USD and
 * EUR, 0 for JPY, 3 for KWD. The API keeps every amount in minor units, so this is the factor
 * between what a person types and what is stored.
 */
function currencyDigits(currency) {
  try { return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits; } catch { return 2; }
}

/** An amount in minor units (an int64, so a JSON string) as a number field shows it: "75.50" EUR, "80" USD, "6000" JPY. */
function majorAmount(minor, currency) {
  const digits = currencyDigits(currency);
  const amount = Number(minor || 0) / 10 ** digits;
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(digits);
}

/** What a person typed in major units, in minor units as the API takes them: "75.5" EUR is "7550", "6000" JPY is "6000". */
function minorAmount(major, currency) {
  return String(Math.round(Number(major || 0) * 10 ** currencyDigits(currency)));
}

/** The currency of the browser's region when the forms offer it ("de-AT" is EUR), else USD. */
function localCurrency() {
  let region;
  try { region = new Intl.Locale(navigator.language).maximize().region; } catch { return "USD"; }
  return Object.keys(CURRENCY_REGIONS).find((code) => CURRENCY_REGIONS[code].includes(region)) || "USD";
}

function currencyName(code) {
  try { return new Intl.DisplayNames(undefined, { type: "currency" }).of(code) || code; } catch { return code; }
}

/** Fills a currency choice, the browser's own currency chosen (also after the form is reset). */
function currencyChoices(select) {
  const local = localCurrency();
  select.replaceChildren(...Object.keys(CURRENCY_REGIONS).map((code) => new Option(`${code} – ${currencyName(code)}`, code, code === local, code === local)));
  select.addEventListener("change", () => amountSteps(select));
  select.form.addEventListener("reset", () => setTimeout(() => amountSteps(select)));
  amountSteps(select);
}

/** Chooses `code` (adding it when the choice lacks it, so a stored currency is kept) and fits the amounts' steps to it. */
function chooseCurrency(select, code) {
  if (!Array.from(select.options).some((o) => o.value === code)) select.append(new Option(`${code} – ${currencyName(code)}`, code));
  select.value = code;
  amountSteps(select);
}

/**
 * The amount fields of a currency (its data-amounts) accept exactly its minor unit: 75.50 in
 * euros, whole yen. Without a step a number field takes whole numbers only, and the browser
 * refuses to submit a stored 75.50.
 */
function amountSteps(select) {
  const digits = currencyDigits(select.value);
  for (const name of select.dataset.amounts.split(" ")) select.form.elements[name].step = digits ? (10 ** -digits).toFixed(digits) : "1";
}

const label = (enumName, prefix) => String(enumName || "").replace(prefix, "").toLowerCase().replaceAll("_", " ");
const selected = (select) => Array.from(select.selectedOptions).map((o) => o.value).filter(Boolean);

// ---- sign in ------------------------------------------------------------------------------

function subjectOf(token) {
  try { return JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))).sub || "?"; } catch { return null; }
}

function useToken(token) {
  const before = state.subject;
  state.token = token.trim();
  if (state.token) sessionStorage.setItem("token", state.token); else sessionStorage.removeItem("token");
  const sub = state.token ? subjectOf(state.token) : null;
  state.subject = sub;
  $("#who").textContent = sub ? `Signed in as ${sub}.` : "Not signed in.";
  // The profile on the page is the previous person's: saving it again must not update theirs. This
  // person's own, if they have one (saved here or on another device), is loaded instead (also after a reload).
  if (sub !== before) {
    if (before) $("#profile-form").reset(); // their story and choices are private
    delete $("#search-form").currency.dataset.chosen; // the previous person's choice
    showProfile(null);
    state.profileLoaded = loadOwnProfile(sub);
    state.profileLoaded.catch(fail);
  }

  // The practitioner's listings likewise: the previous person's are taken off, this person's loaded.
  if (sub !== before) loadOwnListings(sub).catch(fail);
}

async function getDevToken(event) {
  const sub = new FormData(event.target).get("sub");
  const response = await fetch("/dev/token", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ sub }) });
  if (!response.ok) throw new Error("Development tokens are only available when the gateway runs in Development. Paste a token instead.");
  useToken((await response.json()).token);
  say(`Signed in as ${sub}.`);
}

// ---- modalities ---------------------------------------------------------------------------

const CATEGORIES = {
  MODALITY_CATEGORY_PHYSICIAN: "Physicians and medical specialties",
  MODALITY_CATEGORY_BODYWORK: "Bodywork",
  MODALITY_CATEGORY_MOVEMENT: "Movement",
  MODALITY_CATEGORY_MIND: "Counselling and mind",
  MODALITY_CATEGORY_ENERGY: "Energy work",
  MODALITY_CATEGORY_NUTRITION_HERBAL: "Nutrition and herbal medicine",
  MODALITY_CATEGORY_TRADITIONAL: "Traditional systems",
};

async function loadModalities() {
  const data = await api("GET", "/v1/modalities");
  state.modalities = new Map((data.modalities || []).map((m) => [m.code, m]));
  const byName = Array.from(state.modalities.values()).sort((a, b) => a.name.localeCompare(b.name));
  for (const select of document.querySelectorAll(".modality-select")) {
    for (const m of byName) select.append(new Option(m.name, m.code));
  }
  referralChoices(data.modalities || []);
}

/**
 * The referral form's choices: every modality code of the taxonomy (which FindReferrals takes, as
 * it does a NUCC code), grouped by category in the API's order, physicians first. Any listing made
 * on this page names one of them, so it can be found from here.
 */
function referralChoices(modalities) {
  const select = $("#referral-form").specialty;
  const groups = new Map();
  for (const m of modalities) {
    if (!groups.has(m.category)) groups.set(m.category, el("optgroup"));
    groups.get(m.category).append(new Option(m.name, m.code));
  }
  for (const [category, group] of groups) group.label = CATEGORIES[category] || label(category, "MODALITY_CATEGORY_");
  select.replaceChildren(...groups.values());
}

/** The NUCC specialty codes of some modality codes, for clients that ask by specialty code. */
function specialtiesOf(codes) {
  return codes.map((code) => state.modalities.get(code)?.nuccCode).filter(Boolean);
}

// ---- search -------------------------------------------------------------------------------

async function search(event) {
  const f = new FormData(event.target);
  const request = { pageSize: 20, includeTelehealth: f.get("telehealth") === "on", includeEarliestSlot: true };
  if (f.get("query")) request.query = f.get("query");
  if (f.get("modality")) request.modalities = [f.get("modality")];
  if (f.get("orientation")) request.orientations = [f.get("orientation")];
  // Distance order needs a place to measure from (the API refuses it without `near`); with no place
  // the order stays unspecified, which the API takes as relevance to the words, if any.
  if (f.get("lat") && f.get("lon")) {
    request.near = { lat: Number(f.get("lat")), lon: Number(f.get("lon")), radiusKm: Number(f.get("radius") || 50) };
    request.orderBy = "SEARCH_ORDER_DISTANCE";
  }
  // An empty field is no limit. "0" is a value, not a blank: with its currency the API takes it as
  // free sessions only (sending nothing would ask for any fee).
  if (f.get("maxFee") !== "") { request.maxFee = minorAmount(f.get("maxFee"), f.get("currency")); request.currency = f.get("currency"); }
  const data = await api("POST", "/v1/listings:search", request);
  const results = $("#search-results");
  results.replaceChildren(...(data.results || []).map((r) => listingItem(r.listing, r.distanceKm, r.earliestSlot && r.earliestSlot.startTime, r.visitsYou)));
  const order = request.near ? ", nearest first" : request.query ? ", best match first" : "";
  say(`${(data.results || []).length} of ${data.totalSize || 0} listings shown${order}.`);
}

/**
 * The search's max fee is in the currency of the person's budget when their profile gives one (a
 * client in Europe searches in euros, and listings in other currencies are beyond any max fee),
 * else in the browser's, until they choose one themselves.
 */
function searchCurrency(code) {
  const select = $("#search-form").currency;
  if (!select.dataset.chosen) chooseCurrency(select, code || localCurrency());
}

/** "next open Tue, 3 Dec, 09:00" in the reader's own time, from an RFC 3339 instant. */
function nextOpen(startTime) {
  if (!startTime) return "";
  const when = new Date(startTime);
  return Number.isNaN(when.getTime()) ? "" : `next open ${when.toLocaleString(undefined, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })}`;
}

/**
 * "$60–$90", "$0–$50" or "$75" per session. JSON leaves out a zero fee, so a free first tier
 * (fee_min 0) arrives as no feeMin at all and must still be shown as $0.
 */
function feeRange(terms) {
  const min = Number(terms.feeMin || 0), max = Number(terms.feeMax || 0);
  if (!min && !max) return "";
  return min === max || !max ? money(min, terms.currency) : `${money(min, terms.currency)}–${money(max, terms.currency)}`;
}

/** "+0.12" or "−0.05": a stale listing's freshness component takes points away. */
function signed(value) {
  const n = Number(value || 0);
  return `${n < 0 ? "−" : "+"}${Math.abs(n).toFixed(2)}`;
}

function listingItem(listing, distanceKm, earliestStart, visitsYou) {
  const item = el("li");
  item.append(el("strong", listing.displayName));
  // -1 km means there is no distance to show: the search had no place, or the match is telehealth
  // only (the "telehealth" fact below says so). A practitioner who visits comes to the searched place
  // from their practice, however far it is.
  const km = distanceKm === undefined || distanceKm === null ? "distance unknown"
    : Number(distanceKm) < 0 ? "" : `${Number(distanceKm).toFixed(1)} km`;
  const where = visitsYou ? `comes to you${km ? ` (from ${km} away)` : ""}` : km;
  const terms = listing.terms || {};
  const facts = [where, label(listing.orientation, "ORIENTATION_"), (listing.modalities || []).join(", "),
    feeRange(terms),
    terms.slidingScaleMin ? `sliding scale from ${money(terms.slidingScaleMin, terms.currency)}` : "",
    listing.telehealth ? "telehealth" : "", label(listing.licensure && listing.licensure.kind, "LICENSURE_KIND_"),
    nextOpen(earliestStart), listing.stale ? "not reconfirmed recently" : ""].filter(Boolean);
  item.append(el("div", facts.join(" · "), "meta"));
  const book = el("button", "See open slots");
  book.type = "button";
  book.addEventListener("click", () => { $("#slots-form").listingId.value = listing.id; $("#booking").scrollIntoView(); $("#slots-form").listingId.focus(); });
  item.append(book);
  return item;
}

// ---- profile, matches, referrals ----------------------------------------------------------

/**
 * Where this browser keeps the id of the profile each person last saved or loaded on it, so the page
 * shows that one again after a reload. Only the id is kept (localStorage, so it outlives the per-tab
 * token); reading it still needs its owner's token. Without one (another device or browser), the
 * person's newest profile is found with ListProfiles, so Save updates it instead of creating a second.
 */
const profileKey = (sub) => `profileId:${sub}`;

/**
 * Shows `sub`'s profile: the one this browser remembers, or else (none remembered, or it is gone)
 * their newest. True when one is shown; false when they have none.
 */
async function loadOwnProfile(sub) {
  if (!sub) return false;
  const profile = await rememberedProfile(sub) || await newestProfile();
  if (!profile) return false;
  await state.modalitiesLoaded; // the care selects need their options before they can show choices
  if (state.subject !== sub) return false; // signed in as someone else meanwhile
  fillProfileForm(profile);
  showProfile(profile);
  return true;
}

/** The profile this browser remembers for `sub`, or null (none, or erased or deleted on another device: then forgotten). */
async function rememberedProfile(sub) {
  const id = localStorage.getItem(profileKey(sub));
  if (!id) return null;
  try {
    return await api("GET", `/v1/profiles/${encodeURIComponent(id)}`);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    localStorage.removeItem(profileKey(sub));
    return null;
  }
}

/** The signed-in person's most recently created profile, or null when they have none (ListProfiles is newest first). */
async function newestProfile() {
  const data = await api("GET", "/v1/profiles?pageSize=1");
  return (data.profiles || [])[0] || null;
}

/** Puts a stored profile into the form, so that saving it changes only what the person edits. */
function fillProfileForm(profile) {
  const form = $("#profile-form");
  const chosen = (select, codes) => { for (const o of select.options) o.selected = (codes || []).includes(o.value); };
  form.displayName.value = profile.displayName || "";
  if (Array.from(form.orientation.options).some((o) => o.value === profile.orientation)) form.orientation.value = profile.orientation;
  form.lifestyleTags.value = (profile.lifestyleTags || []).join(", ");
  chosen(form.sought, profile.soughtModalities);
  chosen(form.avoided, profile.avoidedModalities);
  // JSON leaves out zeros: a home on the equator arrives without lat.
  form.lat.value = profile.home ? String(profile.home.lat || 0) : "";
  form.lon.value = profile.home ? String(profile.home.lon || 0) : "";
  form.maxTravelKm.value = String(profile.maxTravelKm || 0);
  form.telehealthOk.checked = Boolean(profile.telehealthOk);
  const budget = profile.budget || {};
  chooseCurrency(form.budgetCurrency, budget.currency || localCurrency());
  // No currency is no budget given: an empty box, not 0 (which is "free sessions only").
  form.budget.value = budget.currency ? majorAmount(budget.maxPerSession, form.budgetCurrency.value) : "";
  form.slidingScale.checked = Boolean(profile.slidingScaleNeeded);
  form.barter.value = (profile.barterOffers || []).join(", ");
  form.story.value = profile.story || "";
  state.profileSaved = profileOf(form);
}

/** The profile the form shows, in the API's JSON form. */
function profileOf(form) {
  const f = new FormData(form);
  const currency = f.get("budgetCurrency");
  return {
    displayName: f.get("displayName") || "",
    orientation: f.get("orientation"),
    lifestyleTags: list(f.get("lifestyleTags")),
    soughtModalities: selected(form.sought),
    avoidedModalities: selected(form.avoided),
    home: pointOf(f.get("lat"), f.get("lon")),
    maxTravelKm: Number(f.get("maxTravelKm")),
    telehealthOk: f.get("telehealthOk") === "on",
    // An empty box is no budget (matching does not filter by money); 0 is "I can pay nothing": free sessions only.
    budget: f.get("budget") === "" ? undefined : { currency, maxPerSession: minorAmount(f.get("budget"), currency) },
    slidingScaleNeeded: f.get("slidingScale") === "on",
    barterOffers: list(f.get("barter")),
    story: f.get("story") || "",
  };
}

/**
 * Before a Save creates a profile: true when this person has a profile after all and it is now shown
 * (it was still loading, loading it had failed, or another device created one since the page
 * looked). So Save creates a profile only when the person has none.
 */
async function ownProfileShown() {
  if (await state.profileLoaded.catch(() => false)) return true;
  if (!state.subject) return false;
  state.profileLoaded = loadOwnProfile(state.subject);
  return state.profileLoaded;
}

async function saveProfile(event) {
  if (!state.profileId && await ownProfileShown()) {
    throw new Error("Your saved profile is now shown in the form instead of what was there. Check it and press Save profile again.");
  }
  const profile = profileOf(event.target);
  if (!state.profileId) {
    showProfile(await api("POST", "/v1/profiles", profile));
    state.profileSaved = profile;
    say("Profile saved.");
    return;
  }
  // Later saves update the same profile with what the person changed since the form was filled or
  // last saved: the mask names only those fields (in the proto3 JSON form), so what the form does
  // not change is left as stored, whether set elsewhere (weights, languages) or shown here (a budget
  // in a currency or amount the form would round); the etag guards against overwriting a change
  // made meanwhile in another tab or on another device.
  const changed = Object.keys(profile).filter((field) => !state.profileSaved
    || JSON.stringify(profile[field]) !== JSON.stringify(state.profileSaved[field]));
  if (!changed.length) { say("Nothing changed to save."); return; }
  const mask = new URLSearchParams({ updateMask: changed.join(",") });
  const update = Object.fromEntries(changed.map((field) => [field, profile[field]]));
  try {
    showProfile(await api("PATCH", `/v1/profiles/${encodeURIComponent(state.profileId)}?${mask}`,
      { ...update, id: state.profileId, etag: state.profileEtag }));
    state.profileSaved = profile;
    say("Profile updated.");
  } catch (error) {
    if (!(error instanceof ApiError && error.failedPrecondition)) throw error;
    // Take the current etag, so that saving again is a deliberate choice to replace that change.
    showProfile(await api("GET", `/v1/profiles/${encodeURIComponent(state.profileId)}`));
    throw new Error("Your profile was changed elsewhere (another tab or device) since this page saved it, so this save was not applied. "
      + "Press Save profile again to apply your changes over it.");
  }
}

/**
 * The point a form's latitude and longitude give, or undefined when either is cleared: Number("")
 * is 0, and a place at 0,0 in the Gulf of Guinea would be a made-up one.
 */
function pointOf(lat, lon) {
  return lat && lon ? { lat: Number(lat), lon: Number(lon) } : undefined;
}

/** The profile this page saves to and matches for, or none (after signing in as someone else). */
function showProfile(profile) {
  if (profile && state.subject) localStorage.setItem(profileKey(state.subject), profile.id);
  state.profileId = profile ? profile.id : "";
  state.profileEtag = profile ? profile.etag : "";
  if (!profile) state.profileSaved = null;
  $("#profile-id").textContent = profile ? profile.id : "none yet";
  searchCurrency(profile && profile.budget && profile.budget.currency);
  $("#match-button").disabled = !profile;
  $("#referral-button").disabled = !profile;
}

async function findMatches() {
  const data = await api("POST", `/v1/profiles/${encodeURIComponent(state.profileId)}:match`, { pageSize: 10 });
  $("#match-results").replaceChildren(...(data.matches || []).map(matchItem));
  say(`${(data.matches || []).length} matches from ${data.candidatesConsidered || 0} candidates.`);
}

async function findReferrals(event) {
  const specialty = new FormData(event.target).get("specialty");
  const data = await api("POST", `/v1/profiles/${encodeURIComponent(state.profileId)}:refer`, { specialty, pageSize: 10 });
  $("#referral-results").replaceChildren(...(data.referrals || []).map(matchItem));
  say(`${(data.referrals || []).length} specialists found.`);
}

function matchItem(match) {
  const item = listingItem(match.listing || {}, match.distanceKm, match.earliestSlot, match.visitsYou);
  item.insertBefore(el("div", `Score ${Math.round((match.score || 0) * 100)} of 100`, "meta"), item.children[1]);
  const reasons = el("ul", null, "reasons");
  for (const reason of match.reasons || []) reasons.append(el("li", reason));
  const components = el("div", null, "components");
  components.setAttribute("role", "group");
  components.setAttribute("aria-label", "Score components");
  for (const c of match.components || []) {
    const id = `c-${Math.random().toString(36).slice(2)}`;
    const name = el("label", c.name);
    name.htmlFor = id;
    const bar = el("meter");
    bar.id = id; bar.min = 0; bar.max = 1; bar.value = c.rawValue || 0;
    bar.title = c.explanation || "";
    components.append(name, bar, el("span", `weight ${Number(c.weight || 0).toFixed(2)} → ${signed(c.contribution)}`));
  }
  item.insertBefore(components, item.lastChild);
  item.insertBefore(reasons, components);
  return item;
}

// ---- practitioner -------------------------------------------------------------------------

async function createListing(event) {
  const f = new FormData(event.target);
  const currency = f.get("currency");
  const listing = {
    displayName: f.get("displayName"),
    bio: f.get("bio") || "",
    modalities: [f.get("modality")],
    specialties: specialtiesOf([f.get("modality")]),
    orientation: f.get("orientation"),
    licensure: { kind: f.get("licensure"), licenceNumber: f.get("licenceNumber") || "", jurisdiction: f.get("jurisdiction") || "" },
    approach: { sharedDecisions: f.get("sharedDecisions") === "on", informsOfOptions: true },
    terms: { currency, feeMin: minorAmount(f.get("feeMin"), currency), feeMax: minorAmount(f.get("feeMax"), currency), slidingScaleMin: minorAmount(f.get("slidingMin"), currency) },
    locations: placesOf(f),
    telehealth: f.get("telehealth") === "on",
    languages: ["en"],
    acceptingNewClients: true,
    timeZone: f.get("timeZone"),
  };
  const created = await api("POST", "/v1/listings", listing);
  state.listings.set(created.id, created);
  const select = ownListingsSelect();
  if (select.disabled) select.replaceChildren(); // the "none yet" placeholder
  select.disabled = false;
  select.append(listingOption(created));
  chooseListing(created.id);
  $("#slots-form").listingId.value = created.id;
  say("Listing created.");
}

/**
 * The signed-in practitioner's own listings (ListListings reads the store, so one created a moment
 * ago is there), offered under "Your listings": after a reload or on another tab they pick one to set
 * its hours or see its bookings, without having to know its id. Every page is read: a practitioner
 * has a handful, and the list is only useful whole.
 */
async function loadOwnListings(sub) {
  showOwnListings([]);
  if (!sub) return;
  const listings = [];
  const query = new URLSearchParams({ pageSize: "100" });
  do {
    const data = await api("GET", `/v1/listings?${query}`);
    if (state.subject !== sub) return; // signed out, or in as someone else, meanwhile
    listings.push(...(data.listings || []));
    query.set("pageToken", data.nextPageToken || "");
  } while (query.get("pageToken"));
  showOwnListings(listings);
}

/** The "Your listings" choice, made on first use next to the chosen listing's id. */
function ownListingsSelect() {
  let select = $("#my-listings");
  if (select) return select;
  select = el("select");
  select.id = "my-listings";
  select.addEventListener("change", () => chooseListing(select.value));
  const label = el("label", "Your listings ");
  label.append(select);
  $("#listing-id").parentElement.before(label);
  return select;
}

const listingOption = (listing) => new Option(`${listing.displayName} (${listing.id})`, listing.id);

/** Offers these listings; keeps the chosen one if it is among them, else chooses the newest (they come oldest first). */
function showOwnListings(listings) {
  state.listings = new Map(listings.map((l) => [l.id, l]));
  const select = ownListingsSelect();
  select.replaceChildren(...(listings.length ? listings.map(listingOption) : [new Option("none yet", "")]));
  select.disabled = listings.length === 0;
  const kept = listings.some((l) => l.id === state.listingId) ? state.listingId : "";
  chooseListing(kept || (listings.length ? listings[listings.length - 1].id : ""));
}

/** Hours and bookings act on this listing from now on. */
function chooseListing(id) {
  if (id !== state.listingId) $("#booking-list").replaceChildren(); // another listing's bookings
  state.listingId = id;
  $("#my-listings").value = id;
  $("#listing-id").textContent = id || "none yet";
  $("#bookings-button").disabled = !id;
  loadHours(id).catch(fail);
}

/**
 * Where a listing's hours can be (a window's location_index, availability.proto): each of its
 * places by index, then telehealth (-1) when it offers it. A listing with no place at all is
 * telehealth only, so that is its one choice: hours at place 0 would not exist.
 */
function placeChoices(listing) {
  if (!listing) return [];
  const places = (listing.locations || []).map((place, i) => new Option(placeName(place, i), String(i)));
  if (listing.telehealth || !places.length) places.push(new Option("Telehealth", "-1"));
  return places;
}

/** "Portland, OR, US", or "Place 2" for a place given by its point alone. */
function placeName(place, index) {
  return [place.city, place.region, place.country].filter(Boolean).join(", ") || `Place ${index + 1}`;
}

/**
 * The listing's place: its point with city and country, or none at all when the four fields are
 * empty (a telehealth-only practice). A city without coordinates is refused rather than guessed:
 * search measures distance from the point, and 0,0 labelled "Portland, US" is in the Atlantic.
 */
function placesOf(f) {
  const point = pointOf(f.get("lat"), f.get("lon"));
  const city = f.get("city").trim(), country = f.get("country").trim();
  if (point) return [{ ...point, city, country }];
  if (!f.get("lat") && !f.get("lon") && !city && !country) return [];
  throw new Error("Give both latitude and longitude of your practice (search measures distance from them), "
    + "or clear City and Country too for a telehealth-only listing.");
}

/**
 * The hours form shows the chosen listing's weekly hours as stored, so a practitioner who changes
 * one day and saves keeps the others (SetWeeklyAvailability replaces them all). The form is off
 * until they are shown: what was typed into it before they came would be overwritten, and saving
 * what it showed would replace them. A listing without hours (NOT_FOUND, or none set) gets the
 * form for new hours.
 */
async function loadHours(id) {
  const fields = $("#hours-form fieldset");
  $("#hours-button").disabled = true;
  fields.disabled = Boolean(id);
  showHours(null);
  if (!id) return;
  let hours = null;
  try {
    hours = await api("GET", `/v1/listings/${encodeURIComponent(id)}/availability`);
  } catch (error) {
    if (state.listingId !== id) return;
    if (!(error instanceof ApiError && error.status === 404)) {
      throw new Error(`The weekly hours of this listing could not be loaded, so saving them is off (it would replace them): reload the page to try again.\n${error.message}`);
    }
  }
  if (state.listingId !== id) return; // another listing chosen meanwhile
  if (hours && (hours.windows || []).length) showHours(hours);
  fields.disabled = false;
  $("#hours-button").disabled = false;
}

/** New hours: Monday to Friday, 9 to 5, at the listing's first place. */
const NEW_HOURS = {
  windows: WEEKDAYS.slice(0, 5).map((day) => ({ weekday: `WEEKDAY_${day}`, start: "09:00", end: "17:00", locationIndex: null })),
  sessionMinutes: 60, bufferMinutes: 15,
};

/**
 * Fills the hours form: a row per window (a day may have several: two places, a lunch break), and
 * an unticked row for each day without hours. `hours` is a WeeklyAvailability in the API's JSON
 * form, which leaves out zeros (place 0, no buffer); null is new hours.
 */
function showHours(hours) {
  const stored = Boolean(hours);
  const { windows, sessionMinutes, bufferMinutes } = hours || NEW_HOURS;
  const rows = [];
  for (const day of WEEKDAYS) {
    const onDay = (windows || []).filter((w) => w.weekday === `WEEKDAY_${day}`);
    if (!onDay.length) rows.push(hoursRow(day, 1, null));
    onDay.forEach((w, i) => rows.push(hoursRow(day, i + 1, { ...w, locationIndex: stored ? Number(w.locationIndex || 0) : null })));
    rows[rows.length - 1].append(addWindowButton(day));
  }
  $("#weekday-rows").replaceChildren(...rows);
  const form = $("#hours-form");
  form.sessionMinutes.value = String(sessionMinutes || NEW_HOURS.sessionMinutes);
  form.bufferMinutes.value = String(stored ? bufferMinutes || 0 : NEW_HOURS.bufferMinutes);
}

/**
 * One row of hours on `day` (its `nth` on that day), ticked with its times and place when `given`
 * is given. A time field cannot hold "24:00", midnight at the end of the day: it shows as "00:00",
 * which as an end can mean nothing else (an end is after the start on the same day).
 */
function hoursRow(day, nth, given) {
  const name = dayName(day) + (nth > 1 ? ` (${nth})` : "");
  const row = el("div", null, "weekday");
  row.dataset.day = day;
  const check = el("label", null, "check");
  const box = el("input"); box.type = "checkbox"; box.className = "day-on"; box.checked = Boolean(given);
  check.append(box, document.createTextNode(" " + name));
  const start = el("input"); start.type = "time"; start.className = "day-start"; start.value = given ? given.start : "09:00"; start.setAttribute("aria-label", `${name} start`);
  const end = el("input"); end.type = "time"; end.className = "day-end"; end.value = given ? given.end.replace(/^24:00$/, "00:00") : "17:00"; end.setAttribute("aria-label", `${name} end`);
  end.title = "00:00 is midnight at the end of the day";
  const place = el("select", null, "place-select"); place.setAttribute("aria-label", `${name} place`);
  place.append(...placeChoices(state.listings.get(state.listingId)));
  if (given && given.locationIndex !== null) {
    // A place the listing no longer lists is still shown and kept; the API says what is wrong with it.
    const index = String(given.locationIndex);
    if (!Array.from(place.options).some((o) => o.value === index)) place.append(new Option(index === "-1" ? "Telehealth" : `Place ${Number(index) + 1}`, index));
    place.value = index;
  }
  row.append(check, start, end, place);
  return row;
}

function dayName(day) { return day.charAt(0) + day.slice(1).toLowerCase(); }

/** The button under a day's last row that adds another window that day (a lunch break, a second place). */
function addWindowButton(day) {
  const button = el("button", `+ Another window on ${dayName(day)}`, "add-window");
  button.type = "button";
  button.addEventListener("click", () => addWindow(day));
  return button;
}

/**
 * Adds a ticked row after the day's last one, from where that one ends (four hours, at most to
 * midnight, "24:00" which the row shows as 00:00) at the same place; the button moves to the new row.
 */
function addWindow(day) {
  const onDay = Array.from($("#weekday-rows").children).filter((row) => row.dataset.day === day);
  const last = onDay[onDay.length - 1];
  // After a window ending at midnight there is no room left that day: 9 to 1 then, to be changed.
  const ends = last.querySelector(".day-end").value;
  const start = ends && ends !== "00:00" ? ends : "09:00";
  const [h, m] = start.split(":").map(Number);
  const endMinutes = Math.min(24 * 60, h * 60 + m + 240);
  const end = `${String(Math.floor(endMinutes / 60)).padStart(2, "0")}:${String(endMinutes % 60).padStart(2, "0")}`;
  const row = hoursRow(day, onDay.length + 1, { start, end, locationIndex: Number(last.querySelector(".place-select").value) });
  last.querySelector(".add-window").remove();
  row.append(addWindowButton(day));
  last.after(row);
  row.querySelector(".day-start").focus();
}

async function saveHours(event) {
  const f = new FormData(event.target);
  const windows = Array.from($("#weekday-rows").children).filter((row) => row.querySelector(".day-on").checked)
    .map((row) => ({
      weekday: `WEEKDAY_${row.dataset.day}`, start: row.querySelector(".day-start").value,
      end: row.querySelector(".day-end").value.replace(/^00:00$/, "24:00"), locationIndex: Number(row.querySelector(".place-select").value),
    }));
  const listingId = state.listingId;
  const saved = await api("PUT", `/v1/listings/${encodeURIComponent(listingId)}/availability`,
    { windows, sessionMinutes: Number(f.get("sessionMinutes")), bufferMinutes: Number(f.get("bufferMinutes")) });
  if (state.listingId === listingId) showHours(saved);
  const days = new Set(windows.map((w) => w.weekday)).size;
  say(`Weekly hours saved: ${days} ${days === 1 ? "day" : "days"}.`);
}

async function showBookings() {
  const now = new Date();
  // Cancelled ones too, marked as such: the practitioner sees which sessions were given back.
  const query = new URLSearchParams({ startTime: now.toISOString(), endTime: new Date(now.getTime() + 60 * 86400000).toISOString(), includeCancelled: "true" });
  const data = await api("GET", `/v1/listings/${encodeURIComponent(state.listingId)}/bookings?${query}`);
  const bookings = data.bookings || [];
  $("#booking-list").replaceChildren(...bookings.map((b) =>
    el("li", `${(b.slot && b.slot.localStart) || ""} · client ${b.clientId} · ${label(b.state, "BOOKING_STATE_")}`)));
  say(`${bookings.length} bookings.`);
}

// ---- booking ------------------------------------------------------------------------------

async function showSlots(event) {
  const f = new FormData(event.target);
  const from = f.get("from") ? new Date(f.get("from") + "T00:00:00") : new Date();
  const to = new Date(from.getTime() + Number(f.get("days") || 7) * 86400000);
  const listingId = f.get("listingId");
  const query = new URLSearchParams({ startTime: from.toISOString(), endTime: to.toISOString(), pageSize: "50" });
  $("#slot-list").replaceChildren();
  await showSlotPage(listingId, query);
}

// One page of open slots, added to those shown. The API pages (nextPageToken), so a range with more
// than a page of slots says so and offers the rest, instead of ending silently at the page size.
async function showSlotPage(listingId, query) {
  const data = await api("GET", `/v1/listings/${encodeURIComponent(listingId)}/slots?${query}`);
  const slots = data.slots || [];
  $("#slot-list").append(...slots.map((slot) => {
    const item = el("li");
    const button = el("button", `Book ${slot.localStart} (${slot.timeZone})`);
    button.type = "button";
    button.addEventListener("click", () => book(listingId, slot).catch(fail));
    item.append(button);
    return item;
  }));
  const shown = $("#slot-list").children.length;
  const more = $("#more-slots");
  more.hidden = !data.nextPageToken;
  more.onclick = data.nextPageToken
    ? () => { query.set("pageToken", data.nextPageToken); showSlotPage(listingId, query).catch(fail); }
    : null;
  say(!shown ? "No open slots in that range."
    : data.nextPageToken ? `First ${shown} open slots shown; more are open in that range.`
    : `${shown} open slots.`);
}

async function book(listingId, slot) {
  const hold = await api("POST", `/v1/listings/${encodeURIComponent(listingId)}/holds`, { startTime: slot.startTime });
  const booking = await api("POST", `/v1/holds/${encodeURIComponent(hold.holdId)}:confirm`, {});
  say(`Booked ${slot.localStart} (${slot.timeZone}). Booking ${booking.bookingId}.`);
}

// ---- wiring -------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  state.modalitiesLoaded = loadModalities();
  state.modalitiesLoaded.catch(fail);
  for (const select of document.querySelectorAll(".currency-select")) currencyChoices(select);
  showHours(null);
  useToken(state.token);
  $("#slots-form").from.valueAsDate = new Date();
  $("#dev-token-form").addEventListener("submit", run(getDevToken));
  $("#paste-token-form").addEventListener("submit", run(async (e) => { useToken(new FormData(e.target).get("token")); say($("#who").textContent); }));
  $("#sign-out").addEventListener("click", () => { useToken(""); say("Signed out."); });
  $("#search-form").addEventListener("submit", run(search));
  $("#search-form").currency.addEventListener("change", (e) => { e.target.dataset.chosen = "true"; });
  $("#profile-form").addEventListener("submit", run(saveProfile));
  $("#match-button").addEventListener("click", run(findMatches));
  $("#referral-form").addEventListener("submit", run(findReferrals));
  $("#listing-form").addEventListener("submit", run(createListing));
  $("#hours-form").addEventListener("submit", run(saveHours));
  $("#bookings-button").addEventListener("click", run(showBookings));
  $("#slots-form").addEventListener("submit", run(showSlots));
});
