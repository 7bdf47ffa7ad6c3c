using CharRnnLab.Web.Neurons;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CharRnnLab.Web.Components.Lab;

/// <summary>
/// The candidate tooltip of sampled text (wwwroot-assets/js/sample-hover.js), for the components that show
/// samples: attaching is idempotent per element, and without JS (or in a test) the text still shows.
/// </summary>
internal sealed class SampleHover(IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? _module;
    private bool _unavailable;

    /// <summary>Makes each element's <c>span[data-c]</c> show its candidates on hover.</summary>
    public async Task AttachAsync(params ElementReference[] elements)
    {
        if (_unavailable) return;
        try
        {
            // The import map resolves this to the fingerprinted file.
            _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./assets/js/sample-hover.js");
            if (_module is null) return;
            foreach (var element in elements) await _module.InvokeVoidAsync("attach", element, SymbolGlyphs.Table);
        }
        catch (JSException)
        {
            _unavailable = true; // the text still shows; only the candidate tooltip is missing
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is null) return;
        try { await _module.DisposeAsync(); }
        catch (JSDisconnectedException) { }
    }
}
