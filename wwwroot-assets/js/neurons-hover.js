// The panel under the Neurons text: for the hovered character, the selected unit's values in
// every layer and kind, and the model's top next-character guesses. Built with textContent only.

import { toScale, paletteColour, printable, valueAt, columnMax } from "./neurons-data.js";

const percent = p => `${(p * 100).toFixed(1)}%`;
const signed = v => (v >= 0 ? "+" : "−") + Math.abs(v).toFixed(3);

function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
}

export function hoverHint(hover) {
    hover.replaceChildren(element("div", "hover-hint",
        "Hover a character to see the selected cell in every layer and the model's top guesses for the next character. " +
        "Select a stretch of text to find cells that fire on it. Keys j / k or → / ← step through the cells."));
}

const colourOf = (state, kind, block, value) =>
    paletteColour(state.meta.palette, toScale(kind.mapping, value, columnMax(block, 0)));

function valuesTable(state, values, position) {
    const { layers, kinds } = state.meta;
    const { layer: selectedLayer, kind: selectedKind, unit } = state.selection;
    const table = element("table", "hover-values");
    table.setAttribute("data-testid", "hover-values");
    const head = table.insertRow();
    head.appendChild(element("th", "", `unit #${unit}`));
    for (const layer of layers) head.appendChild(element("th", "", `layer ${layer}`));
    for (const kind of kinds) {
        const row = table.insertRow();
        row.appendChild(element("th", "", kind.symbol));
        for (const layer of layers) {
            const block = values.get(`${layer}/${kind.name}`);
            const value = valueAt(block, position, 0);
            const cell = element("td", layer === selectedLayer && kind.name === selectedKind ? "selected" : "", signed(value));
            cell.style.backgroundColor = colourOf(state, kind, block, value);
            row.appendChild(cell);
        }
    }
    return table;
}

function guessesList(state, position) {
    const { vocabulary, k, glyphs } = state.meta;
    const g = state.guesses;
    const box = element("div", "hover-guesses");
    box.appendChild(element("div", "hover-title", `top ${k} guesses for the next character`));
    if (!g) return box;
    const actual = position + 1 < state.meta.characters ? state.symbolAt(position + 1) : null;
    for (let j = 0; j < k; j++) {
        const symbol = vocabulary[g.symbols[position * k + j]];
        const p = g.p[position * k + j];
        const line = element("div", symbol === actual ? "guess actual" : "guess");
        line.setAttribute("data-testid", "hover-guess");
        const bar = element("span", "guess-bar");
        bar.style.width = `${Math.max(1, Math.round(p * 100))}%`;
        const barBox = element("span", "guess-track");
        barBox.appendChild(bar);
        line.append(element("span", "guess-symbol", printable(glyphs, symbol)), barBox, element("span", "guess-p", percent(p)));
        box.appendChild(line);
    }
    return box;
}

// The overlay's number at a position, when the overlay covers it.
function overlayValue(overlay, position) {
    const j = position - overlay.start;
    return j >= 0 && j < overlay.values.length ? overlay.values[j] : undefined;
}

function headline(state, position) {
    const show = s => printable(state.meta.glyphs, s);
    let text = `character ${position.toLocaleString("en")}: “${show(state.symbolAt(position))}”`;
    if (position + 1 < state.meta.characters && state.guesses) {
        text += ` · next is “${show(state.symbolAt(position + 1))}”, which the model gave ${percent(state.guesses.next[position])}`;
    }
    const value = state.overlay && overlayValue(state.overlay, position);
    if (value !== undefined) text += ` · ${state.overlay.name} ${value.toPrecision(3)}`;
    return element("div", "hover-head", text);
}

/** Fills the panel for state.text.hovered with the unit's values (Map "layer/kind" → one-column block). */
export function showHover(state, values) {
    const position = state.text.hovered;
    if (position < 0) return;
    const body = element("div", "hover-body");
    body.append(valuesTable(state, values, position), guessesList(state, position));
    state.hover.replaceChildren(headline(state, position), body);
    state.hover.dataset.position = String(position);
}
