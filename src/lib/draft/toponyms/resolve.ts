/**
 * Resolution: which of a name's places the article means, read in the article's context. In order
 * of strength:
 * 1. a place named with its state or country ("Paris, Ky.", "Edmonton, Alberta");
 * 2. one sense per article: every "Paris" of an article is the same Paris;
 * 3. the dateline ("LONDON, Ontario —");
 * 4. the countries and states the article names elsewhere;
 * 5. nearness to the article's other places;
 * 6. size (population, capitals), last.
 * Each mention keeps the readings that came close, and how far ahead the chosen one is.
 */
import { kmApart } from '../../geo/distance';
import type { Doc } from '../doc/doc';
import { covers } from '../doc/doc';
import type { Gazetteer, GazetteerPlace, NameEntry, NameType } from '../gazetteer/gazetteer';
import { nameKey } from '../text';
import { confidenceOf, SURE_MARGIN } from './confidence';
import { isProminent, type Spot } from './spot';

export interface PlaceMention {
	/** The words as the article writes them. */
	name: string;
	start: number;
	end: number;
	place: GazetteerPlace;
	type: NameType;
	/** "Russia’s": the place as an actor more than a location. */
	possessive: boolean;
	/** Inside quotation marks: someone's words, not where something happened. */
	quoted: boolean;
	/** The word before, lower case ("in", "to", "of"…), for reading the mention's role. */
	before: string;
	/** 0–1: how far the chosen reading leads the next one. */
	confidence: number;
	/** Other readings close enough to ask about ("London: Ontario, or England?"). */
	alternatives: GazetteerPlace[];
}

/** Farther than this from every other place the article names, in a country it names nowhere
 * else, a town is probably another place of that name the gazetteer lacks. */
const FAR_KM = 1500;
const FAR_CONFIDENCE = 0.25;
/** The least score a reading needs to be drafted: a town of 10,000 named with nothing around it. */
const MIN_SCORE = 4;

/** How likely a bare name means this place, before any context. */
export function prior(place: GazetteerPlace): number {
	switch (place.level) {
		case 'country':
			return 10;
		case 'continent':
		case 'sea':
			return 9;
		case 'state':
			return 6.5;
		case 'region':
			return 7;
		case 'county':
			return 5.5;
		default:
			return (
				Math.log10(Math.max(place.population, 1000)) +
				(place.capital ? 2 : 0) +
				(place.adminSeat ? 0.8 : 0)
			);
	}
}

function stateOf(place: GazetteerPlace): GazetteerPlace | undefined {
	for (let p: GazetteerPlace | undefined = place; p; p = p.parent)
		if (p.level === 'state') return p;
	return undefined;
}

interface Reading {
	spot: Spot;
	entries: NameEntry[];
	/** The surface name, normalised: one sense per article. */
	key: string;
	/** Fixed by a qualifier ("Paris, Ky."): context does not move it. */
	qualified: boolean;
	chosen: GazetteerPlace;
	scores: Map<GazetteerPlace, number>;
}

/** Distinct places of the entries, each with its first entry. */
function distinct(entries: readonly NameEntry[]): NameEntry[] {
	const seen = new Set<GazetteerPlace>();
	return entries.filter((e) => !seen.has(e.place) && seen.add(e.place));
}

export function resolve(doc: Doc, spots: readonly Spot[], gazetteer: Gazetteer): PlaceMention[] {
	const { text } = doc;
	const readings: Array<Reading | undefined> = spots.map((spot) => {
		const entries = distinct(spot.candidates.filter((c) => c.type !== 'code'));
		if (entries.length === 0) return undefined;
		return {
			spot,
			entries,
			key: nameKey(text.slice(spot.start, spot.end)).join(' '),
			qualified: false,
			chosen: entries[0]!.place,
			scores: new Map()
		};
	});

	// 1. "Paris, Ky.", "Edmonton, Alberta", "Kingston (Ont.)": the next spot qualifies this one.
	spots.forEach((spot, i) => {
		const next = spots[i + 1];
		const own = readings[i];
		if (!own || !next || !/^,\s?$|^\s?\(\s?$/.test(text.slice(spot.end, next.start))) return;
		const outer = distinct(next.candidates).filter((o) =>
			own.entries.some((e) => gazetteer.contains(o.place, e.place))
		);
		if (outer.length === 0) return;
		own.entries = own.entries.filter((e) =>
			outer.some((o) => gazetteer.contains(o.place, e.place))
		);
		own.qualified = true;
		const qualifier = readings[i + 1] ?? {
			spot: next,
			entries: outer,
			key: nameKey(text.slice(next.start, next.end)).join(' '),
			qualified: true,
			chosen: outer[0]!.place,
			scores: new Map()
		};
		qualifier.entries = outer;
		qualifier.qualified = true;
		readings[i + 1] = qualifier;
	});

	// "Ky." or "Man." alone is a state only after "in": elsewhere it ends a word or a sentence.
	const live = readings.filter(
		(r): r is Reading =>
			r !== undefined &&
			(r.qualified ||
				r.spot.before === 'in' ||
				!r.entries.every((e) => e.type === 'abbreviation' && e.place.level === 'state'))
	);
	const kept = live;

	// "Metcalfe County" written as "Metcalfe" + "County" where the county is not in the gazetteer
	// still says a county; "Kentucky State Police" says a state.
	const levelHint = (r: Reading) =>
		/^(county|parish|borough)$/.test(r.spot.next)
			? 'county'
			: /^(state|province)$/.test(r.spot.next)
				? 'state'
				: undefined;

	// Prior choices, then context read from every other mention, twice.
	const choose = (r: Reading, score: (p: GazetteerPlace) => number) => {
		r.scores = new Map(r.entries.map((e) => [e.place, score(e.place)]));
		let best = r.entries[0]!.place;
		for (const [place, s] of r.scores) if (s > r.scores.get(best)!) best = place;
		r.chosen = best;
	};
	const own = (r: Reading, p: GazetteerPlace) => {
		const hint = levelHint(r);
		let score = prior(p) + (hint && p.level === hint ? 6 : 0);
		if (p.level !== 'country') score += r.spot.evidence;
		// A town called "Commerce" or "We": the word, unless "in" comes before or the case tells.
		if (p.commonWord && r.spot.plainWord && p.level !== 'country') {
			const town = p.level === 'city' || p.level === 'county';
			if (r.spot.weakCase || (town && p.population < 100_000)) return -Infinity;
			score -= 1.5;
		}
		// At a sentence's start or in capitals, a small town's name is more often another word.
		if (r.spot.weakCase && !r.spot.dateline && !isProminent(p)) score -= 2;
		return score;
	};
	for (const r of kept) choose(r, (p) => own(r, p));

	for (let round = 0; round < 2; round++) {
		// 2. One sense per article: a qualified reading speaks for its name everywhere, and so does
		// the dateline's, once it has been read in the article's context ("HUDSON --" in a story
		// about central Illinois is Hudson, Ill., not the bigger Hudson in another state).
		const fixed = new Map<string, GazetteerPlace>();
		for (const r of kept) if (r.qualified) fixed.set(r.key, r.chosen);
		for (const r of kept) if (r.spot.dateline && !fixed.has(r.key)) fixed.set(r.key, r.chosen);
		const dateline = kept.filter((r) => r.spot.dateline).map((r) => r.chosen);
		const chosen = kept.map((r) => ({ key: r.key, place: r.chosen }));

		for (const r of kept) {
			if (r.qualified) continue;
			const fixedHere = r.spot.dateline && round === 0 ? undefined : fixed.get(r.key);
			// Every other name of the article, once each: a name is no evidence for itself.
			const seen = new Set<string>([r.key]);
			const others = chosen.filter((c) => !seen.has(c.key) && seen.add(c.key));
			const inCountry = new Map<string, number>();
			for (const o of others)
				inCountry.set(o.place.country, (inCountry.get(o.place.country) ?? 0) + 1);
			const located = others.filter((o) => o.place.country !== '').length;
			choose(r, (p) => {
				let score = own(r, p);
				if (fixedHere) return score + (p === fixedHere ? 20 : 0);
				// 4. The countries and states of the article's other places.
				const countryShare = located && p.country ? (inCountry.get(p.country) ?? 0) / located : 0;
				if (p.level === 'country') {
					if (others.some((o) => gazetteer.contains(p, o.place))) score += 3;
				} else {
					score += 4 * countryShare;
				}
				if (p.level === 'state') {
					if (others.some((o) => gazetteer.contains(p, o.place))) score += 3;
				}
				const state = p.level === 'state' ? undefined : stateOf(p);
				if (state && others.length > 0) {
					const inState = others.filter(
						(o) => o.place === state || gazetteer.contains(state, o.place)
					).length;
					score += 5 * (inState / others.length) + (inState > 0 ? 1 : 0);
				}
				// 3. The dateline's place and its state.
				for (const d of dateline) {
					if (d === p) continue;
					const dState = d.level === 'state' ? d : stateOf(d);
					if (state && dState === state) score += 3;
				}
				// 5. Nearness to the article's other towns.
				if (p.level === 'city' || p.level === 'county') {
					let nearest = Infinity;
					for (const o of others) {
						if (o.place.level !== 'city' && o.place.level !== 'county') continue;
						const km = kmApart([p.lon, p.lat], [o.place.lon, o.place.lat]);
						if (km < nearest) nearest = km;
					}
					if (nearest < Infinity) score += 3 * Math.exp(-nearest / 150);
				}
				return score;
			});
		}
	}

	// A reading too weak to stand on its evidence is not drafted: the words were something else.
	const drafted = kept.filter(
		(r) => r.qualified || (!r.spot.veto && (r.scores.get(r.chosen) ?? 0) >= MIN_SCORE)
	);

	// Where the article's names are, to catch a town pinned far from all of them ("Japan's Noto
	// peninsula" when the gazetteer's only Noto is in Sicily).
	const located = drafted.map((r) => r.chosen).filter((p) => p.country !== '');

	return drafted.map((r) => {
		// The city of Paris and the département of Paris are one answer, not two.
		const ranked = [...r.scores]
			.filter(([p]) => p === r.chosen || !related(p, r.chosen))
			.sort((a, b) => b[1] - a[1]);
		const top = ranked[0]?.[1] ?? 0;
		const second = ranked[1]?.[1] ?? -Infinity;
		const margin = top - second;
		const entry = r.entries.find((e) => e.place === r.chosen)!;
		const sure = confidenceOf(margin);
		return {
			name: text.slice(r.spot.start, r.spot.end).replace(/\u00ad/g, ''),
			start: r.spot.start,
			end: r.spot.end,
			place: r.chosen,
			type: entry.type,
			possessive: /^['’]s\b/.test(text.slice(r.spot.end, r.spot.end + 3)),
			quoted: covers(doc.quotes, r.spot.start),
			before: r.spot.before,
			confidence: r.qualified ? 1 : isolated(r) ? Math.min(sure, FAR_CONFIDENCE) : sure,
			alternatives: r.qualified
				? []
				: ranked
						.slice(1, 4)
						.filter(([, s]) => top - s < SURE_MARGIN)
						.map(([p]) => p)
		};
	});

	function related(a: GazetteerPlace, b: GazetteerPlace): boolean {
		return gazetteer.contains(a, b) || gazetteer.contains(b, a);
	}

	/** A town in a country the article names nowhere else, far from every other place it names. */
	function isolated(r: Reading): boolean {
		const p = r.chosen;
		if ((p.level !== 'city' && p.level !== 'county') || r.spot.dateline) return false;
		const others = located.filter((o) => o !== p);
		if (others.length < 2 || others.some((o) => o.country === p.country)) return false;
		return others.every((o) => kmApart([p.lon, p.lat], [o.lon, o.lat]) > FAR_KM);
	}
}
