using CharRnnLab.Core;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Sampling;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CharRnnLab.Web.Components.Lab;

/// <summary>
/// Samples from a run's current weights while it trains (or from its checkpoint): temperature
/// slider, greedy switch, prime, length, seed. Every change resamples after a 250 ms pause
/// (latest wins; a superseded request is cancelled), so dragging the slider runs a handful of
/// jobs, not hundreds; releasing the slider resamples at once. Text is rendered as text; hovering a character shows its top-5
/// candidates (wwwroot-assets/js/sample-hover.js). With edits (<see cref="InterventionEditor"/>), a sample is a paired one:
/// the unedited and the edited continuation from one seed, side by side (<see cref="PairedSampleView"/>); with no seed
/// given, the one drawn for both is shown in the caption.
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
    private IJSObjectReference? _sliderModule;
    private SampleHover? _hover;
    private string? _sampledRunId;
    private IReadOnlyList<Intervention> _edits = [];
    private IReadOnlyList<Intervention>? _editsParameter;
    private IReadOnlyList<string> _refused = [];
    private bool _editedHere;
    private PairedSampleResult? _paired;

    [Inject] private ISampleSource Source { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;

    /// <summary>The run to sample from.</summary>
    [Parameter, EditorRequired] public string RunId { get; set; } = "";

    /// <summary>The run, when known: then the sample says what it copies from the run's training text (a <see cref="Yardsticks.NoveltyBadge"/>).</summary>
    [Parameter] public RunSummary? Run { get; set; }

    /// <summary>Whether the run has weights (live session or checkpoint) to sample from.</summary>
    [Parameter] public bool CanSample { get; set; } = true;

    /// <summary>Sample once as soon as the panel is shown.</summary>
    [Parameter] public bool SampleOnOpen { get; set; } = true;

    /// <summary>The run's model: the editor offers c for an LSTM only and checks each edit against it.</summary>
    [Parameter] public ModelConfig? Model { get; set; }

    /// <summary>
    /// Edits to sample under, set from outside (a link's edit= values, the Neurons page's one list of edits);
    /// a new list replaces the panel's edits and samples. Those the model cannot take are left out with a warning.
    /// </summary>
    [Parameter] public IReadOnlyList<Intervention>? Edits { get; set; }

    /// <summary>
    /// Whether the panel shows its own editor of the edits. False where the page edits one list itself and hands it
    /// in as <see cref="Edits"/> (the Neurons page, whose recording under edits uses the same list).
    /// </summary>
    [Parameter] public bool ShowEditor { get; set; } = true;

    /// <summary>Raised with the panel's edits whenever the editor adds or removes one.</summary>
    [Parameter] public EventCallback<IReadOnlyList<Intervention>> EditsChanged { get; set; }

    /// <summary>Warnings about edits that could not be read (e.g. a link's bad edit= value), shown above the sample.</summary>
    [Parameter] public IReadOnlyList<string> EditWarnings { get; set; } = [];

    protected override void OnInitialized() => _debouncer = new Debouncer(DebounceDelay, Time);

    protected override void OnParametersSet()
    {
        bool editsArrived = !ReferenceEquals(Edits, _editsParameter) && Edits is not null && !Edits.SequenceEqual(_edits);
        _editsParameter = Edits;
        if (editsArrived) AdoptEdits(Edits!);
        if (_sampledRunId == RunId)
        {
            if (editsArrived) Schedule();
            return;
        }
        _sampledRunId = RunId;
        (_result, _paired, _symbols) = (null, null, []);
        if (SampleOnOpen && CanSample) Schedule();
    }

    /// <summary>Takes the edits given from outside, leaving out (with a warning) those the model refuses.</summary>
    private void AdoptEdits(IReadOnlyList<Intervention> edits)
    {
        var accepted = EditCheck.Accepted(Model, edits);
        (_edits, _refused) = (accepted.Edits, accepted.Errors);
    }

    /// <summary>The link's warnings until the edits are changed here, then the model's refusals of edits given from outside.</summary>
    private IEnumerable<string> Warnings => (_editedHere ? Array.Empty<string>() : EditWarnings).Concat(_refused);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender) await WatchSliderAsync();
        // Idempotent: the text element is new whenever the panel went from no sample to a sample.
        if (_result is not null && _edits.Count == 0) await (_hover ??= new SampleHover(JS)).AttachAsync(_textElement);
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

    private async Task OnEditsChanged(IReadOnlyList<Intervention> edits)
    {
        (_edits, _refused, _editedHere) = (edits, [], true);
        await EditsChanged.InvokeAsync(edits);
        Schedule();
    }

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
            double temperature = _greedy ? 0 : _temperature;
            if (_edits.Count > 0)
            {
                var paired = await Source.SamplePairedAsync(RunId, temperature, _prime, _length, _seed, _edits, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
                _paired = paired;
            }
            else
            {
                var result = await Source.SampleAsync(RunId, temperature, _prime, _length, _seed, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
                _result = result;
                _symbols = RenderedSymbol.All(result.Symbols);
            }
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
        $"iteration {result.Iteration:N0} · {TemperatureText(result.Temperature)} · {result.Text.Length:N0} characters";

    private static string PairedCaption(PairedSampleResult paired) =>
        $"iteration {paired.Iteration:N0} · {TemperatureText(paired.Temperature)} · seed {paired.Seed} for both · {paired.Kl.Count:N0} characters each";

    private static string TemperatureText(double temperature) => temperature == 0 ? "greedy" : $"temperature {temperature:0.00}";

    public async ValueTask DisposeAsync()
    {
        _debouncer?.Dispose();
        _self?.Dispose();
        if (_hover is not null) await _hover.DisposeAsync();
        if (_sliderModule is null) return;
        try { await _sliderModule.DisposeAsync(); }
        catch (JSDisconnectedException) { }
    }
}
