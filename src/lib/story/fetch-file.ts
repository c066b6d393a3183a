import type { Problem } from './problems';

/** Fetches a file as bytes, turning a network failure or HTTP error into a problem, not a throw. */
export async function fetchFile(
	fetcher: typeof fetch,
	url: string,
	name: string
): Promise<{ name: string; contents: Uint8Array } | Problem> {
	try {
		const response = await fetcher(url);
		if (!response.ok)
			return { file: name, message: `could not be loaded (HTTP ${response.status}).` };
		return { name, contents: new Uint8Array(await response.arrayBuffer()) };
	} catch (error) {
		return {
			file: name,
			message: `could not be loaded (${error instanceof Error ? error.message : 'network error'}).`
		};
	}
}
