// Pointer and key input of the Neurons text view: hover (the panel under the text), drag to select
// a range (the server searches it for cells), a click on a character (what its prediction depended
// on), clicks on anything with data-cell, j / k to step, Escape or a click elsewhere to leave an overlay.

import { hitTest, schedule } from "./neurons-canvas.js";

const keySteps = { j: 1, ArrowRight: 1, k: -1, ArrowLeft: -1 };
let activeView = null; // the view j / k act on

function onMouseMove(state, actions, event) {
    const text = state.text, i = hitTest(text, event.clientX, event.clientY);
    if (state.drag && i >= 0) {
        state.drag.focus = i;
        text.range = { start: Math.min(state.drag.anchor, i), end: Math.max(state.drag.anchor, i) + 1 };
        schedule(text, true);
    }
    if (i < 0 || i === text.hovered) return;
    text.hovered = i;
    state.element.dataset.hovered = String(i);
    schedule(text, true);
    actions.refreshHover(state);
}

function onMouseDown(state, actions, event) {
    if (event.button !== 0) return;
    const i = hitTest(state.text, event.clientX, event.clientY);
    if (i >= 0) state.drag = { anchor: i, focus: i };
    else actions.dismiss(state); // past the text's end or a line's: a click elsewhere
    event.preventDefault(); // no native selection of the page around the canvas
}

// Anywhere outside the text view (its scroll bar included) leaves an overlay.
function onPageMouseDown(state, actions, event) {
    if (!state.element.contains(event.target)) actions.dismiss(state);
}

// A drag over two or more characters selects [start, end); a plain click picks the character.
function onMouseUp(state, actions) {
    const drag = state.drag;
    state.drag = null;
    if (!drag) return;
    if (drag.anchor === drag.focus) {
        actions.pick(state, drag.anchor);
        return;
    }
    const { start, end } = state.text.range;
    state.element.dataset.range = `${start}-${end}`;
    state.dotnet.invokeMethodAsync("OnRangeSelected", start, end);
}

// Anything with data-cell="layer/kind/unit" (picker squares, chips, search results) recolours
// the text on click right here; the server hears the same click and updates the rest.
function onClick(state, actions, event) {
    const target = event.target.closest?.("[data-cell]");
    if (!target) return;
    const [layer, kind, unit] = target.dataset.cell.split("/");
    actions.choose(state, { layer: Number(layer), kind, unit: Number(unit) }, event.timeStamp);
}

// j / k (→ / ←): the next or previous unit, on to the next layer after a layer's last one.
function onKey(event) {
    const step = keySteps[event.key];
    const view = activeView;
    if (event.key === "Escape" && view) {
        view.actions.dismiss(view.state);
        return;
    }
    if (!step || !view || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    if (event.target.closest?.("input, textarea, select, [contenteditable], [role=combobox], .mud-input-control")) return;
    event.preventDefault();
    const { state, actions } = view;
    const { layers, units } = state.meta;
    const { layer, kind, unit } = state.selection;
    const total = layers.length * units;
    const index = ((layers.indexOf(layer) * units + unit + step) % total + total) % total;
    const cell = { layer: layers[Math.floor(index / units)], kind, unit: index % units };
    actions.choose(state, cell, event.timeStamp);
    state.dotnet.invokeMethodAsync("OnCellChosen", cell.layer, cell.kind, cell.unit);
}

/** Starts listening for a loaded view; actions: { choose, refreshHover, onOverviewClick, pick, dismiss }. */
export function listen(state, actions) {
    const canvas = state.text.layers;
    state.listeners = [
        [canvas, "mousemove", e => onMouseMove(state, actions, e)],
        [canvas, "mousedown", e => onMouseDown(state, actions, e)],
        [window, "mouseup", () => onMouseUp(state, actions)],
        [document, "mousedown", e => onPageMouseDown(state, actions, e), true],
        [document, "click", e => onClick(state, actions, e), true],
        [state.overview.canvas, "click", e => actions.onOverviewClick(state, e)],
        [document, "keydown", onKey],
    ];
    for (const [target, name, listener, capture] of state.listeners) target.addEventListener(name, listener, capture === true);
    activeView = { state, actions };
}

export function unlisten(state) {
    for (const [target, name, listener, capture] of state.listeners ?? []) target.removeEventListener(name, listener, capture === true);
    if (activeView?.state === state) activeView = null;
}
