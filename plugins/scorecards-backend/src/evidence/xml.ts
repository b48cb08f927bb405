import { InputError } from '@backstage/errors';
import { SaxesParser } from 'saxes';

/** An element as {@link readXml} reports it. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Line of the start tag, for error messages. */
  readonly line: number;
}

/** What a format parser does with the elements and text of a document, in document order. */
export interface XmlVisitor {
  /** An element opens; `ancestors` are the elements open around it, the root first. */
  open(element: XmlElement, ancestors: readonly XmlElement[]): void;
  /** The innermost open element closes. */
  close?(element: XmlElement, ancestors: readonly XmlElement[]): void;
  /** Character data or a CDATA section inside the innermost open element. */
  text?(text: string): void;
}

/** The XML format a parser expects: its name for messages and the root elements it accepts. */
export interface XmlFormat {
  label: string;
  roots: readonly string[];
}

/**
 * Reads `body` as one XML document of `format`, in a single streaming pass, and hands its
 * elements to `visitor`. Every problem becomes an InputError naming the format and the place.
 *
 * Waybill never expands or fetches anything: a DOCTYPE that only names an external DTD is
 * ignored, a DOCTYPE with an internal subset is refused (it is where entities are declared),
 * and saxes itself rejects references to any entity but the five predefined ones.
 */
export function readXml(
  body: string,
  format: XmlFormat,
  visitor: XmlVisitor,
): void {
  const { label, roots } = format;
  const parser = new SaxesParser<{ xmlns: false }>({ xmlns: false });
  const open: XmlElement[] = [];
  let sawRoot = false;
  let tagLine = 1;

  parser.on('error', error => {
    throw new InputError(
      `${label} is not well-formed XML at line ${parser.line}, column ${
        parser.column
      }: ${saxesReason(error)}`,
    );
  });
  parser.on('doctype', doctype => refuseInternalSubset(label, doctype));
  parser.on('opentagstart', () => {
    tagLine = parser.line;
  });
  parser.on('opentag', tag => {
    if (!sawRoot && !roots.includes(tag.name)) {
      throw new InputError(`not ${label}: root element is <${tag.name}>`);
    }
    sawRoot = true;
    const element: XmlElement = {
      name: tag.name,
      attributes: tag.attributes,
      line: tagLine,
    };
    visitor.open(element, open);
    open.push(element);
  });
  parser.on('closetag', () => {
    const element = open.pop();
    if (element) {
      visitor.close?.(element, open);
    }
  });
  if (visitor.text) {
    // Only text inside the root: saxes also reports the white space around it.
    const onText = (text: string) => {
      if (open.length > 0) {
        visitor.text?.(text);
      }
    };
    parser.on('text', onText);
    parser.on('cdata', onText);
  }

  parser.write(body);
  // Checked before close() so that a cut-off upload gets a message saying so, not saxes' list.
  const innermost = open[open.length - 1];
  if (innermost) {
    throw new InputError(
      `${label} is truncated: unclosed <${innermost.name}> at line ${innermost.line}`,
    );
  }
  if (!sawRoot) {
    throw new InputError(`${label} has no root element`);
  }
  parser.close();
}

/** saxes prefixes its messages with `line:column: `, which Waybill words itself. */
function saxesReason(error: Error): string {
  const reason = error.message.slice(error.message.indexOf(': ') + 2);
  return reason === 'undefined entity.'
    ? 'reference to an undefined entity (only &amp; &lt; &gt; &quot; &apos; and character references are allowed)'
    : reason;
}

/** A DOCTYPE is harmless as a name and an external identifier, which saxes never fetches. */
function refuseInternalSubset(label: string, doctype: string): void {
  if (!hasInternalSubset(doctype)) {
    return;
  }
  throw new InputError(
    doctype.includes('<!ENTITY')
      ? `${label} declares entities (<!ENTITY ...>), which Waybill refuses`
      : `${label} declares entities or other markup in an internal DTD subset (<!DOCTYPE ... [ ]>), which Waybill refuses`,
  );
}

/** Whether the DOCTYPE text has a `[` outside its quoted identifiers. */
function hasInternalSubset(doctype: string): boolean {
  let quote: string | undefined;
  for (const char of doctype) {
    if (quote !== undefined) {
      if (char === quote) {
        quote = undefined;
      }
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '[') {
      return true;
    }
  }
  return false;
}
