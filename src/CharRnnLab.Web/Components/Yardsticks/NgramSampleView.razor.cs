using CharRnnLab.Core.Yardsticks.Ngrams;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Yardsticks;
using Microsoft.AspNetCore.Components;

namespace CharRnnLab.Web.Components.Yardsticks;

/// <summary>
/// Sets one of the run's training samples (the latest by default) beside text from an n-gram model
/// of the run's corpus and split, of a chosen order, smoothed (Kneser–Ney) or not (Goldberg), drawn
/// at the sample's temperature and of its length. Samples by itself once asked (or at once when the
/// index is quick to have) and again on every change of sample, order or smoothing.
/// </summary>
public partial class NgramSampleView : IDisposable
{
    /// <summary>The order offered first: the paper's and Goldberg's examples run from 5 to 10.</summary>
    public const int DefaultOrder = 7;

    /// <summary>The first sample's seed; a change of order or smoothing keeps the seed (the only change is the model's), a press draws anew.</summary>
    public const int FirstSeed = 42;

    private static readonly IReadOnlyList<int> Orders = Enumerable.Range(1, NgramIndex.MaxOrder).ToList();

    private YardstickJob<ShownSample>? _job;
    private int? _iteration;
    private int _order = DefaultOrder;
    private bool _unsmoothed, _wanted;
    private int _seed = FirstSeed;
    private string? _runId;

    [Inject] private NgramSampleService Ngrams { get; set; } = null!;
    [Inject] private NgramBaselineService Baselines { get; set; } = null!;

    /// <summary>The run: its corpus and split.</summary>
    [Parameter, EditorRequired] public RunSummary Run { get; set; } = null!;

    /// <summary>The run's training samples, oldest first.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<SampleEvent> Samples { get; set; } = [];

    private int ChosenIteration => _iteration ?? (Samples.Count > 0 ? Samples[^1].Iteration : 0);

    private SampleEvent? Chosen => Samples.LastOrDefault(s => s.Iteration == ChosenIteration);

    protected override void OnInitialized() => _job = new YardstickJob<ShownSample>(InvokeAsync, DispatchExceptionAsync, StateHasChanged);

    protected override void OnParametersSet()
    {
        if (_runId == Run.Id) return;
        _runId = Run.Id;
        _wanted = Run.HasCorpus() && Baselines.IsQuick(Run.CorpusId, Run.Config.Training.ValidationFraction);
        Resample();
    }

    private void OnSampleChosen(int iteration) { _iteration = iteration; Resample(); }
    private void OnOrderChanged(int order) { _order = order; Resample(); }
    private void OnSmoothingChanged(bool unsmoothed) { _unsmoothed = unsmoothed; Resample(); }

    private Task SampleAsync()
    {
        if (_job?.Result is not null) _seed++;
        _wanted = true;
        return Resample();
    }

    private Task Resample()
    {
        if (!_wanted || Chosen is not { } sample) return Task.CompletedTask;
        var options = new NgramSampleOptions(_order, sample.Text.EnumerateRunes().Count(), sample.Temperature, _unsmoothed, _seed);
        var (corpusId, fraction) = (Run.CorpusId, Run.Config.Training.ValidationFraction);
        if (!Run.HasCorpus())
            return _job!.StartAsync((_, _) => throw RunCorpus.Missing(Run, "there is no text to build an n-gram model from"));
        return _job!.StartAsync(async (progress, token) =>
            new ShownSample(await Ngrams.SampleAsync(corpusId, fraction, options, progress, token), Caption(options)));
    }

    private static string Caption(NgramSampleOptions options) =>
        $"{options.Order}-gram · {(options.Unsmoothed ? "unsmoothed (Goldberg)" : "Kneser–Ney")} · " +
        $"{(options.Temperature == 0 ? "greedy" : $"T {options.Temperature:0.0#}")} · {options.Length:N0} characters";

    public void Dispose() => _job?.Dispose();

    /// <summary>An n-gram sample with the caption of what drew it.</summary>
    private sealed record ShownSample(string Text, string Caption);
}
