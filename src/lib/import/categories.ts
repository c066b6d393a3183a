/**
 * A dataset's own event types mapped onto the story format's fixed categories (story/types.ts).
 * The format has no category for protest or unrest, so those map to the nearest one; the title
 * keeps the dataset's own type, so nothing is lost. geodata/README.md shows the same tables.
 */
import { CATEGORIES, type Category } from '../story/schema';
import { own } from './own';

/** ACLED sub-event types whose category differs from their event type's. */
const ACLED_SUB_EVENT: Readonly<Record<string, Category>> = {
	'abduction/forced disappearance': 'detention',
	'excessive force against protesters': 'strike',
	'excessive force against protestors': 'strike',
	'mob violence': 'strike',
	agreement: 'diplomacy',
	arrests: 'detention',
	'looting/property destruction': 'strike',
	'disrupted weapons use': 'war',
	'headquarters or base established': 'war',
	'non-violent transfer of territory': 'war',
	'change to group/activity': 'statement',
	other: 'statement'
};

const ACLED_EVENT: Readonly<Record<string, Category>> = {
	battles: 'war',
	'explosions/remote violence': 'strike',
	'violence against civilians': 'strike',
	protests: 'statement',
	riots: 'statement',
	'strategic developments': 'statement'
};

/** ACLED's event_type and sub_event_type → a story category, or null for a type ACLED lacks. */
export function acledCategory(eventType: string, subEventType: string): Category | null {
	const sub = own(ACLED_SUB_EVENT, subEventType.trim().toLowerCase());
	const event = own(ACLED_EVENT, eventType.trim().toLowerCase());
	// A sub-type only refines the event type it belongs to; "Other" alone means nothing.
	return event === undefined ? null : (sub ?? event);
}

/** CAMEO root codes (the first two digits of GDELT's EventCode): a category and a short label. */
export const CAMEO_ROOTS: Readonly<Record<string, { category: Category; label: string }>> = {
	'01': { category: 'statement', label: 'Public statement' },
	'02': { category: 'statement', label: 'Appeal' },
	'03': { category: 'diplomacy', label: 'Intent to cooperate' },
	'04': { category: 'meeting', label: 'Consultation' },
	'05': { category: 'diplomacy', label: 'Diplomatic cooperation' },
	'06': { category: 'aid', label: 'Material cooperation' },
	'07': { category: 'aid', label: 'Aid' },
	'08': { category: 'diplomacy', label: 'Concession' },
	'09': { category: 'statement', label: 'Investigation' },
	'10': { category: 'statement', label: 'Demand' },
	'11': { category: 'statement', label: 'Disapproval' },
	'12': { category: 'statement', label: 'Rejection' },
	'13': { category: 'statement', label: 'Threat' },
	'14': { category: 'statement', label: 'Protest' },
	'15': { category: 'war', label: 'Show of force' },
	'16': { category: 'diplomacy', label: 'Reduced relations' },
	'17': { category: 'detention', label: 'Coercion' },
	'18': { category: 'strike', label: 'Assault' },
	'19': { category: 'war', label: 'Fighting' },
	'20': { category: 'war', label: 'Mass violence' }
};

/** CAMEO codes finer than their root: visits (042, 043) and arrests (173). */
const CAMEO_CODES: Readonly<Record<string, { category: Category; label: string }>> = {
	'042': { category: 'visit', label: 'Visit' },
	'043': { category: 'visit', label: 'Hosted visit' },
	'173': { category: 'detention', label: 'Arrest' }
};

/** GDELT's EventCode (CAMEO, "190", "0421") → its category and label, or null when unknown. */
export function cameoEvent(eventCode: string): { category: Category; label: string } | null {
	const code = eventCode.trim();
	if (!/^\d{2,4}$/.test(code)) return null;
	return own(CAMEO_CODES, code.slice(0, 3)) ?? own(CAMEO_ROOTS, code.slice(0, 2)) ?? null;
}

/**
 * A category cell of any other spreadsheet: one of the story's categories in any case, or an
 * ACLED event or sub-event type (desks often reuse ACLED's words).
 */
export function categoryFromText(text: string): Category | null {
	const value = text.trim().toLowerCase();
	if ((CATEGORIES as readonly string[]).includes(value)) return value as Category;
	// ACLED's "Other" refines an event type; alone it says nothing.
	if (value === 'other') return null;
	return own(ACLED_EVENT, value) ?? own(ACLED_SUB_EVENT, value) ?? null;
}

/**
 * UCDP GED's type_of_violence → a story category, with UCDP's own name for it (geodata/README.md
 * lists the table): state-based and non-state conflict are war; one-sided violence, an armed
 * group's or a government's against civilians, is a strike, as ACLED's "Violence against
 * civilians" is.
 */
const UCDP_VIOLENCE: Readonly<Record<string, { category: Category; label: string }>> = {
	'1': { category: 'war', label: 'State-based armed conflict' },
	'2': { category: 'war', label: 'Non-state conflict' },
	'3': { category: 'strike', label: 'One-sided violence' }
};

export function ucdpViolence(code: string): { category: Category; label: string } | null {
	return own(UCDP_VIOLENCE, code.trim()) ?? null;
}
