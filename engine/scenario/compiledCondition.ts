// Conditions prepared for the reachability search: as closures over an array of
// tracked values (called many thousands of times), and evaluated over a range of
// values per variable (is it always, never or sometimes true there?). Both read the
// AST; neither generates code.

import type { ConditionAst } from './conditions';

/**
 * Turns a condition into closures over the tracked values array, which the search
 * calls many thousands of times; it is the AST interpreted once, not code generated.
 */
export function compileCondition(ast: ConditionAst, tracked: string[]): (values: number[]) => boolean {
  const bool = (node: ConditionAst): ((v: number[]) => boolean) => {
    switch (node.kind) {
      case 'boolean': {
        const value = node.value;
        return () => value;
      }
      case 'not': {
        const operand = bool(node.operand);
        return (v) => !operand(v);
      }
      case 'and': {
        const operands = node.operands.map(bool);
        return (v) => operands.every((o) => o(v));
      }
      case 'or': {
        const operands = node.operands.map(bool);
        return (v) => operands.some((o) => o(v));
      }
      case 'compare':
        return compare(node);
      default: {
        const value = num(node);
        return (v) => value(v) !== 0;
      }
    }
  };
  const num = (node: ConditionAst): ((v: number[]) => number) => {
    switch (node.kind) {
      case 'number': {
        const value = node.value;
        return () => value;
      }
      case 'variable': {
        const index = tracked.indexOf(node.name);
        return index < 0 ? () => 0 : (v) => v[index]!;
      }
      case 'negate': {
        const operand = num(node.operand);
        return (v) => -operand(v);
      }
      default: {
        const value = bool(node);
        return (v) => (value(v) ? 1 : 0);
      }
    }
  };
  const compare = (node: Extract<ConditionAst, { kind: 'compare' }>): ((v: number[]) => boolean) => {
    const l = num(node.left);
    const r = num(node.right);
    switch (node.op) {
      case '<':
        return (v) => l(v) < r(v);
      case '<=':
        return (v) => l(v) <= r(v);
      case '>':
        return (v) => l(v) > r(v);
      case '>=':
        return (v) => l(v) >= r(v);
      case '==':
        return (v) => l(v) === r(v);
      case '!=':
        return (v) => l(v) !== r(v);
    }
  };
  return bool(ast);
}

/** Whether a condition holds everywhere, nowhere or somewhere in a box of values. */
export type Truth = 'always' | 'never' | 'maybe';

interface Range {
  lo: number;
  hi: number;
}

/**
 * Evaluates a condition over ranges of the tracked variables (lo[i]..hi[i]); the answer
 * is sound: 'never' means no values in the ranges make it true.
 */
export function conditionOverRanges(ast: ConditionAst, tracked: string[], lo: number[], hi: number[]): Truth {
  const range = (node: ConditionAst): Range => {
    switch (node.kind) {
      case 'number':
        return { lo: node.value, hi: node.value };
      case 'variable': {
        const i = tracked.indexOf(node.name);
        return i < 0 ? { lo: 0, hi: 0 } : { lo: lo[i]!, hi: hi[i]! };
      }
      case 'negate': {
        const r = range(node.operand);
        return { lo: -r.hi, hi: -r.lo };
      }
      default: {
        const t = truth(node);
        return t === 'always' ? { lo: 1, hi: 1 } : t === 'never' ? { lo: 0, hi: 0 } : { lo: 0, hi: 1 };
      }
    }
  };
  const truth = (node: ConditionAst): Truth => {
    switch (node.kind) {
      case 'boolean':
        return node.value ? 'always' : 'never';
      case 'not': {
        const t = truth(node.operand);
        return t === 'always' ? 'never' : t === 'never' ? 'always' : 'maybe';
      }
      case 'and': {
        const ts = node.operands.map(truth);
        return ts.includes('never') ? 'never' : ts.every((t) => t === 'always') ? 'always' : 'maybe';
      }
      case 'or': {
        const ts = node.operands.map(truth);
        return ts.includes('always') ? 'always' : ts.every((t) => t === 'never') ? 'never' : 'maybe';
      }
      case 'compare':
        return compareRanges(node.op, range(node.left), range(node.right));
      default: {
        const r = range(node);
        return r.lo === 0 && r.hi === 0 ? 'never' : r.lo > 0 || r.hi < 0 ? 'always' : 'maybe';
      }
    }
  };
  return truth(ast);
}

function compareRanges(op: Extract<ConditionAst, { kind: 'compare' }>['op'], l: Range, r: Range): Truth {
  const decide = (always: boolean, never: boolean): Truth => (always ? 'always' : never ? 'never' : 'maybe');
  switch (op) {
    case '<':
      return decide(l.hi < r.lo, l.lo >= r.hi);
    case '<=':
      return decide(l.hi <= r.lo, l.lo > r.hi);
    case '>':
      return decide(l.lo > r.hi, l.hi <= r.lo);
    case '>=':
      return decide(l.lo >= r.hi, l.hi < r.lo);
    case '==':
      return decide(l.lo === l.hi && r.lo === r.hi && l.lo === r.lo, l.hi < r.lo || r.hi < l.lo);
    case '!=':
      return decide(l.hi < r.lo || r.hi < l.lo, l.lo === l.hi && r.lo === r.hi && l.lo === r.lo);
  }
}
