// Test instrumentation, off unless a test asks: a test sets window.__neuronsTiming = [] before
// the page loads, and the Neurons view appends { event, ms, at, ... } entries to it. Bounded, so
// a long session cannot grow it without end; users never carry it.

const limit = 500;

/** Appends an entry when a test asked for timings; `at` is performance.now() when it happened. */
export function note(event, details) {
    const sink = globalThis.__neuronsTiming;
    if (!Array.isArray(sink)) return;
    if (sink.length >= limit) sink.splice(0, sink.length - limit + 1);
    sink.push({ event, at: performance.now(), ...details });
}

/** Notes `event` once the browser has painted the next frame, ms counted from `since` (performance.now() clock). */
export function noteFrame(event, since, details) {
    if (!Array.isArray(globalThis.__neuronsTiming)) return;
    requestAnimationFrame(() => setTimeout(() => note(event, { ms: performance.now() - since, ...details })));
}
