/**
 * A cell that says its value is not known ("n/a", "unknown", "-", Excel's #N/A): in a column of
 * numbers or dates it is no typo but the desk's own word, and its row is rejected saying so.
 */
const NOT_KNOWN =
	/^(?:n\/?a|#n\/a|na|nan|null|none|nil|unknown|not known|unk|tbc|tbd|missing|-+|–|—|\?+|\.)$/i;

export function saysNotKnown(text: string): boolean {
	return NOT_KNOWN.test(text.trim());
}
