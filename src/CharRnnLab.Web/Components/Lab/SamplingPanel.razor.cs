using System.Text.Json;
using CharRnnLab.Core;
using CharRnnLab.Core.Sampling;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Neurons;
using CharRnnLab.Web.Sampling;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CharRnnLab.Web.Components.Lab;

/// <summary>
/// Samples from a run's current weights while it trains (or from its checkpoint): temperature
/// slider, greedy switch, prime, length, seed. Every change resamples after a 250 ms pause
/// (latest wins; a superseded request is cancelled), so dragging the slider runs a handful of
/// jobs, not hundreds; releasing the slider resamples at once. Text is rendered as text; hovering a character shows its top-5
/// candidates (wwwroot-assets/js/sample-hover.js).
/// </summary>
public partial class SamplingPanel
{
    /// <summary>Quiet time after the last change before sampling.</summary>
    public static readonly TimeSpan DebounceDelay = TimeSpan.FromMilliseconds(250);

    private Debouncer? _debouncer;
    private double _temperature = 1.0;
    private bool _greedy;
    private string _prime = "";
    private int _length = 200;
    private int? _seed = 42;
    private SampleResult? _result;
    private IReadOnlyList<RenderedSymbol> _symbols = [];
    private string? _error;
    private bool _pending;
    private int _version;
    private ElementReference _textElement, _sliderElement;
    private DotNetObjectReference<SamplingPanel>? _self;
    private IJSObjectReference? _hoverModule, _sliderModule;
    private bool _hoverUnavailable;
    private string? _sampledRunId;

    [Inject] private ISampleSource Source { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;

    /// <summary>The run to sample from.</summary>
    [Parameter, EditorRequired] public string RunId { get; set; } = "";

    /// <summary>Whether the run has weights (live session or checkpoint) to sample from.</summary>
    [Parameter] public bool CanSample { get; set; } = true;

    /// <summary>Sample once as soon as the panel is shown.</summary>
    [Parameter] public bool SampleOnOpen { get; set; } = true;

    protected override void OnInitialized() => _debouncer = new Debouncer(DebounceDelay, Time);

    protected override void OnParametersSet()
    {
        if (_sampledRunId == RunId) return;
        _sampledRunId = RunId;
        _result = null;
        _symbols = [];
        if (SampleOnOpen && CanSample) Schedule();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender) await WatchSliderAsync();
        if (_result is null || _hoverUnavailable) return;
        try
        {
            // The import map resolves this to the fingerprinted file.
            _hoverModule ??= await JS.InvokeAsync<IJSObjectReference>("import", "./assets/js/sample-hover.js");
            // Idempotent: the text element is new whenever the panel went from no sample to a sample.
            if (_hoverModule is not null) await _hoverModule.InvokeVoidAsync("attach", _textElement, SymbolGlyphs.Table);
        }
        catch (JSException)
        {
            _hoverUnavailable = true; // the text still shows; only the candidate tooltip is missing
        }
    }

    // slider-release.js reports the slider's release; without it (no JS) the debounce still samples.
    private async Task WatchSliderAsync()
    {
        try
        {
            _self = DotNetObjectReference.Create(this);
            _sliderModule = await JS.InvokeAsync<IJSObjectReference>("import", "./assets/js/slider-release.js");
            if (_sliderModule is not null) await _sliderModule.InvokeVoidAsync("watch", _sliderElement, _self);
        }
        catch (JSException)
        {
        }
    }

    private void OnTemperatureChanged(double value) { _temperature = Math.Round(value, 2); Schedule(); }

    /// <summary>The temperature slider was released at <paramref name="value"/>: the drag is over, sample at once.</summary>
    [JSInvokable]
    public Task OnSliderReleased(string value)
    {
        if (!double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var temperature))
            return Task.CompletedTask;
        return InvokeAsync(() =>
        {
            _temperature = Math.Round(temperature, 2);
            Schedule(immediately: true);
            StateHasChanged();
        });
    }
    private void OnGreedyChanged(bool value) { _greedy = value; Schedule(); }
    private void OnPrimeChanged(string? value) { _prime = value ?? ""; Schedule(); }
    private void OnLengthChanged(int value) { _length = value; Schedule(); }
    private void OnSeedChanged(int? value) { _seed = value; Schedule(); }
    private void SampleAgain() => Schedule();

    private void Schedule(bool immediately = false)
    {
        if (!CanSample || _debouncer is null) return;
        _pending = true;
        _ = immediately ? _debouncer.TriggerNow(SampleNowAsync) : _debouncer.Trigger(SampleNowAsync);
    }

    private async Task SampleNowAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await Source.SampleAsync(RunId, _greedy ? 0 : _temperature, _prime, _length, _seed, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            _result = result;
            _symbols = result.Symbols.Select(RenderedSymbol.From).ToList();
            _error = null;
            _version++;
        }
        catch (CharRnnException ex)
        {
            _error = ex.Message;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // E.g. the run ended while its weights were being copied: say so rather than spin forever.
            _error = $"Sampling failed: {ex.Message} Try again.";
        }
        if (!cancellationToken.IsCancellationRequested) _pending = false;
        await InvokeAsync(StateHasChanged);
    }

    private static string Caption(SampleResult result) =>
        $"iteration {result.Iteration:N0} · {(result.Temperature == 0 ? "greedy" : $"temperature {result.Temperature:0.00}")} · {result.Text.Length:N0} characters";

    public async ValueTask DisposeAsync()
    {
        _debouncer?.Dispose();
        _self?.Dispose();
        foreach (var module in new[] { _hoverModule, _sliderModule })
        {
            if (module is null) continue;
            try { await module.DisposeAsync(); }
            catch (JSDisconnectedException) { }
        }
    }

    /// <summary>A generated symbol with its candidates as JSON for the hover tooltip
    /// ([["e",0.61],["a",0.12],…]); Blazor attribute-encodes it, the script reads it as data.</summary>
    private sealed record RenderedSymbol(string Text, string Candidates)
    {
        public static RenderedSymbol From(SampledSymbol symbol) => new(symbol.Symbol,
            JsonSerializer.Serialize(symbol.Candidates.Select(c => new object[] { c.Symbol, Math.Round(c.Probability, 4) })
                .Prepend(new object[] { symbol.Symbol, Math.Round(symbol.Probability, 4) })));
    }
}
