import { InputError } from '@backstage/errors';
import { CoverageFacts } from '@waybill/plugin-scorecards-common';
import {
  CoverageCounts,
  emptyCoverageCounts,
  parseCount,
  toCoverageFacts,
} from './coverage';
import { describeValue } from './text';
import { readXml, XmlElement, XmlFormat } from './xml';

const COBERTURA: XmlFormat = { label: 'Cobertura XML', roots: ['coverage'] };

/**
 * Parses Cobertura XML (coverage.py, istanbul/jest, gcovr, JaCoCo converters, Cobertura itself).
 * Counts come from the `<line>` elements of each `<class>`; the root's summary attributes are
 * used only by a summary-only report that lists no lines.
 */
export function parseCobertura(body: string): CoverageFacts {
  const counted = emptyCoverageCounts();
  let sawLine = false;
  let root: XmlElement | undefined;

  readXml(body, COBERTURA, {
    open(element, ancestors) {
      const depth = ancestors.length;
      if (depth === 0) {
        root = element;
        return;
      }
      // A class repeats its lines under <methods>; only the class's own <lines> count.
      if (
        element.name !== 'line' ||
        ancestors[depth - 1].name !== 'lines' ||
        ancestors[depth - 2]?.name !== 'class'
      ) {
        return;
      }
      sawLine = true;
      counted.linesValid++;
      if (parseHits(element) > 0) {
        counted.linesCovered++;
      }
      const conditions = element.attributes['condition-coverage'];
      if (element.attributes.branch === 'true' && conditions !== undefined) {
        const [covered, valid] = parseConditionCoverage(conditions, element);
        counted.branchesCovered += covered;
        counted.branchesValid += valid;
      }
    },
  });

  return toCoverageFacts(
    'cobertura',
    root && !sawLine ? summaryCounts(root) : counted,
    COBERTURA.label,
  );
}

function parseHits(line: XmlElement): number {
  const hits = line.attributes.hits?.trim();
  const value = Number(hits);
  if (!hits || !(value >= 0)) {
    throw new InputError(
      `Cobertura XML has a <line> with invalid hits ${describeValue(
        hits,
      )} at line ${line.line}`,
    );
  }
  return value;
}

/** Reads `50% (1/2)` as `[1, 2]`: the counts in parentheses, not the rounded percentage. */
function parseConditionCoverage(
  text: string,
  line: XmlElement,
): [number, number] {
  const open = text.indexOf('(');
  const slash = text.indexOf('/', open);
  const close = text.indexOf(')', slash);
  const covered =
    open < 0 ? undefined : parseCount(text.slice(open + 1, slash).trim());
  const valid =
    slash < 0 ? undefined : parseCount(text.slice(slash + 1, close).trim());
  if (
    close < 0 ||
    covered === undefined ||
    valid === undefined ||
    covered > valid
  ) {
    throw new InputError(
      `Cobertura XML has an invalid condition-coverage ${describeValue(
        text,
      )} at line ${line.line}`,
    );
  }
  return [covered, valid];
}

/** The root's own totals, for a report that lists no lines. */
function summaryCounts(root: XmlElement): CoverageCounts {
  const count = (name: string): number => {
    const text = root.attributes[name];
    if (text === undefined) {
      return 0;
    }
    const value = parseCount(text.trim());
    if (value === undefined) {
      throw new InputError(
        `Cobertura XML has an invalid ${name} ${describeValue(
          text,
        )} on <coverage>`,
      );
    }
    return value;
  };
  return {
    linesCovered: count('lines-covered'),
    linesValid: count('lines-valid'),
    branchesCovered: count('branches-covered'),
    branchesValid: count('branches-valid'),
  };
}
