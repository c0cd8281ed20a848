// Routing suggestions (issue 6): where to dispose a report, learned from the agency's own past
// dispositions. Contract only here; the model is built in this module.

/** Why a target is suggested: the evidence that weighed most, for the operator to judge. */
export interface RoutingReason {
  readonly kind: 'category' | 'location' | 'word';
  /** The category id, location text or word. */
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
