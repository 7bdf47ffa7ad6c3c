// The overview heatmap above the text: one row per unit of the selected layer and kind, one
// column per stretch of characters, coloured by the stretch's mean on the same −1 … +1 scale
// as the text. Cells that fire in some places and not others stand out as streaks; a click
// picks the row's cell and scrolls the text to the column's characters (as LSTMVis does).

import { levelIndices } from "./neurons-data.js";

const hexToRgb = hex => [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16));
const rgbPalettes = new WeakMap(); // palette → its [r, g, b] entries, parsed once

/** Draws [units × columns] into the canvas: one canvas pixel per unit and column; CSS stretches it. */
export function drawOverview(canvas, block, mapping, palette, characters) {
    const units = block.columns;
    // Per unit, byte level → palette index as for the text, so both use one scale.
    if (!rgbPalettes.has(palette)) rgbPalettes.set(palette, palette.map(hexToRgb));
    const rgb = rgbPalettes.get(palette);
    const tables = Array.from({ length: units }, (_, u) => levelIndices(block, u, mapping, palette.length));
    const columns = Math.max(1, Math.min(characters, canvas.clientWidth || 600));
    canvas.width = columns;
    canvas.height = units;
    const image = new ImageData(columns, units);
    const sums = new Float64Array(units);
    for (let x = 0; x < columns; x++) {
        const from = Math.floor(x * characters / columns), to = Math.max(from + 1, Math.floor((x + 1) * characters / columns));
        sums.fill(0);
        for (let t = from; t < to; t++) {
            const row = t * units;
            for (let u = 0; u < units; u++) sums[u] += block.q[row + u];
        }
        for (let u = 0; u < units; u++) {
            const [r, g, b] = rgb[tables[u][Math.round(sums[u] / (to - from))]];
            const at = 4 * (u * columns + x);
            image.data[at] = r; image.data[at + 1] = g; image.data[at + 2] = b; image.data[at + 3] = 255;
        }
    }
    canvas.getContext("2d").putImageData(image, 0, 0);
}

/** The unit and character under a click on the canvas. */
export function cellAt(canvas, event, units, characters) {
    const box = canvas.getBoundingClientRect();
    const fraction = (value, size) => Math.min(0.999999, Math.max(0, value / size));
    return {
        unit: Math.floor(fraction(event.clientY - box.top, box.height) * units),
        index: Math.floor(fraction(event.clientX - box.left, box.width) * characters),
    };
}

/** Moves the marker of the selected unit's row (a positioned element over the canvas). */
export function markUnit(marker, unit, units) {
    marker.style.top = `${100 * unit / units}%`;
    marker.style.height = `max(2px, ${100 / units}%)`;
}
