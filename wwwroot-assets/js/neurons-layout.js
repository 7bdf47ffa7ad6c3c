// Where each character of the Neurons text sits: the text wrapped at a fixed number of columns
// (one monospace cell per character, line ends after their ↵), as rows of character indices.
// Pure data, so the canvas draws, hit-tests and scrolls by arithmetic instead of asking a DOM.

/** Rows of `symbols` at `columns` per row: rowStart[r] is the index of row r's first character. */
export function layoutRows(symbols, columns) {
    const starts = [0];
    let column = 0;
    for (let i = 0; i < symbols.length; i++) {
        column++;
        const last = i + 1 === symbols.length;
        if (!last && (symbols[i] === "\n" || column === columns)) {
            starts.push(i + 1);
            column = 0;
        }
    }
    return { rowStart: Int32Array.from(starts), rows: starts.length, characters: symbols.length, columns };
}

/** The row of character i (binary search over the row starts). */
export function rowOf(layout, i) {
    let lo = 0, hi = layout.rows - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (layout.rowStart[mid] <= i) lo = mid; else hi = mid - 1;
    }
    return lo;
}

/** The first index past row r. */
export const rowEnd = (layout, r) => (r + 1 < layout.rows ? layout.rowStart[r + 1] : layout.characters);

/** The character at (row, column), or -1 past the row's end or the text's. */
export function indexAt(layout, row, column) {
    if (row < 0 || row >= layout.rows || column < 0) return -1;
    const i = layout.rowStart[row] + column;
    return i < rowEnd(layout, row) ? i : -1;
}
