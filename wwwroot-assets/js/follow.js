// Keeps a scrolling list pinned to its newest entry while the reader is at the bottom; once they
// scroll up to read older entries, new ones no longer pull the view away.

const pinned = new WeakMap();

export function follow(element) {
    if (!element || pinned.has(element)) return;
    pinned.set(element, true);
    element.addEventListener("scroll", () => {
        pinned.set(element, element.scrollHeight - element.scrollTop - element.clientHeight < 24);
    });
    new MutationObserver(() => {
        if (pinned.get(element)) element.scrollTop = element.scrollHeight;
    }).observe(element, { childList: true, subtree: true });
    element.scrollTop = element.scrollHeight;
}
