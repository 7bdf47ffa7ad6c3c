using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Yardsticks;
using Microsoft.AspNetCore.Components;

namespace CharRnnLab.Web.Components.Yardsticks;

/// <summary>
/// The run page's n-gram chart: computes the baselines of the run's corpus and split by itself when
/// that is quick (<see cref="NgramBaselineService.IsQuick"/>), else on a button press, showing what it
/// is doing meanwhile; a refusal (too large a corpus, no validation split) is shown as Core words it.
/// </summary>
public partial class NgramBaselinePanel : IDisposable
{
    private YardstickJob<NgramBaseline>? _job;
    private (string CorpusId, double Fraction)? _shown;
    private string? _missingCorpus;
    private bool _bits;

    [Inject] private NgramBaselineService Baselines { get; set; } = null!;

    /// <summary>The run to measure: its corpus, split and model.</summary>
    [Parameter, EditorRequired] public RunSummary Run { get; set; } = null!;

    /// <summary>The run's best validation loss so far (nats per character): the level line and the verdict.</summary>
    [Parameter] public double? BestValidationLoss { get; set; }

    private double Fraction => Run.Config.Training.ValidationFraction;

    protected override void OnInitialized() => _job = new YardstickJob<NgramBaseline>(InvokeAsync, DispatchExceptionAsync, StateHasChanged);

    protected override void OnParametersSet()
    {
        if (_shown == (Run.CorpusId, Fraction)) return;
        _shown = (Run.CorpusId, Fraction);
        _job!.Reset();
        _missingCorpus = Run.HasCorpus() ? null : RunCorpus.Missing(Run, "there is no text to build n-gram baselines from").Message;
        if (_missingCorpus is null && Baselines.IsQuick(Run.CorpusId, Fraction)) _ = ComputeAsync();
    }

    private Task ComputeAsync()
    {
        var (corpusId, fraction) = (Run.CorpusId, Fraction);
        return _job!.StartAsync((progress, token) => Baselines.BaselineAsync(corpusId, fraction, progress, token));
    }

    private string Verdict(NgramBaseline baseline) => BestValidationLoss is { } nats
        ? NgramVerdict.Of(baseline, nats).Caption(Run.Config.Model.Cell.ToString().ToUpperInvariant(), _bits)
        : $"no validation loss yet to compare (the best n-gram, a {baseline.Best.Order}-gram: {NgramVerdict.Format(baseline.Best.Nats, _bits)})";

    public void Dispose() => _job?.Dispose();
}
