import { describe, expect, it } from 'vitest';
import { hasTopHeading, renderMarkdown, resolveAssetUrl } from '../../../renderer/player/markdown';

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
