// Data preparation for the Neurons view: fetches a recording's text, guesses and quantised
// arrays once each (by the metadata's base URL) and decodes them; rendering lives in neurons.js.

import { fetchOk, fetchBytes, readBlock, readGuesses } from "./neurons-data.js";

const arrayKey = (layer, kind) => `${layer}/${kind}`;

/** A recording's data, fetched lazily and cached: each method returns a promise. */
export function createStore(meta) {
    const arrays = new Map(), loaded = new Map(), units = new Map(), unitsLoaded = new Map();
    const { base, characters, levels } = meta;

    // One (layer, kind): [characters × units].
    function array(layer, kind) {
        const key = arrayKey(layer, kind);
        if (!arrays.has(key)) {
            arrays.set(key, fetchBytes(`${base}/${layer}/${kind}`).then(buffer => {
                const block = readBlock(buffer, 0, characters, meta.units, levels);
                loaded.set(key, block);
                return block;
            }));
        }
        return arrays.get(key);
    }

    // One unit in every (layer, kind), for the hover panel: one-column blocks back to back, Map "layer/kind" → block.
    function unit(u) {
        if (!units.has(u)) {
            units.set(u, fetchBytes(`${base}/units/${u}`).then(buffer => {
                const values = new Map();
                let offset = 0;
                for (const layer of meta.layers) {
                    for (const kind of meta.kinds) {
                        values.set(arrayKey(layer, kind.name), readBlock(buffer, offset, characters, 1, levels));
                        offset += 8 + characters;
                    }
                }
                unitsLoaded.set(u, values);
                return values;
            }));
        }
        return units.get(u);
    }

    return {
        array,
        /** The block of (layer, kind) if it has arrived, else undefined: painting needs no await. */
        loaded: (layer, kind) => loaded.get(arrayKey(layer, kind)),
        /** Unit u's one-column block of (layer, kind) if it has arrived, else undefined. */
        unitLoaded: (layer, kind, u) => unitsLoaded.get(u)?.get(arrayKey(layer, kind)),
        unit,
        /** Every layer of a kind, so a click in another layer's grid recolours at once. */
        kind: kind => Promise.all(meta.layers.map(layer => array(layer, kind))),
        /** The text as code points, as the recorder's symbols. */
        symbols: () => fetchOk(`${base}/text`).then(r => r.text()).then(text => Array.from(text)),
        guesses: () => fetchBytes(`${base}/guesses`).then(buffer => readGuesses(buffer, meta)),
        mapping: kind => meta.kinds.find(k => k.name === kind).mapping,
    };
}

export { arrayKey };
