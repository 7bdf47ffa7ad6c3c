// Plotly.Blazor's interop queues every chart call made before plotly.js has loaded and runs the
// queue in one loop when it loads. A chart removed meanwhile (a re-keyed chart, a page left) makes
// Plotly throw "No DOM element with id …", which ends that loop: every later chart on the page is
// then never drawn. Calls for a chart that is no longer in the page are therefore skipped here.
(() => {
    const byId = ['newPlot', 'react', 'extendTraces', 'prependTraces', 'addTraces', 'deleteTraces',
        'relayout', 'restyle', 'update', 'purge'];
    const guard = plotly => {
        if (!plotly || plotly.__charRnnGuarded) return plotly;
        for (const name of byId) {
            const call = plotly[name];
            if (typeof call !== 'function') continue;
            plotly[name] = function (graph, ...rest) {
                if (typeof graph === 'string' && document.getElementById(graph) === null) return Promise.resolve();
                return call.call(this, graph, ...rest);
            };
        }
        plotly.__charRnnGuarded = true;
        return plotly;
    };
    let current = guard(window.Plotly);
    Object.defineProperty(window, 'Plotly', {
        configurable: true,
        get: () => current,
        set: value => { current = guard(value); },
    });
})();
