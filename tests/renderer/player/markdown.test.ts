import { describe, expect, it } from 'vitest';
import { termForms } from '../../../engine/course/textLinks';
import { hasTopHeading, renderInlineMarkdown, renderMarkdown, resolveAssetUrl } from '../../../renderer/player/markdown';

describe('renderMarkdown', () => {
  it('resolves a relative image path against the asset base and keeps its alt text', () => {
    const html = renderMarkdown('![A chart of the gap](modules/gap/media/gradient.svg)', 'hcs-asset://course/');
    expect(html).toContain('src="hcs-asset://course/modules/gap/media/gradient.svg"');
    expect(html).toContain('alt="A chart of the gap"');
  });

  it('opens external links in a new window that cannot reach back to the course', () => {
    const html = renderMarkdown('[manifesto](https://example.org/m)', '');
    expect(html).toContain('target="_blank"');
    expect(html).toContain('rel="noopener noreferrer"');
  });

  it('leaves links inside the course in the same window', () => {
    expect(renderMarkdown('[next](02-next.md)', '')).not.toContain('target=');
  });

  it('shows raw HTML as text instead of rendering it', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>', '');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('refuses javascript: links', () => {
    expect(renderMarkdown('[x](javascript:alert(1))', '')).not.toContain('href="javascript');
  });

  it('keeps headings in the order written', () => {
    const html = renderMarkdown('# One\n\n## Two\n\n### Three', '');
    expect(html.indexOf('<h1>')).toBeLessThan(html.indexOf('<h2>'));
    expect(html.indexOf('<h2>')).toBeLessThan(html.indexOf('<h3>'));
  });
});

describe('resolveAssetUrl', () => {
  it('resolves . and .. inside the path', () => {
    expect(resolveAssetUrl('./media/../media/a.png', 'base/')).toBe('base/media/a.png');
  });

  it('never climbs above the asset base', () => {
    expect(resolveAssetUrl('../../../etc/passwd', 'hcs-asset://course/')).toBe('hcs-asset://course/etc/passwd');
  });

  it('leaves absolute URLs alone', () => {
    expect(resolveAssetUrl('https://example.org/a.png', 'base/')).toBe('https://example.org/a.png');
    expect(resolveAssetUrl('data:image/png;base64,AAAA', 'base/')).toBe('data:image/png;base64,AAAA');
  });

  it('adds the missing slash to a base without one', () => {
    expect(resolveAssetUrl('a.png', 'base')).toBe('base/a.png');
  });
});

describe('hasTopHeading', () => {
  it('finds a level-1 heading anywhere and ignores lower ones', () => {
    expect(hasTopHeading('text\n\n# Title')).toBe(true);
    expect(hasTopHeading('## Section')).toBe(false);
  });
});

describe('citations and glossary terms', () => {
  const links = () => ({
    citations: new Map([
      ['A Manifesto for Health Creation', 'manifesto'],
      ['Our values', 'hca-values'],
    ]),
    terms: [termForms('Health Creation'), termForms('The 3Cs'), termForms('Integrated Care Board (ICB)'), termForms('Directed Enhanced Service (DES)')],
  });

  it('links an italic title a reference is cited by to that reference, and no other italics', () => {
    const html = renderMarkdown('Creating health (*A Manifesto for Health Creation*, New NHS Alliance) is *not* treating illness.', '', links());
    expect(html).toContain('<a href="#reference-manifesto" class="hcs-cite" data-reference="manifesto"><em>A Manifesto for Health Creation</em></a>');
    expect(html).toContain('<em>not</em>');
    expect(html.match(/hcs-cite/g)).toHaveLength(1);
  });

  it('marks a glossary term at its first use only, in any case, keeping the words as written', () => {
    const html = renderMarkdown('health creation starts here. Health Creation again, and the 3Cs.', '', links());
    expect(html).toContain('<a href="#term-health-creation" class="hcs-term" data-term="health-creation">health creation</a>');
    expect(html.match(/data-term="health-creation"/g)).toHaveLength(1);
    expect(html).toContain('data-term="the-3cs">the 3Cs</a>');
  });

  it('marks a term once across the blocks of one lesson when they share what was marked', () => {
    const shared = { ...links(), marked: new Set<string>() };
    expect(renderMarkdown('Health Creation first.', '', shared)).toContain('hcs-term');
    expect(renderMarkdown('Health Creation later.', '', shared)).not.toContain('hcs-term');
  });

  it('finds a term by its words without the abbreviation, and by the abbreviation in capitals only', () => {
    expect(renderMarkdown('Each Integrated Care Board decides.', '', links())).toContain('data-term="integrated-care-board-icb">Integrated Care Board</a>');
    expect(renderMarkdown('The ICB decides.', '', links())).toContain('data-term="integrated-care-board-icb">ICB</a>');
    // "des" in ordinary words is not the Directed Enhanced Service.
    expect(renderMarkdown('Les plans des services.', '', links())).not.toContain('hcs-term');
  });

  it('leaves headings, links and citations alone, and never matches inside a longer word', () => {
    const html = renderMarkdown('# Health Creation\n\n[Health Creation](https://example.org) and *A Manifesto for Health Creation*; HealthCreationism.', '', links());
    expect(html).not.toContain('hcs-term');
  });

  it('does not mark a term inside the name of a publisher or document, but does mark a name that is exactly the term', () => {
    const protect = ['The Health Creation Alliance', 'Health Creation'];
    const html = renderMarkdown('The Health Creation Alliance says so. Later, Health Creation itself.', '', { ...links(), protect });
    expect(html).toContain('The Health Creation Alliance says so');
    expect(html).toContain('<a href="#term-health-creation" class="hcs-term" data-term="health-creation">Health Creation</a> itself');
  });

  it('stays plain text without links to make', () => {
    const html = renderMarkdown('Health Creation (*A Manifesto for Health Creation*).', '');
    expect(html).not.toContain('hcs-term');
    expect(html).not.toContain('hcs-cite');
  });
});

describe('renderInlineMarkdown', () => {
  it('renders emphasis, strong text and links in one line, with no paragraph around them', () => {
    expect(renderInlineMarkdown('Which *two* of these are **right**? See [the manifesto](https://example.org).')).toBe(
      'Which <em>two</em> of these are <strong>right</strong>? See <a href="https://example.org" target="_blank" rel="noopener noreferrer">the manifesto</a>.',
    );
  });

  it('sanitises as lessons are: no raw HTML, no javascript: links', () => {
    const html = renderInlineMarkdown('<img src=x onerror=alert(1)> [x](javascript:alert(1))');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript');
  });
});
