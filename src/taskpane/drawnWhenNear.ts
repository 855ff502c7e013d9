/**
 * The style of an item of a long list (findings, row issues): the browser lays out and paints it only when it is
 * near the screen. A check's hundred findings arrive at once, mostly below the fold, and laying them all out in
 * one frame held the page's thread; the items stay in the page for keyboards, screen readers and find-in-page.
 * `auto` remembers an item's real height once drawn, so the scroll bar settles.
 */
export const drawnWhenNear = { contentVisibility: 'auto', containIntrinsicSize: 'auto 120px' } as const;
