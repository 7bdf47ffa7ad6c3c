// Hover a sampled character to see what the model considered at that step: the symbol it
// picked and its top candidates with probabilities. Each character is a <span data-c="[...]">
// whose attribute holds JSON [[picked, p], [candidate, p], ...]. The tooltip is built with
// textContent only: sampled text is data, never HTML. Whitespace shows by the glyph table the
// server hands to attach() (SymbolGlyphs, the same stand-ins as the Neurons page).

import { printable } from "./neurons-data.js";

let tip = null;
let glyphs = {};

function tooltip() {
    if (tip === null) {
        tip = document.createElement("div");
        tip.className = "candidate-tip";
        tip.setAttribute("data-testid", "candidate-tooltip");
        tip.style.display = "none";
        document.body.appendChild(tip);
    }
    return tip;
}

function row(symbol, probability, picked) {
    const line = document.createElement("div");
    line.className = picked ? "candidate picked" : "candidate";
    const name = document.createElement("span");
    name.className = "candidate-symbol";
    name.textContent = printable(glyphs, symbol);
    const bar = document.createElement("span");
    bar.className = "candidate-bar";
    bar.style.width = `${Math.max(1, Math.round(probability * 100))}%`;
    const value = document.createElement("span");
    value.className = "candidate-p";
    value.textContent = `${(probability * 100).toFixed(1)}%`;
    line.append(name, bar, value);
    return line;
}

function show(span) {
    let data;
    try { data = JSON.parse(span.getAttribute("data-c")); } catch { return; }
    if (!Array.isArray(data) || data.length === 0) return;
    const [[pickedSymbol, pickedP], ...candidates] = data;
    const box = tooltip();
    const title = document.createElement("div");
    title.className = "candidate-title";
    title.textContent = `picked “${printable(glyphs, pickedSymbol)}” (${(pickedP * 100).toFixed(1)}%) — top ${candidates.length}:`;
    box.replaceChildren(title, ...candidates.map(([s, p]) => row(s, p, s === pickedSymbol)));
    box.style.display = "block";
    const rect = span.getBoundingClientRect();
    const left = Math.min(rect.left, window.innerWidth - box.offsetWidth - 8);
    const below = rect.bottom + 6 + box.offsetHeight < window.innerHeight;
    box.style.left = `${Math.max(8, left)}px`;
    box.style.top = `${below ? rect.bottom + 6 : rect.top - box.offsetHeight - 6}px`;
}

export function attach(element, glyphTable) {
    glyphs = glyphTable ?? {};
    if (!element || element.dataset.hoverAttached === "1") return;
    element.dataset.hoverAttached = "1";
    element.addEventListener("mouseover", event => {
        const span = event.target.closest("span[data-c]");
        if (span && element.contains(span)) show(span);
    });
    element.addEventListener("mouseleave", () => { tooltip().style.display = "none"; });
}
