/**
 * Lesson HTML is rendered from Markdown at build time; before it reaches `{@html}` it goes through
 * DOMPurify here, so a lesson file (or anything that ends up in one) cannot run script in the page.
 * Its own DOMPurify instance, so the hooks below touch no one else's sanitizing.
 */
import createDOMPurify from 'dompurify';

const purify = createDOMPurify(window);

purify.addHook('afterSanitizeAttributes', (node) => {
  // Links to other sites (RFCs) must not get a handle on this page, nor learn where the reader was.
  if (node.tagName === 'A' && /^https?:/i.test(node.getAttribute('href') ?? '')) {
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

const HTML_ONLY = { USE_PROFILES: { html: true } } as const;

/** Sanitized inline HTML (prompts, options, hints, explanations). */
export function safeInline(html: string): string {
  return purify.sanitize(html, HTML_ONLY);
}

/**
 * Sanitized block HTML (prose), with each table wrapped in a box that scrolls sideways on a phone
 * instead of making the whole page scroll.
 */
export function safeProse(html: string): string {
  const fragment = purify.sanitize(html, { ...HTML_ONLY, RETURN_DOM_FRAGMENT: true });
  for (const table of Array.from(fragment.querySelectorAll('table'))) {
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    table.replaceWith(wrap);
    wrap.append(table);
  }
  const holder = document.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}
