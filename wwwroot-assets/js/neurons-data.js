// Reading the Neurons endpoints' binary data and mapping values to colours, by the recording's
// metadata (GET /api/recordings/{id}/meta, see docs/recordings-api.md): every constant (levels,
// probability scale, mapping parameters, palette, whitespace glyphs) comes from there.

export async function fetchOk(url) {
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) throw new Error(await response.text());
    return response;
}

export const fetchBytes = async url => (await fetchOk(url)).arrayBuffer();

// A quantised block at byteOffset: float32 lo[columns], float32 hi[columns], uint8 q[rows × columns].
// step[u] = (hi − lo) / levels, so a value is lo[u] + q · step[u].
export function readBlock(buffer, byteOffset, rows, columns, levels) {
    const view = new DataView(buffer, byteOffset);
    const lo = new Float32Array(columns), hi = new Float32Array(columns), step = new Float32Array(columns);
    for (let u = 0; u < columns; u++) {
        lo[u] = view.getFloat32(4 * u, true);
        hi[u] = view.getFloat32(4 * (columns + u), true);
        step[u] = (hi[u] - lo[u]) / levels;
    }
    return { lo, hi, step, columns, levels, q: new Uint8Array(buffer, byteOffset + 8 * columns, rows * columns) };
}

/** The decoded value of a block at (row, column). */
export const valueAt = (block, row, column) => block.lo[column] + block.q[row * block.columns + column] * block.step[column];

/** The largest |value| of one column (what a per-unit mapping divides by). */
export const columnMax = (block, column) => Math.max(Math.abs(block.lo[column]), Math.abs(block.hi[column]));

/** Guesses as probabilities: symbol indices [n × k], p [n × k] and next [n] (NaN where there is none). */
export function readGuesses(buffer, meta) {
    const { characters: n, k, probabilityScale, noProbability } = meta;
    const scaled = new Uint16Array(buffer, 2 * n * k, n * k), next = new Uint16Array(buffer, 4 * n * k, n);
    const toP = v => (v === noProbability ? NaN : v / probabilityScale);
    return { symbols: new Uint16Array(buffer, 0, n * k), p: Float32Array.from(scaled, toP), next: Float32Array.from(next, toP) };
}

/** A value on the −1 … +1 scale by a mapping's parameters: clamp(gain · v / s + offset), s the unit's largest |v| if perUnitMax. */
export function toScale(mapping, value, unitMax) {
    const divisor = mapping.perUnitMax ? unitMax : 1;
    const x = divisor > 0 ? mapping.gain * value / divisor + mapping.offset : 0;
    return Math.max(-1, Math.min(1, x));
}

/** The palette index of a value already on the scale: the palette spans −1 … +1 evenly. */
export const paletteIndex = (paletteLength, x) => Math.round((x + 1) * (paletteLength - 1) / 2);

/** The palette entry of a value already on the scale. */
export const paletteColour = (palette, x) => palette[paletteIndex(palette.length, x)];

/** Byte level → palette index for one unit of a quantised block (the text and the overview share it). */
export function levelIndices(block, unit, mapping, paletteLength) {
    const lo = block.lo[unit], step = block.step[unit], unitMax = columnMax(block, unit);
    const indices = new Uint8Array(block.levels + 1);
    for (let b = 0; b <= block.levels; b++) indices[b] = paletteIndex(paletteLength, toScale(mapping, lo + b * step, unitMax));
    return indices;
}

/** Byte level → colour for one unit of a quantised block, so recolouring is one table lookup per character. */
export const lookupTable = (block, unit, mapping, palette) =>
    Array.from(levelIndices(block, unit, mapping, palette.length), index => palette[index]);

/**
 * The colours of an overlay (TextOverlay: start, values, mapping, target), one per value, by the
 * same rule and palette as the kinds: s is the overlay's largest |value|.
 */
export function overlayColours(overlay, palette) {
    const largest = overlay.values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    return overlay.values.map(v => paletteColour(palette, toScale(overlay.mapping, v, largest)));
}

/** A character as shown: whitespace by its stand-in from the recording's glyph table. */
export const printable = (glyphs, s) => glyphs[s] ?? s;
