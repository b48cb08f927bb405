import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import { truthy } from '@actions/expressions/result';
import {
  isBasicExpression,
  isBoolean,
  isMapping,
  isNumber,
  isSequence,
  isString,
} from '@actions/workflow-parser';
import { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';

/** `vars` and `secrets`: a read of an unset name is recorded (GitHub answers ''). */
class RecordingDictionary extends data.Dictionary {
  constructor(
    private readonly contextName: string,
    private readonly misses: Set<string>,
  ) {
    super();
  }

  get(key: string): data.ExpressionData | undefined {
    const value = super.get(key);
    if (value === undefined) this.misses.add(`${this.contextName}.${key}`);
    return value;
  }
}

/** A JSON-like value of a context, as the runner keeps it. */
export type Value =
  | string
  | number
  | boolean
  | null
  | Value[]
  | { [key: string]: Value };

/** The status functions of job and step conditions, as GitHub defines them where evaluated. */
export interface StatusFunctions {
  success(): boolean;
  failure(): boolean;
  cancelled(): boolean;
  always(): boolean;
}

/** Converts a plain value into the expression engine's data (dictionaries are case-insensitive). */
export function toData(value: unknown): data.ExpressionData {
  return JSON.parse(
    JSON.stringify(value ?? null),
    data.reviver,
  ) as data.ExpressionData;
}

/** Converts the expression engine's data into a plain value. */
export function fromData(value: data.ExpressionData): Value {
  switch (value.kind) {
    case data.Kind.Null:
      return null;
    case data.Kind.Boolean:
      return (value as data.BooleanData).value;
    case data.Kind.Number:
      return (value as data.NumberData).value;
    case data.Kind.String:
      return (value as data.StringData).value;
    case data.Kind.Array:
      return (value as data.Array).values().map(fromData);
    default:
      return Object.fromEntries(
        (value as data.Dictionary)
          .pairs()
          .map(({ key, value: v }) => [key, fromData(v)]),
      );
  }
}

/**
 * A value as GitHub turns an expression result into a string (env values, action inputs, `run`):
 * null is empty, booleans and numbers are their text, objects and arrays their JSON.
 */
export function asString(value: Value | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value, null, 2);
  return String(value);
}

/**
 * Evaluates `${{ }}` expressions of a workflow with GitHub's own expression engine
 * (`@actions/expressions`) against the contexts the runner provides where the expression sits:
 * a job's `if` sees github, needs, vars and inputs; a step sees also env, matrix, steps, job and
 * runner. Referencing a context the place does not provide fails, as on GitHub.
 */
export class Expressions {
  /** `vars.X` and `secrets.X` the workflow read that were not set (GitHub gives ''). */
  readonly missing = new Set<string>();

  constructor(
    private readonly contexts: Record<string, unknown>,
    private readonly status: StatusFunctions,
  ) {}

  /** Evaluates one expression (without `${{ }}`). */
  evaluate(expression: string): Value {
    const lexed = new Lexer(expression).lex();
    const functions = [
      ...(['success', 'failure', 'cancelled', 'always'] as const).map(name => ({
        name,
        minArgs: 0,
        maxArgs: 0,
        call: () => new data.BooleanData(this.status[name]()),
      })),
    ];
    const names = Object.keys(this.contexts);
    const parsed = new Parser(lexed.tokens, names, functions).parse();
    const root = new data.Dictionary();
    for (const [name, value] of Object.entries(this.contexts)) {
      if (name === 'vars' || name === 'secrets') {
        const recording = new RecordingDictionary(name, this.missing);
        for (const [k, v] of Object.entries(
          (value ?? {}) as Record<string, unknown>,
        )) {
          recording.add(k, toData(v));
        }
        root.add(name, recording);
      } else {
        root.add(name, toData(value));
      }
    }
    const result = new Evaluator(
      parsed,
      root,
      new Map(functions.map(f => [f.name, f])),
    ).evaluate();
    return fromData(result);
  }

  /** A condition (`if`), already made a full expression by the parser (`success() && (...)`). */
  condition(token: TemplateToken | undefined): boolean {
    if (!token) return this.status.success();
    if (isBasicExpression(token)) {
      return truthy(toData(this.evaluate(token.expression)));
    }
    return truthy(toData(this.token(token)));
  }

  /** Evaluates a template token (mapping, sequence, scalar or expression) into a plain value. */
  token(token: TemplateToken | undefined): Value {
    if (!token) return null;
    if (isBasicExpression(token)) return this.evaluate(token.expression);
    if (isString(token)) return token.value;
    if (isNumber(token)) return token.value;
    if (isBoolean(token)) return token.value;
    if (isSequence(token)) {
      const out: Value[] = [];
      for (let i = 0; i < token.count; i++) out.push(this.token(token.get(i)));
      return out;
    }
    if (isMapping(token)) {
      const out: Record<string, Value> = {};
      for (const { key, value } of token) {
        out[asString(this.token(key))] = this.token(value);
      }
      return out;
    }
    if (token.isLiteral) return null; // the null token
    throw new Error(
      `golden-path runner: cannot evaluate a ${token.typeName()} token (line ${
        token.line
      })`,
    );
  }

  /** A mapping of strings (env, with, outputs), each value evaluated and made a string. */
  strings(token: TemplateToken | undefined): Record<string, string> {
    const value = this.token(token);
    if (value === null) return {};
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new Error(
        `golden-path runner: expected a mapping, got ${JSON.stringify(value)}`,
      );
    }
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, asString(v)]),
    );
  }
}
