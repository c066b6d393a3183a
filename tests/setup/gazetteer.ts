/**
 * Vitest global setup: the gazetteer is built from the kept packages once per run, before any test
 * file loads it. Without it every test file built its own in memory (seconds each), and a clean
 * clone's run timed out.
 */
import { writeGazetteerFile } from '../../scripts/lib/gazetteer-file';

export default function setup(): void {
	writeGazetteerFile();
}
