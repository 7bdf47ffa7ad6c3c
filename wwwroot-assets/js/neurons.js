// The Neurons page's text view: the text drawn on a canvas (neurons-canvas.js), coloured by one
// cell. The browser fetches each recording's data once, in compact binary form (neurons-store.js,
// see the server's ActivationEncoding): the text, the next-symbol guesses, and per (layer, kind) a
// uint8 array [characters × units] with per-unit ranges. Switching cells builds a 256-entry
// lookup table and redraws the rows in view; Blazor never re-renders the characters. Every
// constant (palette, mappings, glyphs, scales) comes in the recording's metadata. An overlay
// (a TextOverlay from the server: influence on a clicked character, the change an edit made)
// colours the text instead of the cell until it is dismissed (Escape, a click elsewhere, a cell).

import { showHover, hoverHint } from "./neurons-hover.js";
import { lookupTable, overlayColours, paletteColour } from "./neurons-data.js";
import { createStore, arrayKey } from "./neurons-store.js";
import { drawOverview, cellAt, markUnit } from "./neurons-overview.js";
import { createTextCanvas, mount, destroy, recolour, draw, cellBox, reveal } from "./neurons-canvas.js";
import { listen, unlisten } from "./neurons-input.js";
import { note, noteFrame } from "./neurons-timing.js";

const views = new WeakMap();

const cellKey = ({ layer, kind, unit }) => `${layer}/${kind}/${unit}`;

// The selected cell's values: its column of the whole (layer, kind) array when that is here, else
// the unit's own one-column block (140 KB at 2×512 instead of 5 MB: what the first paint waits for).
// Both are quantised per column alike, so they colour alike.
function selectedColumn(state) {
    const { layer, kind, unit } = state.selection;
    const array = state.store.loaded(layer, kind);
    return array ? { block: array, column: unit } : { block: state.store.unitLoaded(layer, kind, unit), column: 0 };
}

const canPaint = state => selectedColumn(state).block !== undefined;

// since: when the user asked (the input event's timeStamp), for the test timings.
function paint(state, since) {
    const started = performance.now();
    const { block, column } = selectedColumn(state);
    const table = lookupTable(block, column, state.store.mapping(state.selection.kind), state.meta.palette);
    const { q, columns } = block;
    state.colourOf = i => table[q[i * columns + column]];
    if (state.text.mounted) recolour(state.text); // load() draws once, when it mounts the text
    state.painted = cellKey(state.selection);
    note("recolour", { ms: performance.now() - started, cell: state.painted });
    noteFrame("recolour-painted", since ?? started, { cell: state.painted });
    state.element.dataset.selected = state.painted;
    showOverview(state);
}

// The cells × characters heatmap of the selected layer and kind, redrawn only when those change
// and only once their whole array is here.
function showOverview(state) {
    const { element, canvas, marker } = state.overview;
    const { layer, kind, unit } = state.selection;
    const array = state.store.loaded(layer, kind);
    if (array && element.dataset.drawn !== arrayKey(layer, kind)) {
        drawOverview(canvas, array, state.store.mapping(kind), state.meta.palette, state.meta.characters);
        element.dataset.drawn = arrayKey(layer, kind);
    }
    markUnit(marker, unit, state.meta.units);
}

function onOverviewClick(state, event) {
    const { unit, index } = cellAt(state.overview.canvas, event, state.meta.units, state.meta.characters);
    const cell = { ...state.selection, unit };
    choose(state, cell, event.timeStamp);
    state.dotnet.invokeMethodAsync("OnCellChosen", cell.layer, cell.kind, cell.unit);
    reveal(state.text, index);
}

// The selected unit's values, alone: the first paint waits for nothing else.
async function ensureSelected(state) {
    let cell;
    do {
        cell = state.selection;
        await state.store.unit(cell.unit);
    } while (cell !== state.selection && !canPaint(state));
}

// Colours the text by an overlay (TextOverlay: name, start, values, mapping, target) instead of
// the cell, or by the cell again (null). The target gets a dashed outline.
function showOverlay(state, overlay) {
    const { element, meta } = state;
    state.picked = false;
    state.overlay = overlay && { ...overlay, colours: overlayColours(overlay, meta.palette) };
    state.text.marked = overlay?.target ?? -1;
    if (state.overlay) {
        const { start, colours } = state.overlay, blank = paletteColour(meta.palette, 0);
        state.colourOf = i => (i >= start && i - start < colours.length ? colours[i - start] : blank);
        element.dataset.overlay = overlay.target == null ? overlay.name : `${overlay.name}/${overlay.target}`;
        state.painted = null; // the cell's colours are gone until it is painted again
    } else {
        delete element.dataset.overlay;
        paint(state);
    }
    if (state.text.mounted) draw(state.text);
}

// Back to the cell's colours, telling the server (which shows the overlay's legend, and drops
// the answer to a click it is still working on).
function dismiss(state) {
    if (!state.overlay && !state.picked) return;
    if (state.overlay) showOverlay(state, null);
    state.picked = false;
    state.dotnet.invokeMethodAsync("OnOverlayCleared");
}

// A click on character i (no drag): the server works out what its prediction depended on.
function pick(state, i) {
    state.picked = true;
    state.element.dataset.picked = String(i);
    state.dotnet.invokeMethodAsync("OnCharacterClicked", i);
}

// Shows a cell: paints at once when its array is here, else after fetching its kind.
async function choose(state, cell, since = performance.now()) {
    dismiss(state);
    state.selection = cell;
    if (state.element.dataset.state !== "ready") return; // load() paints the latest selection when done
    if (!canPaint(state)) {
        try { await state.store.kind(cell.kind); } catch (error) { fail(state, error); return; }
        if (state.selection !== cell) return;
    }
    if (state.painted !== cellKey(cell)) paint(state, since);
    refreshHover(state);
}

function refreshHover(state) {
    if (state.text.hovered < 0) return;
    const unit = state.selection.unit;
    state.store.unit(unit).then(values => {
        if (state.selection.unit === unit) showHover(state, values);
    }, error => fail(state, error));
}

function fail(state, error) {
    state.element.dataset.state = "error";
    state.hover.textContent = `Could not load the recording: ${error.message}`;
}

/**
 * Shows a recording: fetches its text and the selected unit's values, lays the text out, colours
 * it and only then puts it in the page (the whole arrays, guesses and overview follow); overview holds the heatmap's canvas and row
 * marker. meta is the recording's contract (RecordingMeta: base, characters, units, layers, kinds
 * with their mappings, vocabulary, k, scales, palette, glyphs); selection is { layer, kind, unit }.
 * Returns the milliseconds from the call until the coloured text was in the page.
 */
export async function load(element, hover, overview, meta, selection, dotnet) {
    const started = performance.now();
    dispose(element);
    delete overview.dataset.drawn;
    const state = {
        element, hover, meta, dotnet, store: createStore(meta), text: { hovered: -1 },
        overview: { element: overview, canvas: overview.querySelector("canvas"), marker: overview.querySelector(".overview-marker") },
        selection: { ...selection }, painted: null, guesses: null,
    };
    views.set(element, state);
    element.dataset.state = "loading";
    hoverHint(hover);
    const phases = {};
    const mark = name => { phases[name] = Math.round(performance.now() - started); };
    try {
        const guesses = state.store.guesses();
        const unit = ensureSelected(state);
        const symbols = await state.store.symbols();
        if (views.get(element) !== state) return -1; // a newer load() took the element over
        state.symbolAt = i => symbols[i];
        await unit;
        if (views.get(element) !== state) return -1;
        mark("unit");
        state.text = createTextCanvas(element, symbols, meta.glyphs, i => state.colourOf(i));
        paint(state);
        mount(state.text);
        mark("coloured");
        state.guesses = await guesses;
        if (views.get(element) !== state) return -1;
    } catch (error) {
        if (views.get(element) === state) fail(state, error);
        return -1;
    }
    listen(state, { choose, refreshHover, onOverviewClick, pick, dismiss });
    const renderMs = performance.now() - started;
    element.dataset.state = "ready";
    // Until the browser has painted the coloured text (the next frame).
    requestAnimationFrame(() => setTimeout(() => {
        mark("painted");
        note("load", { ms: performance.now() - started, renderMs, phases, characters: meta.characters });
    }));
    // Then, in the background, every layer of the kind (a click anywhere recolours at once) and the overview.
    state.store.kind(state.selection.kind).then(() => showOverview(state), error => fail(state, error));
    return renderMs;
}

/** Colours the text by another cell (fetching that kind's arrays first if needed); nothing to do if it shows it already. */
export function select(element, layer, kind, unit) {
    const state = views.get(element);
    return state ? choose(state, { layer, kind, unit }) : Promise.resolve();
}

/** Colours the text by an overlay (TextOverlay, see docs/recordings-api.md) until dismissed, or by the cell again (null). */
export function overlay(element, value) {
    const state = views.get(element);
    if (state?.element.dataset.state === "ready") showOverlay(state, value ?? null);
}

/** Character i's box in client coordinates, scrolled into view first (for pointing at a character); null past the text. */
export function characterBox(element, i) {
    const state = views.get(element);
    if (!state?.text.mounted || i < 0 || i >= state.meta.characters) return null;
    reveal(state.text, i);
    return cellBox(state.text, i);
}

export function dispose(element) {
    const state = views.get(element);
    if (!state) return;
    unlisten(state);
    if (state.text.mounted) destroy(state.text);
    views.delete(element);
}
