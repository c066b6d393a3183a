/** The toponym stage: spot the names, then resolve each in the article's context. */
import type { Doc } from '../doc/doc';
import type { Gazetteer } from '../gazetteer/gazetteer';
import { resolve, type PlaceMention } from './resolve';
import { spot } from './spot';

export type { PlaceMention } from './resolve';

export function findPlaces(doc: Doc, gazetteer: Gazetteer): PlaceMention[] {
	return resolve(doc, spot(doc, gazetteer), gazetteer);
}
