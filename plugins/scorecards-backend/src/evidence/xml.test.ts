import { InputError } from '@backstage/errors';
import { readXml, XmlFormat } from './xml';

const FORMAT: XmlFormat = { label: 'Test XML', roots: ['root'] };

/** Reads a document and returns its elements as `name@line` and its text. */
function read(body: string): { elements: string[]; text: string } {
  const elements: string[] = [];
  let text = '';
  readXml(body, FORMAT, {
    open: (element, ancestors) =>
      elements.push(
        `${'>'.repeat(ancestors.length)}${element.name}@${element.line}`,
      ),
    text: t => {
      text += t;
    },
  });
  return { elements, text };
}

describe('readXml', () => {
  it('reports elements with their depth and line, and text with CDATA', () => {
    expect(
      read(
        '<?xml version="1.0"?>\n<root>\n  <a>x<![CDATA[<y>]]></a>\n  <b/>\n</root>\n',
      ),
    ).toEqual({
      elements: ['root@2', '>a@3', '>b@4'],
      text: '\n  x<y>\n  \n',
    });
  });

  it('accepts a byte order mark, the predefined entities and character references', () => {
    expect(
      read('\uFEFF<root>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;</root>').text,
    ).toBe('<>&"\'AB');
  });

  it('ignores a DOCTYPE that only names an external DTD, and never fetches it', () => {
    expect(
      read(
        '<?xml version="1.0"?>\n<!DOCTYPE root SYSTEM "http://127.0.0.1:9/never-fetched.dtd">\n<root/>',
      ).elements,
    ).toEqual(['root@3']);
    expect(
      read(
        '<!DOCTYPE root PUBLIC "-//Acme//DTD Root 1.0//EN" "http://127.0.0.1:9/root.dtd"><root/>',
      ).elements,
    ).toEqual(['root@1']);
    // A bracket inside a quoted identifier is not an internal subset.
    expect(read('<!DOCTYPE root SYSTEM "urn:x:[v1]"><root/>').elements).toEqual(
      ['root@1'],
    );
  });

  it('refuses entity declarations, so nothing can be expanded', () => {
    const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE root [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<root>&lol3;</root>`;
    expect(() => read(billionLaughs)).toThrow(
      new InputError(
        'Test XML declares entities (<!ENTITY ...>), which Waybill refuses',
      ),
    );
    const externalEntity =
      '<!DOCTYPE root [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><root>&xxe;</root>';
    expect(() => read(externalEntity)).toThrow(
      /declares entities \(<!ENTITY \.\.\.>\)/,
    );
    const parameterEntity =
      '<!DOCTYPE root [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]><root/>';
    expect(() => read(parameterEntity)).toThrow(/declares entities/);
  });

  it('refuses any internal DTD subset', () => {
    expect(() => read('<!DOCTYPE root [<!ELEMENT root ANY>]><root/>')).toThrow(
      /^Test XML declares entities or other markup in an internal DTD subset/,
    );
  });

  it('refuses references to undefined entities instead of expanding them', () => {
    expect(() => read('<root>\n  <a>&nbsp;</a>\n</root>')).toThrow(
      /^Test XML is not well-formed XML at line 2, column \d+: reference to an undefined entity/,
    );
    expect(() => read('<root a="&xxe;"/>')).toThrow(/undefined entity/);
  });

  it('turns every saxes error into an InputError with the position', () => {
    expect(() => read('<root>\n<a></b>\n</root>')).toThrow(
      /^Test XML is not well-formed XML at line 2, column \d+: unexpected close tag\./,
    );
    expect(() => read('<root/>trailing')).toThrow(
      /^Test XML is not well-formed XML at line 1/,
    );
    expect(() => read('<root a="1" a="2"/>')).toThrow(InputError);
    expect(() => read('<root>&#0;</root>')).toThrow(InputError);
  });

  it('refuses the wrong root, an empty document and a truncated one', () => {
    expect(() => read('<other/>')).toThrow(
      new InputError('not Test XML: root element is <other>'),
    );
    expect(() => read('')).toThrow(
      new InputError('Test XML has no root element'),
    );
    expect(() => read('<?xml version="1.0"?>\n<!-- nothing -->\n')).toThrow(
      new InputError('Test XML has no root element'),
    );
    expect(() => read('<root>\n  <a>\n    <b attr="x')).toThrow(
      new InputError('Test XML is truncated: unclosed <a> at line 2'),
    );
  });
});
