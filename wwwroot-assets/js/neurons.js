// The Neurons page's text view: the text as one <span> per character, coloured by one cell.
// The browser fetches each recording's data once, in compact binary form (see the server's
// ActivationEncoding): the text, the next-symbol guesses, and per (layer, kind) a uint8 array
// [characters × units] with per-unit ranges. Switching cells only rewrites each span's
// background from a 256-entry lookup table; Blazor never re-renders the characters.
// Text is always set with textContent: it is data, never HTML. Fetching and decoding live in
// neurons-store.js; every constant (palette, mappings, glyphs, scales) comes in the metadata.

import { showHover, hoverHint } from "./neurons-hover.js";
import { lookupTable } from "./neurons-data.js";
import { createStore, arrayKey } from "./neurons-store.js";
import { drawOverview, cellAt, markUnit } from "./neurons-overview.js";
import { note } from "./neurons-timing.js";

const views = new WeakMap();
const keySteps = { j: 1, ArrowRight: 1, k: -1, ArrowLeft: -1 };
let activeView = null; // the view j / k act on

// One span per character (whitespace shown as faint marks), one block per line, built
// detached from the page. Lines are content-visibility: auto, so the browser lays out and
// paints only the lines in view: the first paint and each recolour stay cheap for long texts.
function buildSpans(symbols, glyphs) {
    const fragment = document.createDocumentFragment();
    const spans = new Array(symbols.length);
    let line = null;
    for (let i = 0; i < symbols.length; i++) {
        if (line === null) {
            line = document.createElement("div");
            line.className = "line";
            fragment.appendChild(line);
        }
        const span = document.createElement("span");
        const mark = glyphs[symbols[i]];
        if (mark) span.className = "ws";
        span.textContent = mark === undefined ? symbols[i] : symbols[i] === "\t" ? mark + "\t" : mark;
        span.neuronIndex = i;
        spans[i] = span;
        line.appendChild(span);
        if (symbols[i] === "\n") line = null;
    }
    return { fragment, spans };
}

const cellKey = ({ layer, kind, unit }) => `${layer}/${kind}/${unit}`;

function paint(state) {
    const started = performance.now();
    const { layer, kind, unit } = state.selection;
    const block = state.store.loaded(layer, kind);
    const mapping = state.store.mapping(kind);
    const table = lookupTable(block, unit, mapping, state.meta.palette);
    const { q, columns } = block;
    const spans = state.spans;
    for (let i = 0; i < spans.length; i++) spans[i].style.backgroundColor = table[q[i * columns + unit]];
    state.painted = cellKey(state.selection);
    note("recolour", { ms: performance.now() - started, cell: state.painted });
    state.element.dataset.selected = state.painted;
    showOverview(state, block, mapping);
}

// The cells × characters heatmap of the selected layer and kind, redrawn only when those change.
function showOverview(state, block, mapping) {
    const { element, canvas, marker } = state.overview;
    const key = arrayKey(state.selection.layer, state.selection.kind);
    if (element.dataset.drawn !== key) {
        drawOverview(canvas, block, mapping, state.meta.palette, state.meta.characters);
        element.dataset.drawn = key;
    }
    markUnit(marker, state.selection.unit, state.meta.units);
}

function onOverviewClick(state, event) {
    const { unit, index } = cellAt(state.overview.canvas, event, state.meta.units, state.meta.characters);
    const cell = { ...state.selection, unit };
    choose(state, cell);
    state.dotnet.invokeMethodAsync("OnCellChosen", cell.layer, cell.kind, cell.unit);
    state.spans[index]?.scrollIntoView({ block: "nearest" });
}

// The array the selection needs, alone: the first paint waits for nothing else.
async function ensureSelected(state) {
    let cell;
    do {
        cell = state.selection;
        await state.store.array(cell.layer, cell.kind);
    } while (cell !== state.selection && !state.store.loaded(state.selection.layer, state.selection.kind));
}

// Shows a cell: paints at once when its array is here, else after fetching its kind.
async function choose(state, cell) {
    state.selection = cell;
    if (state.element.dataset.state !== "ready") return; // load() paints the latest selection when done
    if (!state.store.loaded(cell.layer, cell.kind)) {
        try { await state.store.kind(cell.kind); } catch (error) { fail(state, error); return; }
        if (state.selection !== cell) return;
    }
    if (state.painted !== cellKey(cell)) paint(state);
    refreshHover(state);
}

function refreshHover(state) {
    if (state.hovered < 0) return;
    const unit = state.selection.unit;
    state.store.unit(unit).then(values => {
        if (state.selection.unit === unit) showHover(state, values);
    }, error => fail(state, error));
}

function fail(state, error) {
    state.element.dataset.state = "error";
    state.hover.textContent = `Could not load the recording: ${error.message}`;
}

// Character index of a selection end (node, offset): the span it is in, or the child it points at.
function indexOf(state, node, offset) {
    let element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    for (let depth = 0; depth < 2 && element && !element.closest("span"); depth++)
        element = element.children[Math.min(offset, element.children.length - 1)];
    const span = element?.closest("span");
    return span && typeof span.neuronIndex === "number" ? span.neuronIndex : -1;
}

function onMouseOver(state, event) {
    const span = event.target.closest("span");
    if (!span || typeof span.neuronIndex !== "number") return;
    state.spans[state.hovered]?.classList.remove("hovered");
    state.hovered = span.neuronIndex;
    span.classList.add("hovered");
    refreshHover(state);
}

function onMouseUp(state) {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed) return;
    const a = indexOf(state, selection.anchorNode, selection.anchorOffset);
    const b = indexOf(state, selection.focusNode, selection.focusOffset);
    if (a < 0 || b < 0) return;
    const start = Math.min(a, b), end = Math.max(a, b) + 1;
    markRange(state, start, end);
    state.dotnet.invokeMethodAsync("OnRangeSelected", start, end);
}

function markRange(state, start, end) {
    for (const span of state.element.querySelectorAll("span.in-range")) span.classList.remove("in-range");
    for (let i = start; i < end; i++) state.spans[i].classList.add("in-range");
}

// Anything with data-cell="layer/kind/unit" (picker squares, chips, search results) recolours
// the text on click right here; the server hears the same click and updates the rest.
function onClick(state, event) {
    const target = event.target.closest?.("[data-cell]");
    if (!target) return;
    const [layer, kind, unit] = target.dataset.cell.split("/");
    choose(state, { layer: Number(layer), kind, unit: Number(unit) });
}

// j / k (→ / ←): the next or previous unit, on to the next layer after a layer's last one.
function onKey(event) {
    const step = keySteps[event.key];
    const state = activeView;
    if (!step || !state || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    if (event.target.closest?.("input, textarea, select, [contenteditable], [role=combobox], .mud-input-control")) return;
    event.preventDefault();
    const { layers, units } = state.meta;
    const { layer, kind, unit } = state.selection;
    const total = layers.length * units;
    const index = ((layers.indexOf(layer) * units + unit + step) % total + total) % total;
    const cell = { layer: layers[Math.floor(index / units)], kind, unit: index % units };
    choose(state, cell);
    state.dotnet.invokeMethodAsync("OnCellChosen", cell.layer, cell.kind, cell.unit);
}

/**
 * Shows a recording: fetches its text, guesses and the selected kind's arrays, builds the
 * spans, colours them and only then puts them in the page (one layout); overview holds the
 * heatmap's canvas and row marker. meta is the recording's contract (RecordingMeta: base,
 * characters, units, layers, kinds with their mappings, vocabulary, k, scales, palette, glyphs);
 * selection is { layer, kind, unit }. Returns the milliseconds from the call until the coloured
 * text was in the page.
 */
export async function load(element, hover, overview, meta, selection, dotnet) {
    const started = performance.now();
    dispose(element);
    delete overview.dataset.drawn;
    const state = {
        element, hover, meta, dotnet, store: createStore(meta),
        overview: { element: overview, canvas: overview.querySelector("canvas"), marker: overview.querySelector(".overview-marker") },
        spans: [], hovered: -1, selection: { ...selection }, painted: null, guesses: null,
    };
    views.set(element, state);
    element.dataset.state = "loading";
    hoverHint(hover);
    const phases = {};
    const mark = name => { phases[name] = Math.round(performance.now() - started); };
    try {
        const guesses = state.store.guesses();
        const arrays = ensureSelected(state);
        const symbols = await state.store.symbols();
        if (views.get(element) !== state) return -1; // a newer load() took the element over
        state.symbolAt = i => symbols[i];
        const { fragment, spans } = buildSpans(symbols, meta.glyphs);
        state.spans = spans;
        mark("spans");
        await arrays;
        if (views.get(element) !== state) return -1;
        mark("arrays");
        paint(state);
        element.replaceChildren(fragment);
        mark("coloured");
        state.guesses = await guesses;
        if (views.get(element) !== state) return -1;
    } catch (error) {
        if (views.get(element) === state) fail(state, error);
        return -1;
    }
    listen(state);
    const renderMs = performance.now() - started;
    element.dataset.state = "ready";
    // Until the browser has laid out and painted the coloured text (the next frame).
    requestAnimationFrame(() => setTimeout(() => {
        mark("painted");
        note("load", { ms: renderMs, phases });
    }));
    // Then, in the background, the other layers of the kind (a click there recolours at once) and the hover data.
    state.store.kind(state.selection.kind).catch(error => fail(state, error));
    state.store.unit(state.selection.unit).catch(() => { }); // refreshHover reports a failure when it is needed
    return renderMs;
}

function listen(state) {
    state.listeners = {
        mouseover: e => onMouseOver(state, e),
        mouseup: () => onMouseUp(state),
    };
    for (const [name, listener] of Object.entries(state.listeners)) state.element.addEventListener(name, listener);
    state.overview.canvas.onclick = e => onOverviewClick(state, e);
    state.onClick = e => onClick(state, e);
    document.addEventListener("click", state.onClick, true);
    document.addEventListener("keydown", onKey);
    activeView = state;
}

/** Colours the text by another cell (fetching that kind's arrays first if needed); nothing to do if it shows it already. */
export function select(element, layer, kind, unit) {
    const state = views.get(element);
    return state ? choose(state, { layer, kind, unit }) : Promise.resolve();
}

export function dispose(element) {
    const state = views.get(element);
    if (!state) return;
    for (const [name, listener] of Object.entries(state.listeners ?? {})) element.removeEventListener(name, listener);
    document.removeEventListener("click", state.onClick, true);
    state.overview.canvas.onclick = null;
    if (activeView === state) {
        document.removeEventListener("keydown", onKey);
        activeView = null;
    }
    views.delete(element);
}
