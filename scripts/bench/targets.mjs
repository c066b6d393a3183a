// The targets, checked against a run and printed beside it. They never fail the process:
// one run on two shared cores is evidence, not a verdict.

const KB = 1024;

export function checkTargets(result, { previousIdleMs }) {
	const load = result.load;
	const storyMap = load.story_map_ms?.median;
	const peer = load.peer_leaflet_ms?.median;
	const checks = [
		{
			name: 'story map on screen, median',
			target: '< 500 ms',
			value: `${storyMap} ms`,
			pass: storyMap < 500
		},
		{
			name: 'story map sooner than the Leaflet page (medians, this run)',
			target: 'ours < Leaflet',
			value: `${storyMap} ms vs ${peer} ms`,
			pass: storyMap < peer
		},
		{
			name: 'bytes before first contentful paint, median',
			target: '< 100 KB gzip',
			value: `${Math.round((load.bytes_before_content_gz / KB) * 10) / 10} KB`,
			pass: load.bytes_before_content_gz < 100 * KB
		},
		{
			name: 'cumulative layout shift, p95 of loads',
			target: '< 0.01',
			value: `${load.cls?.p95}`,
			pass: load.cls?.p95 < 0.01
		},
		{
			name: 'first idle, median',
			target: `no worse than ${previousIdleMs} ms`,
			value: `${load.first_idle_ms} ms`,
			pass: load.first_idle_ms <= previousIdleMs
		}
	];
	return checks.map((c) => ({ ...c, pass: Boolean(c.pass) }));
}
