// The Neurons text drawn on canvases: only the rows in view are drawn, so the first paint and
// each recolour cost the same for 1,000 or 100,000 characters. The scroll container holds a
// sticky pair of canvases the size of its view (backgrounds below, characters and marks above)
// and a spacer as tall as the text; scrolling redraws both, a recolour only the backgrounds.
// Characters are one monospace cell each, whitespace shown by the metadata's glyphs, faint.

import { layoutRows, rowOf, rowEnd, indexAt } from "./neurons-layout.js";

const padding = { x: 10, y: 8 };
const faint = "rgba(0, 0, 0, .3)", textColour = "#111", outline = "#1f2a44", markColour = "#000";

/** A text view in `element` (a scroll container); colourOf(i) gives character i's background. */
export function createTextCanvas(element, symbols, glyphs, colourOf) {
    const layers = document.createElement("div");
    layers.className = "text-layers";
    const canvas = document.createElement("canvas"), ink = document.createElement("canvas"); // backgrounds, characters
    canvas.className = "text-colours";
    ink.className = "text-glyphs";
    layers.append(canvas, ink);
    const spacer = document.createElement("div");
    spacer.className = "text-spacer";
    const view = { element, layers, canvas, ink, spacer, symbols, glyphs, colourOf, hovered: -1, marked: -1, range: null, frame: 0, pending: null };
    measure(view);
    view.onScroll = () => schedule(view);
    element.addEventListener("scroll", view.onScroll, { passive: true });
    view.resizer = new ResizeObserver(() => { if (measure(view)) draw(view); });
    return view;
}

/** Puts the view in the page and draws it (one layout). */
export function mount(view) {
    view.element.replaceChildren(view.layers, view.spacer);
    view.mounted = true;
    measure(view);
    draw(view);
    view.resizer.observe(view.element);
}

export function destroy(view) {
    view.element.removeEventListener("scroll", view.onScroll);
    view.resizer.disconnect();
    cancelAnimationFrame(view.frame);
}

// Font, cell size and wrapping from the container's style and width; true when the layout changed.
function measure(view) {
    const style = getComputedStyle(view.element);
    const context = view.canvas.getContext("2d");
    const font = `${style.fontSize} ${style.fontFamily}`;
    context.font = font;
    const cell = { width: context.measureText("0").width || 8, height: parseFloat(style.lineHeight) || 20 };
    const width = view.element.clientWidth || 800;
    const columns = Math.max(8, Math.floor((width - 2 * padding.x) / cell.width));
    if (view.layout && view.layout.columns === columns && view.font === font && view.width === width) return false;
    Object.assign(view, { font, cell, width, layout: layoutRows(view.symbols, columns) });
    const total = 2 * padding.y + view.layout.rows * cell.height;
    const maxHeight = parseFloat(style.maxHeight) || total;
    view.height = Math.min(total, maxHeight);
    view.element.style.height = `${view.height}px`;
    view.spacer.style.height = `${Math.max(0, total - view.height)}px`;
    const scale = window.devicePixelRatio || 1;
    view.layers.style.height = `${view.height}px`;
    for (const canvas of [view.canvas, view.ink]) {
        canvas.width = Math.round(width * scale);
        canvas.height = Math.round(view.height * scale);
        canvas.style.width = `${width}px`;
        canvas.style.height = `${view.height}px`;
    }
    view.scale = scale;
    return true;
}

/** Redraws at the next frame (at most once per frame): both layers, or only the characters and marks. */
export function schedule(view, glyphsOnly = false) {
    view.pending = view.pending === "all" || !glyphsOnly ? "all" : "glyphs";
    if (view.frame) return;
    view.frame = requestAnimationFrame(() => {
        view.frame = 0;
        if (view.pending === "all") draw(view); else drawGlyphs(view);
        view.pending = null;
    });
}

/** Draws the rows in view now, both layers. */
export function draw(view) {
    recolour(view);
    drawGlyphs(view);
}

// The layer's context, cleared, and the rows in view: calls row(context, r, y) for each.
function eachRow(view, canvas, clear, row) {
    const { cell, layout, element } = view;
    const context = canvas.getContext("2d");
    context.setTransform(view.scale, 0, 0, view.scale, 0, 0);
    clear(context);
    const top = element.scrollTop;
    const first = Math.max(0, Math.floor((top - padding.y) / cell.height));
    const last = Math.min(layout.rows - 1, Math.floor((top + view.height - padding.y) / cell.height));
    for (let r = first; r <= last; r++) row(context, r, padding.y + r * cell.height - top);
}

/** Redraws the backgrounds only (a new cell): runs of one colour per row. */
export function recolour(view) {
    const { layout, cell } = view;
    eachRow(view, view.canvas, context => { context.fillStyle = "#fff"; context.fillRect(0, 0, view.width, view.height); }, (context, r, y) => {
        const start = layout.rowStart[r], end = rowEnd(layout, r);
        for (let i = start; i < end;) {
            const colour = view.colourOf(i);
            let j = i + 1;
            while (j < end && view.colourOf(j) === colour) j++;
            context.fillStyle = colour;
            context.fillRect(padding.x + (i - start) * cell.width, y, (j - i) * cell.width, cell.height);
            i = j;
        }
    });
}

// Characters, whitespace marks, the selected range's underline, the marked cell's dashed outline
// (an overlay's target) and the hovered cell's outline.
function drawGlyphs(view) {
    eachRow(view, view.ink, context => {
        context.clearRect(0, 0, view.width, view.height);
        context.font = view.font;
        context.textBaseline = "middle";
    }, (context, r, y) => drawRowGlyphs(view, context, r, y));
}

// Runs of plain ASCII in one fillText each (a monospace font keeps them on the cells); marks and
// other characters one by one, squeezed into their cell.
function drawRowGlyphs(view, context, r, y) {
    const { layout, cell, symbols, glyphs } = view;
    const start = layout.rowStart[r], end = rowEnd(layout, r);
    const x = i => padding.x + (i - start) * cell.width;
    const middle = y + cell.height / 2;
    context.fillStyle = textColour;
    for (let i = start; i < end;) {
        let j = i;
        while (j < end && isPlain(symbols[j], glyphs)) j++;
        if (j > i) context.fillText(symbols.slice(i, j).join(""), x(i), middle);
        if (j < end) {
            const glyph = glyphs[symbols[j]];
            context.fillStyle = glyph === undefined ? textColour : faint;
            context.fillText(glyph ?? symbols[j], x(j), middle, cell.width);
            context.fillStyle = textColour;
            j++;
        }
        i = j;
    }
    if (view.range) underline(view, context, start, end, x, y);
    if (view.marked >= start && view.marked < end) {
        context.strokeStyle = markColour;
        context.lineWidth = 2;
        context.setLineDash([3, 2]);
        context.strokeRect(x(view.marked) + 1, y + 1, cell.width - 2, cell.height - 2);
        context.setLineDash([]);
    }
    if (view.hovered >= start && view.hovered < end) {
        context.strokeStyle = outline;
        context.lineWidth = 2;
        context.strokeRect(x(view.hovered) + 1, y + 1, cell.width - 2, cell.height - 2);
    }
}

function underline(view, context, start, end, x, y) {
    const from = Math.max(start, view.range.start), to = Math.min(end, view.range.end);
    if (from >= to) return;
    context.fillStyle = outline;
    context.fillRect(x(from), y + view.cell.height - 3, (to - from) * view.cell.width, 3);
}

const isPlain = (symbol, glyphs) => symbol.length === 1 && symbol >= "!" && symbol <= "~" && glyphs[symbol] === undefined;

/** The character under a client position, or -1. */
export function hitTest(view, clientX, clientY) {
    const box = view.canvas.getBoundingClientRect();
    const row = Math.floor((clientY - box.top + view.element.scrollTop - padding.y) / view.cell.height);
    const column = Math.floor((clientX - box.left - padding.x) / view.cell.width);
    return indexAt(view.layout, row, column);
}

/** Character i's cell in client coordinates (scroll it into view first for a visible one). */
export function cellBox(view, i) {
    const box = view.canvas.getBoundingClientRect();
    const row = rowOf(view.layout, i);
    return {
        x: box.left + padding.x + (i - view.layout.rowStart[row]) * view.cell.width,
        y: box.top + padding.y + row * view.cell.height - view.element.scrollTop,
        width: view.cell.width, height: view.cell.height,
    };
}

/** Scrolls so character i is in view (centred when it was not). */
export function reveal(view, i) {
    const y = padding.y + rowOf(view.layout, i) * view.cell.height, top = view.element.scrollTop;
    if (y >= top && y + view.cell.height <= top + view.height) return;
    view.element.scrollTop = Math.max(0, y - view.height / 2);
    draw(view);
}
