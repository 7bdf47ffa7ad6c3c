// The Neurons page's text view: the text as one <span> per character, coloured by one cell.
// The browser fetches each recording's data once, in compact binary form (see the server's
// ActivationEncoding): the text, the next-symbol guesses, and per (layer, kind) a uint8 array
// [characters × units] with per-unit ranges. Switching cells only rewrites each span's
// background from a 256-entry lookup table; Blazor never re-renders the characters.
// Text is always set with textContent: it is data, never HTML.

import { showHover, hoverHint } from "./neurons-hover.js";
import { fetchOk, fetchBytes, readBlock, readGuesses, lookupTable } from "./neurons-data.js";
import { drawOverview, cellAt, markUnit } from "./neurons-overview.js";

const views = new WeakMap();
const marks = { " ": "·", "\t": "→\t", "\n": "↵", "\r": "␍" };
const keySteps = { j: 1, ArrowRight: 1, k: -1, ArrowLeft: -1 };
let activeView = null; // the view j / k act on

const arrayKey = (layer, kind) => `${layer}/${kind}`;

function loadArray(state, layer, kind) {
    const key = arrayKey(layer, kind);
    if (!state.arrays.has(key)) {
        state.arrays.set(key, fetchBytes(`${state.meta.base}/${layer}/${kind}`)
            .then(buffer => readBlock(buffer, 0, state.meta.characters, state.meta.units)));
    }
    return state.arrays.get(key);
}

// Every layer of the selected kind, so a click in another layer's grid recolours at once.
const loadKind = (state, kind) => Promise.all(state.meta.layers.map(layer => loadArray(state, layer, kind)));

// One unit in every (layer, kind), for the hover panel: quantised one-column blocks back to back.
function loadUnit(state, unit) {
    if (!state.units.has(unit)) {
        const { layers, kinds, characters } = state.meta;
        state.units.set(unit, fetchBytes(`${state.meta.base}/units/${unit}`).then(buffer => {
            const values = new Map();
            let offset = 0;
            for (const layer of layers) {
                for (const kind of kinds) {
                    values.set(arrayKey(layer, kind.name), readBlock(buffer, offset, characters, 1));
                    offset += 8 + characters;
                }
            }
            return values;
        }));
    }
    return state.units.get(unit);
}

// One span per character (whitespace shown as faint marks), one block per line, built
// detached from the page. Lines are content-visibility: auto, so the browser lays out and
// paints only the lines in view: the first paint and each recolour stay cheap for long texts.
function buildSpans(symbols) {
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
        const mark = marks[symbols[i]];
        if (mark) span.className = "ws";
        span.textContent = mark ?? symbols[i];
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
    const block = state.loaded.get(arrayKey(layer, kind));
    const mapping = state.meta.kinds.find(k => k.name === kind).mapping;
    const table = lookupTable(block, unit, mapping, state.meta.palette);
    const { q, columns } = block;
    const spans = state.spans;
    for (let i = 0; i < spans.length; i++) spans[i].style.backgroundColor = table[q[i * columns + unit]];
    const finished = performance.now();
    state.painted = cellKey(state.selection);
    state.timings.recolourMs.push(finished - started);
    state.timings.recolouredAt = finished;
    const data = state.element.dataset;
    data.recolourMs = (finished - started).toFixed(2);
    data.recolours = String(state.timings.recolourMs.length);
    data.selected = state.painted;
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

async function ensureLoaded(state, kind) {
    const blocks = await loadKind(state, kind);
    state.meta.layers.forEach((layer, i) => state.loaded.set(arrayKey(layer, kind), blocks[i]));
}

// The array the selection needs, alone: the first paint waits for nothing else.
async function ensureSelected(state) {
    let cell;
    do {
        cell = state.selection;
        state.loaded.set(arrayKey(cell.layer, cell.kind), await loadArray(state, cell.layer, cell.kind));
    } while (cell !== state.selection && !state.loaded.has(arrayKey(state.selection.layer, state.selection.kind)));
}

// Shows a cell: paints at once when its array is here, else after fetching its kind.
async function choose(state, cell) {
    state.selection = cell;
    if (state.element.dataset.state !== "ready") return; // load() paints the latest selection when done
    if (!state.loaded.has(arrayKey(cell.layer, cell.kind))) {
        try { await ensureLoaded(state, cell.kind); } catch (error) { fail(state, error); return; }
        if (state.selection !== cell) return;
    }
    if (state.painted !== cellKey(cell)) paint(state);
    refreshHover(state);
}

function refreshHover(state) {
    if (state.hovered < 0) return;
    const unit = state.selection.unit;
    loadUnit(state, unit).then(values => {
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
 * heatmap's canvas and row marker. meta: { base,
 * characters, units, layers: [1, 2], kinds: [{ name, symbol, mapping }], vocabulary: [...], k,
 * palette: [...201 colours], selection: { layer, kind, unit } }. Returns the milliseconds from
 * the call until the coloured text was in the page (also in data-render-ms).
 */
export async function load(element, hover, overview, meta, dotnet) {
    const started = performance.now();
    dispose(element);
    delete overview.dataset.drawn;
    const state = {
        element, hover, meta, dotnet,
        overview: { element: overview, canvas: overview.querySelector("canvas"), marker: overview.querySelector(".overview-marker") }, spans: [], hovered: -1, selection: { ...meta.selection }, painted: null,
        arrays: new Map(), loaded: new Map(), units: new Map(), guesses: null,
        timings: { renderMs: 0, recolourMs: [], phases: {} },
    };
    views.set(element, state);
    element.dataset.state = "loading";
    hoverHint(hover);
    const phases = state.timings.phases;
    const mark = name => { phases[name] = Math.round(performance.now() - started); };
    try {
        const text = fetchOk(`${meta.base}/text`).then(r => r.text());
        const guesses = fetchBytes(`${meta.base}/guesses`);
        const arrays = ensureSelected(state);
        const symbols = Array.from(await text); // code points, as the recorder's symbols
        if (views.get(element) !== state) return -1; // a newer load() took the element over
        state.symbolAt = i => symbols[i];
        const { fragment, spans } = buildSpans(symbols);
        state.spans = spans;
        mark("spans");
        await arrays;
        if (views.get(element) !== state) return -1;
        mark("arrays");
        paint(state);
        element.replaceChildren(fragment);
        mark("coloured");
        state.guesses = readGuesses(await guesses, meta.characters, meta.k);
        if (views.get(element) !== state) return -1;
    } catch (error) {
        if (views.get(element) === state) fail(state, error);
        return -1;
    }
    state.listeners = {
        mouseover: e => onMouseOver(state, e),
        mouseup: () => onMouseUp(state),
    };
    for (const [name, listener] of Object.entries(state.listeners)) element.addEventListener(name, listener);
    state.overview.canvas.onclick = e => onOverviewClick(state, e);
    state.onClick = e => onClick(state, e);
    document.addEventListener("click", state.onClick, true);
    document.addEventListener("keydown", onKey);
    activeView = state;
    state.timings.renderMs = performance.now() - started;
    element.dataset.renderMs = state.timings.renderMs.toFixed(1);
    element.dataset.state = "ready";
    // Until the browser has laid out and painted the coloured text (the next frame).
    requestAnimationFrame(() => setTimeout(() => {
        mark("painted");
        element.dataset.phases = JSON.stringify(phases);
    }));
    // Then, in the background, the other layers of the kind (a click there recolours at once) and the hover data.
    ensureLoaded(state, state.selection.kind).catch(error => fail(state, error));
    loadUnit(state, state.selection.unit);
    return state.timings.renderMs;
}

/** Colours the text by another cell (fetching that kind's arrays first if needed); nothing to do if it shows it already. */
export function select(element, layer, kind, unit) {
    const state = views.get(element);
    return state ? choose(state, { layer, kind, unit }) : Promise.resolve();
}

/** The measured times: { renderMs, recolourMs: [...], recolouredAt } (performance.now() clock). */
export function timings(element) {
    return views.get(element)?.timings ?? null;
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
