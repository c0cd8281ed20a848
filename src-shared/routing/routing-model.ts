// Routing suggestions (issue 6): where to dispose a report, learned from the agency's own past
// dispositions. The contract (suggestions and their reasons), then the model that makes them.

import type { RoutingExample, RoutingTarget } from './routing-examples';
import { explainedFeatures, type ExplainedFeatures, type RoutingReport } from './routing-features';

/** Why a target is suggested: the evidence that weighed most, for the operator to judge. */
export interface RoutingReason {
  readonly kind: 'category' | 'location' | 'word';
  /**
   * The category id; for a location, a word of the location text or the most specific region code
   * level the model knows; for a word, the report's own word (not its stem).
   */
  readonly value: string;
  /** Its contribution (log-odds in favour of the target), larger is stronger. */
  readonly weight: number;
}

export interface RoutingSuggestion {
  readonly agencyId: string;
  readonly unitId: string | null;
  /** Posterior probability in [0, 1]; suggestions come sorted by it, highest first. */
  readonly confidence: number;
  /** Past dispositions to this target the model learned from. */
  readonly support: number;
  readonly reasons: readonly RoutingReason[];
}

// ---------------------------------------------------------------------------------------------
// The model: multinomial naive Bayes over three groups of evidence, each with its own Laplace-
// smoothed distribution per target (agency + unit):
// - the category (one value per report, strong on its own);
// - places: region code levels and location words;
// - terms: distinct words of title and body and their stems ("binarized" multinomial: a word
//   repeated in a long body counts once, so long reports do not drown out the category).
// Places and words are tempered: a report's places count together as at most `placeBudget`
// independent features and its words as at most `wordBudget`. They are far from independent (a
// village code, its district code and the village's name say one thing; the same sentences recur
// across reports), and counting each in full pushes every posterior to 0 or 1, so the confidence
// would say nothing.
// The score of a target is its log posterior; confidences are the posteriors normalised over all
// targets, so those shown sum to at most 1. Counts only grow, so `addExample` is cheap and the
// model can learn each new disposition at once.
// The budgets were chosen on synthetic data of another seed than bench/routing.ts reports on;
// accuracy is flat around them (words 4–8, places 2–3), while larger budgets make confidences
// more extreme without making them more often right.

export interface RoutingModelOptions {
  /** Laplace smoothing added to every count. */
  readonly smoothing: number;
  /** Terms seen in fewer past reports than this are ignored (names, typos, tracking numbers). */
  readonly minTermExamples: number;
  /** How many independent features a report's places count as, at most. */
  readonly placeBudget: number;
  /** How many independent words a report's words count as, at most. */
  readonly wordBudget: number;
  /** How many reasons a suggestion carries, at most. */
  readonly maxReasons: number;
}

export const DEFAULT_ROUTING_OPTIONS: RoutingModelOptions = {
  smoothing: 1,
  minTermExamples: 2,
  placeBudget: 3,
  wordBudget: 6,
  maxReasons: 4,
};

/** How many examples had a feature value, in all and per target (by target index). */
interface FeatureCounts {
  total: number;
  readonly byTarget: number[];
}

interface TargetStats {
  readonly target: RoutingTarget;
  examples: number;
  /** Examples of this target that had a category. */
  categorised: number;
  /** Place values over all its examples. */
  placeTotal: number;
  /** Term occurrences over all its examples, counting only vocabulary terms. */
  vocabularyTotal: number;
}

/** The report's features the model knows, and how much its places and words count. */
interface Evidence {
  readonly categoryId: string | null;
  readonly category: FeatureCounts | null;
  readonly places: readonly (readonly [string, FeatureCounts])[];
  readonly placeWeight: number;
  readonly terms: readonly (readonly [string, FeatureCounts])[];
  readonly wordWeight: number;
}

const targetKey = (target: RoutingTarget): string =>
  `${target.agencyId}\u0000${target.unitId ?? ''}`;

/** A trained routing model; grows with `addExample`. Term-major counts keep suggesting fast. */
export class RoutingModel {
  readonly options: RoutingModelOptions;
  private readonly targets: TargetStats[] = [];
  private readonly targetIndex = new Map<string, number>();
  private exampleCount = 0;
  private categorisedCount = 0;
  private readonly categories = new Map<string, FeatureCounts>();
  private readonly places = new Map<string, FeatureCounts>();
  private placeTotal = 0;
  private readonly terms = new Map<string, FeatureCounts>();
  /** Terms seen in at least `minTermExamples` examples, and their occurrences. */
  private vocabularySize = 0;
  private vocabularyTotal = 0;

  constructor(options: Partial<RoutingModelOptions> = {}) {
    this.options = { ...DEFAULT_ROUTING_OPTIONS, ...options };
  }

  /** How many past dispositions the model learned from. */
  get examples(): number {
    return this.exampleCount;
  }

  add(example: RoutingExample): void {
    const key = targetKey(example.target);
    let index = this.targetIndex.get(key);
    if (index === undefined) {
      index = this.targets.length;
      this.targetIndex.set(key, index);
      this.targets.push({
        target: { agencyId: example.target.agencyId, unitId: example.target.unitId },
        examples: 0,
        categorised: 0,
        placeTotal: 0,
        vocabularyTotal: 0,
      });
    }
    const stats = this.targets[index];
    if (stats === undefined) throw new Error('routing target index out of range');
    const { features } = example;
    this.exampleCount += 1;
    stats.examples += 1;
    if (features.categoryId !== null) {
      this.categorisedCount += 1;
      stats.categorised += 1;
      countIn(this.categories, features.categoryId, index);
    }
    for (const place of features.places) countIn(this.places, place, index);
    this.placeTotal += features.places.length;
    stats.placeTotal += features.places.length;

    const threshold = this.options.minTermExamples;
    for (const term of features.terms) {
      const counts = countIn(this.terms, term, index);
      if (counts.total > threshold) {
        stats.vocabularyTotal += 1;
        this.vocabularyTotal += 1;
      } else if (counts.total === threshold) {
        // The term just joined the vocabulary: its earlier occurrences now count too.
        this.vocabularySize += 1;
        this.vocabularyTotal += counts.total;
        counts.byTarget.forEach((count, i) => {
          const other = this.targets[i];
          if (other !== undefined) other.vocabularyTotal += count;
        });
      }
    }
  }

  /** The `k` likeliest targets for a report, likeliest first. */
  suggest(report: RoutingReport, k: number): RoutingSuggestion[] {
    if (this.exampleCount === 0 || k <= 0) return [];
    const features = explainedFeatures(report);
    const evidence = this.evidenceOf(features);
    const scores = this.logPosteriors(evidence);

    const order = this.targets.map((_, i) => i);
    order.sort(
      (i, j) =>
        (scores[j] ?? 0) - (scores[i] ?? 0) || compareKeys(this.targetAt(i), this.targetAt(j)),
    );
    const best = scores[order[0] ?? 0] ?? 0;
    let total = 0;
    for (const score of scores) total += Math.exp(score - best);

    return order.slice(0, k).map((i) => {
      const stats = this.targetAt(i);
      return {
        agencyId: stats.target.agencyId,
        unitId: stats.target.unitId,
        confidence: Math.exp((scores[i] ?? 0) - best) / total,
        support: stats.examples,
        reasons: this.reasonsFor(i, evidence, features),
      };
    });
  }

  private targetAt(index: number): TargetStats {
    const stats = this.targets[index];
    if (stats === undefined) throw new Error('routing target index out of range');
    return stats;
  }

  private evidenceOf(features: ExplainedFeatures): Evidence {
    const category =
      features.categoryId === null ? null : (this.categories.get(features.categoryId) ?? null);
    const places = known(this.places, features.places, 1);
    const terms = known(this.terms, features.terms, this.options.minTermExamples);
    return {
      categoryId: category === null ? null : features.categoryId,
      category,
      places,
      placeWeight: budgetWeight(this.options.placeBudget, places.length),
      terms,
      wordWeight: budgetWeight(this.options.wordBudget, terms.length),
    };
  }

  private logPosteriors(evidence: Evidence): Float64Array {
    const a = this.options.smoothing;
    const n = this.targets.length;
    const scores = new Float64Array(n);
    const categoryValues = this.categories.size + 1;
    const placeValues = this.places.size;
    const wordValues = this.vocabularySize;
    for (let i = 0; i < n; i++) {
      const stats = this.targetAt(i);
      let score = Math.log(stats.examples / this.exampleCount);
      if (evidence.category !== null) {
        // One more value than seen: the categories this target never received share the rest.
        score -= Math.log(stats.categorised + a * categoryValues);
      }
      // Only with evidence of the group: with none, its total may be 0 and 0 × log 0 is NaN.
      if (evidence.places.length > 0) {
        score -=
          evidence.placeWeight *
          evidence.places.length *
          Math.log(stats.placeTotal + a * placeValues);
      }
      if (evidence.terms.length > 0) {
        score -=
          evidence.wordWeight *
          evidence.terms.length *
          Math.log(stats.vocabularyTotal + a * wordValues);
      }
      scores[i] = score;
    }
    if (evidence.category !== null) addLogCounts(scores, evidence.category, 1, a);
    for (const [, counts] of evidence.places) addLogCounts(scores, counts, evidence.placeWeight, a);
    for (const [, counts] of evidence.terms) addLogCounts(scores, counts, evidence.wordWeight, a);
    return scores;
  }

  /**
   * The features that speak most for a target against all past dispositions pooled
   * (background): how much more likely each is under the target than in general, in log-odds.
   */
  private reasonsFor(
    index: number,
    evidence: Evidence,
    features: ExplainedFeatures,
  ): RoutingReason[] {
    const a = this.options.smoothing;
    const stats = this.targetAt(index);
    const candidates: RoutingReason[] = [];
    const logRatio = (counts: FeatureCounts, targetTotal: number, total: number, values: number) =>
      Math.log((counts.byTarget[index] ?? 0) + a) -
      Math.log(targetTotal + a * values) -
      (Math.log(counts.total + a) - Math.log(total + a * values));

    if (evidence.category !== null && evidence.categoryId !== null) {
      candidates.push({
        kind: 'category',
        value: evidence.categoryId,
        weight: logRatio(
          evidence.category,
          stats.categorised,
          this.categorisedCount,
          this.categories.size + 1,
        ),
      });
    }

    // Region code levels say one thing together: one reason, named by the most specific level
    // the model has seen (a village code it never met cannot be why).
    let regionCode: string | null = null;
    let regionWeight = 0;
    for (const [place, counts] of evidence.places) {
      const weight =
        evidence.placeWeight *
        logRatio(counts, stats.placeTotal, this.placeTotal, this.places.size);
      if (isRegionCode(place)) {
        regionCode = place;
        regionWeight += weight;
      } else {
        candidates.push({ kind: 'location', value: place, weight });
      }
    }
    if (regionCode !== null) {
      candidates.push({ kind: 'location', value: regionCode, weight: regionWeight });
    }

    // A word and its stems are one reason, named by the word the report used.
    const wordWeights = new Map<string, number>();
    for (const [term, counts] of evidence.terms) {
      const weight =
        evidence.wordWeight *
        logRatio(counts, stats.vocabularyTotal, this.vocabularyTotal, this.vocabularySize);
      const word = features.wordOfTerm.get(term) ?? term;
      wordWeights.set(word, (wordWeights.get(word) ?? 0) + weight);
    }
    for (const [word, weight] of wordWeights) {
      candidates.push({ kind: 'word', value: word, weight });
    }

    return pickReasons(candidates, this.options.maxReasons);
  }
}

/** Adds `weight × log(count + a)` of each target's count of one feature value to its score. */
function addLogCounts(
  scores: Float64Array,
  counts: FeatureCounts,
  weight: number,
  a: number,
): void {
  const logA = Math.log(a);
  const seen = counts.byTarget.length;
  for (let i = 0; i < scores.length; i++) {
    const count = i < seen ? (counts.byTarget[i] ?? 0) : 0;
    scores[i] = (scores[i] ?? 0) + weight * (count === 0 ? logA : Math.log(count + a));
  }
}

/** The values the model has seen at least `minimum` times, with their counts. */
function known(
  counts: ReadonlyMap<string, FeatureCounts>,
  values: readonly string[],
  minimum: number,
): [string, FeatureCounts][] {
  const found: [string, FeatureCounts][] = [];
  for (const value of values) {
    const entry = counts.get(value);
    if (entry !== undefined && entry.total >= minimum) found.push([value, entry]);
  }
  return found;
}

/** Each of `count` features weighs this much so that together they weigh at most `budget`. */
function budgetWeight(budget: number, count: number): number {
  return count === 0 ? 0 : Math.min(1, budget / count);
}

/** Counts one example with `value` for the target at `index`; returns the value's counts. */
function countIn(map: Map<string, FeatureCounts>, value: string, index: number): FeatureCounts {
  let counts = map.get(value);
  if (counts === undefined) {
    counts = { total: 0, byTarget: [] };
    map.set(value, counts);
  }
  counts.total += 1;
  const byTarget = counts.byTarget;
  // Kept dense (no holes) so reads stay fast.
  while (byTarget.length <= index) byTarget.push(0);
  byTarget[index] = (byTarget[index] ?? 0) + 1;
  return counts;
}

/** At most two location reasons, so words that decided get their say; strongest first. */
const MAX_LOCATION_REASONS = 2;

/** Evidence weaker than this (log-odds; about 10% likelier than in general) explains nothing. */
const MIN_REASON_WEIGHT = 0.1;

function pickReasons(candidates: RoutingReason[], max: number): RoutingReason[] {
  const sorted = candidates
    .filter((reason) => reason.weight >= MIN_REASON_WEIGHT)
    .sort((a, b) => b.weight - a.weight || compareStrings(a.value, b.value));
  const picked: RoutingReason[] = [];
  let locations = 0;
  for (const reason of sorted) {
    if (picked.length >= max) break;
    if (reason.kind === 'location') {
      if (locations >= MAX_LOCATION_REASONS) continue;
      locations += 1;
    }
    picked.push(reason);
  }
  return picked;
}

function isRegionCode(place: string): boolean {
  const c = place.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareKeys(a: TargetStats, b: TargetStats): number {
  return compareStrings(targetKey(a.target), targetKey(b.target));
}

/** A model trained on these examples (in any order: naive Bayes counts do not depend on it). */
export function trainRoutingModel(
  examples: Iterable<RoutingExample>,
  options: Partial<RoutingModelOptions> = {},
): RoutingModel {
  const model = new RoutingModel(options);
  for (const example of examples) model.add(example);
  return model;
}

/** Teaches the model one more disposition (the model changes in place; cheap). */
export function addExample(model: RoutingModel, example: RoutingExample): void {
  model.add(example);
}

/** The `k` likeliest targets for the report, likeliest first; none from an empty model. */
export function suggestRouting(
  model: RoutingModel,
  report: RoutingReport,
  k = 3,
): RoutingSuggestion[] {
  return model.suggest(report, k);
}
