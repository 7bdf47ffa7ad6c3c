// Reading the Neurons endpoints' binary data (see docs/recordings-api.md), mapping values to colours,
// and showing characters (also used by the sampling panel's tooltip).

export async function fetchOk(url) {
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) throw new Error(await response.text());
    return response;
}

export const fetchBytes = async url => (await fetchOk(url)).arrayBuffer();

// A quantised block at byteOffset: float32 lo[columns], float32 hi[columns], uint8 q[rows × columns].
export function readBlock(buffer, byteOffset, rows, columns) {
    const view = new DataView(buffer, byteOffset);
    const lo = new Float32Array(columns), hi = new Float32Array(columns);
    for (let u = 0; u < columns; u++) {
        lo[u] = view.getFloat32(4 * u, true);
        hi[u] = view.getFloat32(4 * (columns + u), true);
    }
    return { lo, hi, columns, q: new Uint8Array(buffer, byteOffset + 8 * columns, rows * columns) };
}

export function readGuesses(buffer, n, k) {
    return {
        symbols: new Uint16Array(buffer, 0, n * k),
        p: new Uint16Array(buffer, 2 * n * k, n * k),
        next: new Uint16Array(buffer, 4 * n * k, n),
    };
}

/** A value of a kind brought onto −1 … +1: gates 2g − 1, c divided by its largest |c| (scale), the rest as is. */
export function toScale(mapping, value, scale) {
    const x = mapping === "gate" ? 2 * value - 1 : mapping === "scaled" ? (scale > 0 ? value / scale : 0) : value;
    return Math.max(-1, Math.min(1, x));
}

/** The palette entry (201 colours, −1 … +1) of a value already on the scale. */
export const paletteColour = (palette, x) => palette[Math.round((x + 1) * 100)];

/** Byte level → colour for one unit of a quantised block, so recolouring is one table lookup per character. */
export function lookupTable(block, unit, mapping, palette) {
    const lo = block.lo[unit], step = (block.hi[unit] - lo) / 255;
    const scale = Math.max(Math.abs(lo), Math.abs(block.hi[unit]));
    const table = new Array(256);
    for (let b = 0; b < 256; b++) table[b] = paletteColour(palette, toScale(mapping, lo + b * step, scale));
    return table;
}

// A character as shown in tooltips: newline, space, tab and carriage return get visible stand-ins.
export const printable = s => (s === "\n" ? "↵" : s === " " ? "␣" : s === "\t" ? "⇥" : s === "\r" ? "␍" : s);
