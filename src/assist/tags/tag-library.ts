/**
 * The tag library the engines may propose from: the corp tags (WeCom's cache, or tags.yaml offline)
 * joined with the local matching rules keyed by "组/标签". Only tags in here are ever proposed.
 */
import type { CorpTagLibraryInput, ExtractorName, TagRule } from '../knowledge/schemas.ts';
import { corpTagLibrarySchema } from '../knowledge/schemas.ts';
import { isLetterSizeName } from './extract-size.ts';
import { normalizeAligned } from './find-phrases.ts';

export interface LibraryTag {
  key: string;
  id: string;
  name: string;
  groupId: string;
  groupName: string;
  /** Position in its group: the tie-breaker between equally scored tags. */
  rank: number;
  /** Normalised keyword → weight (a keyword shared by k tags of one group weighs 1/k). */
  phrases: Map<string, number>;
  regexes: RegExp[];
  negative: string[];
  extractor: ExtractorName | undefined;
  /** Proposed (at low confidence) when nothing else in its single-choice group matched. */
  fallback: boolean;
}

export interface LibraryGroup {
  id: string;
  name: string;
  multi: boolean;
  order: number;
  tags: LibraryTag[];
}

export interface TagLibrary {
  groups: LibraryGroup[];
  byKey: ReadonlyMap<string, LibraryTag>;
  byId: ReadonlyMap<string, LibraryTag>;
}

export function tagKey(groupName: string, tagName: string): string {
  return `${groupName}/${tagName}`;
}

function uniqueNormalized(words: readonly string[]): string[] {
  return [...new Set(words.map((word) => normalizeAligned(word.trim())).filter((word) => word.length > 0))];
}

export function buildTagLibrary(corp: CorpTagLibraryInput, rules: Readonly<Record<string, TagRule>> = {}): TagLibrary {
  const parsed = corpTagLibrarySchema.parse(corp);
  const byKey = new Map<string, LibraryTag>();
  const byId = new Map<string, LibraryTag>();
  const groups: LibraryGroup[] = [];
  for (const group of [...parsed.groups].sort((a, b) => b.order - a.order)) {
    const tags: LibraryTag[] = [];
    const sharedBy = new Map<string, number>();
    const perTag = group.tags.map((tag) => {
      const key = tagKey(group.name, tag.name);
      const rule = rules[key];
      // The tag's own name is a keyword ("美妆" → 意向品类/美妆) unless it is one character or a letter
      // size ("M", "XL"): those match inside other words, and sizes have their own extractor.
      const implicit = tag.name.trim().length >= 2 && !isLetterSizeName(tag.name);
      const words = uniqueNormalized([...(implicit ? [tag.name] : []), ...(tag.keywords ?? []), ...(tag.synonyms ?? []), ...(rule?.keywords ?? []), ...(rule?.synonyms ?? [])]);
      for (const word of words) sharedBy.set(word, (sharedBy.get(word) ?? 0) + 1);
      return { tag, key, rule, words };
    });
    perTag.forEach(({ tag, key, rule, words }, rank) => {
      const entry: LibraryTag = {
        key,
        id: tag.id,
        name: tag.name,
        groupId: group.id,
        groupName: group.name,
        rank,
        phrases: new Map(words.map((word) => [word, 1 / (sharedBy.get(word) ?? 1)])),
        regexes: [...(tag.regexes ?? []), ...(rule?.regexes ?? [])].map((source) => new RegExp(source, 'giu')),
        negative: uniqueNormalized([...(tag.negative ?? []), ...(rule?.negative ?? [])]),
        extractor: rule?.extractor ?? tag.extractor,
        fallback: rule?.fallback ?? tag.fallback ?? false,
      };
      tags.push(entry);
      byKey.set(key, entry);
      byId.set(entry.id, entry);
    });
    groups.push({ id: group.id, name: group.name, multi: group.multi, order: group.order, tags });
  }
  return { groups, byKey, byId };
}

/** The library as a compact list for a prompt: id, "组/标签", and whether the group is single-choice. */
export function describeLibrary(library: TagLibrary): { id: string; tag: string; single: boolean }[] {
  return library.groups.flatMap((group) => group.tags.map((tag) => ({ id: tag.id, tag: tag.key, single: !group.multi })));
}
