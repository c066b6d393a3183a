// The peer the benchmark compares Story Atlas with: what a newsroom developer would write with
// Leaflet for the same story. Countries as GeoJSON and one circle marker per event, all on one
// canvas (Leaflet's fastest renderer for many markers), the places' names as permanent tooltips,
// and a range input that hides the events after the chosen date.
//
// ?story=PATH is the folder of the story's files, relative to this page (default: the story `/`
// shows). It marks `peer-drawn` in the first frame after the layers are added, when Leaflet's
// canvas has drawn them, and exposes nothing else: the benchmark drives the range input.

const L = window.L;
const story = new URLSearchParams(location.search).get('story') ?? '../generated/story';
const getJson = (url) => fetch(url).then((r) => r.json());
const [countries, events, places] = await Promise.all([
	getJson('../generated/countries.geojson'),
	getJson(`${story}/events.geojson`),
	getJson(`${story}/places.geojson`)
]);

const DAY_MS = 864e5;
const toDay = (iso) => Math.round(Date.parse(iso) / DAY_MS);
// One colour per category of the story format (src/lib/story/types.ts), as a plain page would.
const COLOURS = {
	war: '#d7301f',
	strike: '#fc8d59',
	meeting: '#2c7fb8',
	diplomacy: '#41b6c4',
	visit: '#7fcdbb',
	statement: '#969696',
	exchange: '#6a51a3',
	detention: '#807dba',
	aid: '#238b45'
};

document.getElementById('title').textContent = events.title ?? 'Story';
const renderer = L.canvas();
const map = L.map('map', { preferCanvas: true, renderer, zoomSnap: 0.25 });
const latLng = ([lon, lat]) => [lat, lon];
map.fitBounds(L.latLngBounds(places.features.map((p) => latLng(p.geometry.coordinates))), {
	padding: [40, 40],
	maxZoom: 6
});

L.geoJSON(countries, {
	renderer,
	interactive: false,
	style: { color: '#9aa5ad', weight: 0.6, fillColor: '#f4f1ea', fillOpacity: 1 }
}).addTo(map);

// Each event with its day; its marker is in the group exactly while it is shown.
let first = Infinity;
let last = events.published ? toDay(events.published) : -Infinity;
const dots = events.features.map((f) => {
	const day = toDay(f.properties.start);
	first = Math.min(first, day);
	last = Math.max(last, toDay(f.properties.end ?? f.properties.start));
	const marker = L.circleMarker(latLng(f.geometry.coordinates), {
		renderer,
		radius: 5,
		weight: 1,
		color: '#ffffff',
		fillColor: COLOURS[f.properties.category] ?? '#555555',
		fillOpacity: 0.8
	});
	return { day, marker, shown: true };
});
const group = L.layerGroup(dots.map((d) => d.marker)).addTo(map);

for (const p of places.features) {
	L.tooltip({ permanent: true, direction: 'right', offset: [6, 0] })
		.setLatLng(latLng(p.geometry.coordinates))
		.setContent(p.properties.name)
		.addTo(map);
}

const input = document.getElementById('date');
const output = document.getElementById('day');
input.max = String(last - first);
input.value = input.max;
const showUpTo = (day) => {
	output.textContent = new Date(day * DAY_MS).toISOString().slice(0, 10);
	for (const dot of dots) {
		const shown = dot.day <= day;
		if (shown === dot.shown) continue;
		dot.shown = shown;
		if (shown) group.addLayer(dot.marker);
		else group.removeLayer(dot.marker);
	}
};
input.addEventListener('input', () => showUpTo(first + Number(input.value)));
showUpTo(last);

// Leaflet's canvas redraws in an animation frame it asked for when the layers were added; this
// frame callback was asked for after it, so it runs once that drawing is done.
requestAnimationFrame(() => performance.mark('peer-drawn'));
