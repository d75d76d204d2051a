// The condition language authors write in a choice's `when:`. It is tokenised and
// parsed here by hand and interpreted over a plain AST, never run as code, so a
// course pack cannot execute anything. Grammar (lowest precedence first):
//
//   condition  := or
//   or         := and (('or' | '||') and)*
//   and        := not (('and' | '&&') not)*
//   not        := ('not' | '!') not | comparison
//   comparison := operand (('<' | '<=' | '>' | '>=' | '==' | '!=') operand)?
//   operand    := '-' operand | number | name | 'true' | 'false' | '(' or ')'
//
// Names are [A-Za-z_][A-Za-z0-9_]*. A hyphen is always minus, never part of a name:
// `trust-level` would otherwise be ambiguous with `trust - level`, so authors name
// variables with underscores. Comparisons do not chain (`1 < x < 3` is an error),
// `<` and friends take numbers, `and`/`or`/`not` take true-or-false values, and the
// whole condition must be true or false: a bare `trust` is rejected rather than
// silently meaning "trust is not zero".

/** Comparison operators of the condition language. */
export type ComparisonOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

/** A parsed condition. `offset` is the 0-based position in the source text. */
export type ConditionAst =
  | { kind: 'number'; value: number; offset: number }
  | { kind: 'boolean'; value: boolean; offset: number }
  | { kind: 'variable'; name: string; offset: number }
  | { kind: 'negate'; operand: ConditionAst; offset: number }
  | { kind: 'not'; operand: ConditionAst; offset: number }
  | { kind: 'compare'; op: ComparisonOp; left: ConditionAst; right: ConditionAst; offset: number }
  | { kind: 'and' | 'or'; operands: ConditionAst[]; offset: number };

/** Outcome of parsing: the AST, or one sentence and the 0-based offset where it went wrong. */
export type ParseConditionResult =
  | { ok: true; ast: ConditionAst }
  | { ok: false; message: string; offset: number };

/** Deepest nesting of parentheses, `not` and unary minus a condition may use. */
export const MAX_CONDITION_DEPTH = 32;
/** Longest condition accepted, in characters. */
export const MAX_CONDITION_LENGTH = 1000;

type TokenKind = 'number' | 'name' | 'op' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
  offset: number;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false']);
const COMPARISONS = new Set<string>(['<', '<=', '>', '>=', '==', '!=']);
const TWO_CHAR_OPS = new Set(['<=', '>=', '==', '!=', '&&', '||']);
const ONE_CHAR_OPS = new Set(['<', '>', '!', '(', ')', '-']);
// Operators from other languages and habits, and what the author most likely meant.
// Checked before the real operators, so `=>` is not read as `=` then `>`; longest first.
const MISTAKEN_OPS: ReadonlyArray<readonly [string, string]> = [
  ['===', '=='],
  ['!==', '!='],
  ['=>', '>='],
  ['=<', '<='],
  ['<>', '!='],
  ['=!', '!='],
];
// Typographic symbols, often pasted from a word processor.
const SYMBOLS = new Map([
  ['≥', '>='],
  ['≤', '<='],
  ['≠', '!='],
  ['＝', '=='],
  ['−', '-'],
  ['–', '-'],
]);

class ConditionError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isNameStart(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');
}

function isNamePart(c: string | undefined): boolean {
  return isNameStart(c) || isDigit(c);
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      while (isDigit(src[i])) i++;
      if (src[i] === '.') {
        i++;
        if (!isDigit(src[i])) throw new ConditionError(`expected a digit after the decimal point in '${src.slice(start, i)}'`, i);
        while (isDigit(src[i])) i++;
      }
      if (isNameStart(src[i])) throw new ConditionError(`a name cannot start with a digit: '${readWord(src, start)}'`, start);
      tokens.push({ kind: 'number', text: src.slice(start, i), offset: start });
      continue;
    }
    if (isNameStart(c)) {
      while (isNamePart(src[i])) i++;
      if (src[i] === '-' && isNameStart(src[i + 1])) {
        throw new ConditionError(
          `variable names cannot contain '-': write '${readWord(src, start).replace(/-/g, '_')}' and name the variable with '_'`,
          i,
        );
      }
      tokens.push({ kind: 'name', text: src.slice(start, i), offset: start });
      continue;
    }
    const two = src.slice(i, i + 2);
    const meant = MISTAKEN_OPS.find(([written]) => src.startsWith(written, i));
    if (meant) throw new ConditionError(`'${meant[0]}' is not an operator: did you mean '${meant[1]}'?`, start);
    if (TWO_CHAR_OPS.has(two)) {
      tokens.push({ kind: 'op', text: two, offset: start });
      i += 2;
      continue;
    }
    if (c !== undefined && ONE_CHAR_OPS.has(c)) {
      tokens.push({ kind: 'op', text: c, offset: start });
      i++;
      continue;
    }
    if (c === '=') throw new ConditionError("'=' is not an operator: use '==' to compare", start);
    if (c === '&' || c === '|') throw new ConditionError(`'${c}' is not an operator: use '${c}${c}' or '${c === '&' ? 'and' : 'or'}'`, start);
    const symbol = SYMBOLS.get(c ?? '');
    if (symbol) throw new ConditionError(`'${c}' is not an operator here: did you mean '${symbol}'?`, start);
    throw new ConditionError(`unexpected character '${c}'`, start);
  }
  tokens.push({ kind: 'end', text: '', offset: src.length });
  return tokens;
}

/** The run of name characters and hyphens starting at `start`, for messages. */
function readWord(src: string, start: number): string {
  let end = start;
  while (isNamePart(src[end]) || src[end] === '-') end++;
  return src.slice(start, end);
}

/** A hint for a token where 'and', 'or' or the end belongs: `AND` for `and`, or two conditions side by side. */
function keywordHint(token: Token): string {
  if (token.kind === 'name' && KEYWORDS.has(token.text.toLowerCase())) return ` (did you mean '${token.text.toLowerCase()}'? keywords are written in lower case)`;
  if (token.kind === 'name' || token.kind === 'number') return ": join two conditions with 'and' or 'or'";
  return '';
}

function describe(token: Token): string {
  return token.kind === 'end' ? 'the end of the condition' : `'${token.text}'`;
}

type ValueType = 'number' | 'boolean';
interface Typed {
  ast: ConditionAst;
  type: ValueType;
  /** Where the sub-expression starts, counting an opening parenthesis around it. */
  at?: number;
}

/** Recursive-descent parser over the token list; each rule returns a node and its type. */
class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseCondition(): ConditionAst {
    const result = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'end') {
      const before = this.tokens[this.pos - 1];
      if (before?.kind === 'name' && before.text.toLowerCase() === 'not' && before.text !== 'not') {
        throw new ConditionError(`'${before.text}' is read as a variable name here: did you mean 'not'? keywords are written in lower case`, before.offset);
      }
      const message =
        next.text === ')'
          ? "unexpected ')' with no matching '('"
          : `expected 'and', 'or' or the end of the condition, found ${describe(next)}${keywordHint(next)}`;
      throw new ConditionError(message, next.offset);
    }
    this.expectType(result, 'boolean', 'the condition must be true or false');
    return result.ast;
  }

  private peek(): Token {
    return this.tokens[this.pos] ?? this.tokens[this.tokens.length - 1]!;
  }

  private next(): Token {
    const token = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return token;
  }

  private isOp(...texts: string[]): boolean {
    const token = this.peek();
    return (token.kind === 'op' || token.kind === 'name') && texts.includes(token.text);
  }

  private enter(offset: number): void {
    if (++this.depth > MAX_CONDITION_DEPTH) {
      throw new ConditionError(`the condition nests deeper than ${MAX_CONDITION_DEPTH} levels`, offset);
    }
  }

  private expectType(value: Typed, type: ValueType, context: string): void {
    if (value.type === type) return;
    const subject = value.ast.kind === 'variable' ? `'${value.ast.name}'` : 'this';
    const found = value.type === 'number' ? 'a number' : 'a true-or-false value';
    const hint = type === 'boolean' ? `: compare it, e.g. '${value.ast.kind === 'variable' ? value.ast.name : 'trust'} >= 2'` : '';
    throw new ConditionError(`${context}, but ${subject} is ${found}${hint}`, value.at ?? value.ast.offset);
  }

  private parseOr(): Typed {
    return this.parseChain('or', ['or', '||'], () => this.parseAnd());
  }

  private parseAnd(): Typed {
    return this.parseChain('and', ['and', '&&'], () => this.parseNot());
  }

  /** Parses `item (op item)*` into one n-ary node, so long chains never recurse deeply. */
  private parseChain(kind: 'and' | 'or', ops: string[], item: () => Typed): Typed {
    const first = item();
    if (!this.isOp(...ops)) return first;
    const operands = [first];
    while (this.isOp(...ops)) {
      const op = this.next();
      if (this.peek().kind === 'end') {
        throw new ConditionError(`expected a condition after '${op.text}'`, this.peek().offset);
      }
      operands.push(item());
    }
    for (const operand of operands) this.expectType(operand, 'boolean', `'${kind}' joins true-or-false values`);
    return { ast: { kind, operands: operands.map((o) => o.ast), offset: first.ast.offset }, type: 'boolean' };
  }

  private parseNot(): Typed {
    if (!this.isOp('not', '!')) return this.parseComparison();
    const op = this.next();
    this.enter(op.offset);
    if (this.peek().kind === 'end') {
      throw new ConditionError(`expected a condition after '${op.text}'`, this.peek().offset);
    }
    const operand = this.parseNot();
    this.depth--;
    this.expectType(operand, 'boolean', `'${op.text}' takes a true-or-false value`);
    return { ast: { kind: 'not', operand: operand.ast, offset: op.offset }, type: 'boolean' };
  }

  private parseComparison(): Typed {
    const left = this.parseOperand(undefined);
    const token = this.peek();
    if (!(token.kind === 'op' && COMPARISONS.has(token.text))) return left;
    const op = this.next().text as ComparisonOp;
    const right = this.parseOperand(op);
    const after = this.peek();
    if (after.kind === 'op' && COMPARISONS.has(after.text)) {
      throw new ConditionError(
        `comparisons cannot be chained: join them with 'and', e.g. 'a < b and b < c'`,
        after.offset,
      );
    }
    if (op === '==' || op === '!=') {
      if (left.type !== right.type) {
        throw new ConditionError(`'${op}' compares a number with a true-or-false value`, token.offset);
      }
    } else {
      this.expectType(left, 'number', `'${op}' compares numbers`);
      this.expectType(right, 'number', `'${op}' compares numbers`);
    }
    return { ast: { kind: 'compare', op, left: left.ast, right: right.ast, offset: left.ast.offset }, type: 'boolean' };
  }

  /** `after` names the operator just read, so a missing operand's message says where. */
  private parseOperand(after: string | undefined): Typed {
    const token = this.peek();
    if (token.kind === 'number') {
      this.next();
      return { ast: { kind: 'number', value: Number(token.text), offset: token.offset }, type: 'number' };
    }
    if (token.kind === 'name' && !KEYWORDS.has(token.text)) {
      this.next();
      return { ast: { kind: 'variable', name: token.text, offset: token.offset }, type: 'number' };
    }
    if (token.kind === 'name' && (token.text === 'true' || token.text === 'false')) {
      this.next();
      return { ast: { kind: 'boolean', value: token.text === 'true', offset: token.offset }, type: 'boolean' };
    }
    if (token.kind === 'op' && token.text === '-') {
      this.next();
      this.enter(token.offset);
      const operand = this.parseOperand('-');
      this.depth--;
      this.expectType(operand, 'number', "'-' takes a number");
      return { ast: { kind: 'negate', operand: operand.ast, offset: token.offset }, type: 'number' };
    }
    if (token.kind === 'op' && token.text === '(') {
      this.next();
      this.enter(token.offset);
      if (this.isOp(')')) throw new ConditionError("expected a condition inside '()'", this.peek().offset);
      const inner = this.parseOr();
      this.depth--;
      const close = this.peek();
      if (!(close.kind === 'op' && close.text === ')')) {
        throw new ConditionError(`expected ')' to close '(', found ${describe(close)}`, close.offset);
      }
      this.next();
      return { ...inner, at: token.offset };
    }
    const where = after === undefined ? '' : ` after '${after}'`;
    throw new ConditionError(`expected a number or variable name${where}, found ${describe(token)}`, token.offset);
  }
}

/** Parses a condition; never throws, never evaluates code. */
export function parseCondition(src: string): ParseConditionResult {
  if (src.length > MAX_CONDITION_LENGTH) {
    return { ok: false, message: `the condition is longer than ${MAX_CONDITION_LENGTH} characters`, offset: MAX_CONDITION_LENGTH };
  }
  if (src.trim() === '') return { ok: false, message: 'the condition is empty', offset: 0 };
  try {
    return { ok: true, ast: new Parser(tokenize(src)).parseCondition() };
  } catch (error) {
    if (error instanceof ConditionError) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}

function numberOf(ast: ConditionAst, vars: Readonly<Record<string, number>>): number {
  switch (ast.kind) {
    case 'number':
      return ast.value;
    case 'variable':
      // Unknown names are reported by the static checks; at run time they read as 0.
      return Object.hasOwn(vars, ast.name) ? (vars[ast.name] ?? 0) : 0;
    case 'negate':
      return -numberOf(ast.operand, vars);
    default:
      return evaluateCondition(ast, vars) ? 1 : 0;
  }
}

/** Evaluates a parsed condition against variable values; unknown variables read as 0. */
export function evaluateCondition(ast: ConditionAst, vars: Readonly<Record<string, number>>): boolean {
  switch (ast.kind) {
    case 'boolean':
      return ast.value;
    case 'not':
      return !evaluateCondition(ast.operand, vars);
    case 'and':
      return ast.operands.every((o) => evaluateCondition(o, vars));
    case 'or':
      return ast.operands.some((o) => evaluateCondition(o, vars));
    case 'compare':
      return compare(ast, vars);
    default:
      return numberOf(ast, vars) !== 0;
  }
}

function compare(ast: Extract<ConditionAst, { kind: 'compare' }>, vars: Readonly<Record<string, number>>): boolean {
  const isBool = (a: ConditionAst) => a.kind === 'boolean' || a.kind === 'not' || a.kind === 'and' || a.kind === 'or' || a.kind === 'compare';
  if (isBool(ast.left) || isBool(ast.right)) {
    const l = evaluateCondition(ast.left, vars);
    const r = evaluateCondition(ast.right, vars);
    return ast.op === '==' ? l === r : l !== r;
  }
  const l = numberOf(ast.left, vars);
  const r = numberOf(ast.right, vars);
  switch (ast.op) {
    case '<':
      return l < r;
    case '<=':
      return l <= r;
    case '>':
      return l > r;
    case '>=':
      return l >= r;
    case '==':
      return l === r;
    case '!=':
      return l !== r;
  }
}

/** Every variable reference in a condition with its 0-based offset, in source order. */
export function conditionVariableRefs(ast: ConditionAst): { name: string; offset: number }[] {
  const refs: { name: string; offset: number }[] = [];
  const visit = (node: ConditionAst): void => {
    switch (node.kind) {
      case 'variable':
        refs.push({ name: node.name, offset: node.offset });
        return;
      case 'negate':
      case 'not':
        visit(node.operand);
        return;
      case 'compare':
        visit(node.left);
        visit(node.right);
        return;
      case 'and':
      case 'or':
        node.operands.forEach(visit);
        return;
      default:
        return;
    }
  };
  visit(ast);
  return refs.sort((a, b) => a.offset - b.offset);
}

/** The distinct variable names a condition reads, in order of first appearance. */
export function conditionVariables(ast: ConditionAst): string[] {
  return [...new Set(conditionVariableRefs(ast).map((r) => r.name))];
}

/** Prints a condition back as source, fully parenthesised where precedence needs it. */
export function printCondition(ast: ConditionAst): string {
  switch (ast.kind) {
    case 'number':
      return printNumber(ast.value);
    case 'boolean':
      return String(ast.value);
    case 'variable':
      return ast.name;
    case 'negate':
      return `-${printOperand(ast.operand)}`;
    case 'not':
      return `not ${printOperand(ast.operand)}`;
    case 'compare':
      return `${printOperand(ast.left)} ${ast.op} ${printOperand(ast.right)}`;
    case 'and':
    case 'or':
      return ast.operands.map(printOperand).join(` ${ast.kind} `);
  }
}

/** Plain decimal digits, since the language has no exponent notation. */
function printNumber(value: number): string {
  const text = String(value);
  if (!text.includes('e')) return text;
  return Number.isInteger(value) ? BigInt(value).toString() : value.toFixed(20).replace(/0+$/, '');
}

function printOperand(ast: ConditionAst): string {
  const simple = ast.kind === 'number' || ast.kind === 'boolean' || ast.kind === 'variable' || ast.kind === 'negate';
  return simple ? printCondition(ast) : `(${printCondition(ast)})`;
}
