import { roleOf, type FileRole } from './file-roles';
import { isRecord, parseJson } from './json-file';
import { ProblemList, type Problem } from './problems';
import type { StoryFiles } from './validate';

export interface PickedFile {
	name: string;
	contents: Uint8Array;
}

const ROLES: FileRole[] = ['events', 'places', 'article'];

/**
 * A story from files a reader picked or dropped: either its three files (named as for
 * check:data) or one bundle, a JSON object with `events`, `places` and `article`.
 */
export function storyFilesFrom(
	picked: readonly PickedFile[]
): { ok: true; files: StoryFiles } | { ok: false; problems: Problem[] } {
	if (
		picked.length === 1 &&
		/\.json$/i.test(picked[0]!.name) &&
		roleOf(picked[0]!.name) === 'events'
	) {
		const bundle = picked[0]!;
		const problems = new ProblemList(bundle.name);
		const json = parseJson(bundle.contents, problems);
		if (isRecord(json) && 'events' in json && 'places' in json && 'article' in json) {
			if (typeof json.article !== 'string') {
				problems.add('"article" must be the article text, as one string.', undefined, 'article');
				return { ok: false, problems: problems.items };
			}
			return {
				ok: true,
				files: {
					events: { name: `${bundle.name} › events`, contents: JSON.stringify(json.events) },
					places: { name: `${bundle.name} › places`, contents: JSON.stringify(json.places) },
					article: { name: `${bundle.name} › article`, contents: json.article }
				}
			};
		}
		if (problems.items.length > 0) return { ok: false, problems: problems.items };
	}
	const byRole = new Map<FileRole, PickedFile>();
	const problems: Problem[] = [];
	for (const file of picked) {
		const role = roleOf(file.name);
		if (byRole.has(role))
			problems.push({ file: file.name, message: `is a second ${role} file; choose one.` });
		else byRole.set(role, file);
	}
	for (const role of ROLES) {
		if (!byRole.has(role)) {
			problems.push({
				file: `(${role})`,
				message:
					role === 'article'
						? 'no article: add the article as a .txt file.'
						: `no ${role} file: add a GeoJSON file whose name ends in "${role}" (like ${role}.geojson), or one bundle .json with events, places and article.`
			});
		}
	}
	if (problems.length > 0) return { ok: false, problems };
	const [events, places, article] = ROLES.map((r) => byRole.get(r)!);
	return { ok: true, files: { events: events!, places: places!, article: article! } };
}
