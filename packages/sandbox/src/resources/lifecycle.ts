/**
 * A record's life cycle as data: for each step, the states it may start from, and what a refused
 * step answers (the 4xx and its message) from any other state. Handlers and controls ask the
 * table (`lifecycle.check`) instead of each testing timestamps their own way.
 */
import type { ApiError } from '../internal/errors.js';

export interface Transition<R, S extends string> {
  from: readonly S[];
  /** The refusal when the record is in `state`, a state not in `from`. */
  refuse(record: R, state: S): ApiError;
}

export interface Lifecycle<R, S extends string, Step extends string> {
  readonly stateOf: (record: R) => S;
  readonly transitions: Readonly<Record<Step, Transition<R, S>>>;
  /** Throws the step's refusal unless `record` is in one of the states `step` may start from. */
  check(record: R, step: Step): void;
}

export function lifecycle<R, S extends string, Step extends string>(stateOf: (record: R) => S, transitions: Record<Step, Transition<R, S>>): Lifecycle<R, S, Step> {
  return {
    stateOf,
    transitions,
    check(record, step) {
      const state = stateOf(record);
      const transition = transitions[step];
      if (!transition.from.includes(state)) throw transition.refuse(record, state);
    },
  };
}
