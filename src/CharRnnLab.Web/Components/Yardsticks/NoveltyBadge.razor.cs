using CharRnnLab.Core.Yardsticks.Novelty;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Yardsticks;
using Microsoft.AspNetCore.Components;

namespace CharRnnLab.Web.Components.Yardsticks;

/// <summary>
/// Memorisation of one sample (a timeline entry, the sampling panel's text): the longest piece also
/// in the run's training text, the share in copies of ≥ <see cref="NoveltyCheck.DefaultMinSpan"/>
/// characters, with those marked in the text, and how many of its lines are new. Checks by itself
/// when the corpus's index is quick to have, else on a press; nothing for a run without its corpus.
/// </summary>
public partial class NoveltyBadge : IDisposable
{
    private YardstickJob<NoveltyReport>? _job;
    private (string RunId, string Text)? _checked;

    [Inject] private NoveltyService Novelty { get; set; } = null!;
    [Inject] private NgramBaselineService Baselines { get; set; } = null!;

    /// <summary>The run that generated the text: its corpus and split are the training text.</summary>
    [Parameter, EditorRequired] public RunSummary Run { get; set; } = null!;

    /// <summary>The generated text.</summary>
    [Parameter, EditorRequired] public string Text { get; set; } = "";

    private double Fraction => Run.Config.Training.ValidationFraction;

    protected override void OnInitialized() => _job = new YardstickJob<NoveltyReport>(InvokeAsync, DispatchExceptionAsync, StateHasChanged);

    protected override void OnParametersSet()
    {
        if (_checked == (Run.Id, Text)) return;
        _checked = (Run.Id, Text);
        _job!.Reset();
        if (Run.HasCorpus() && Text.Length > 0 && Baselines.IsQuick(Run.CorpusId, Fraction)) _ = CheckAsync();
    }

    private Task CheckAsync()
    {
        var (corpusId, fraction, text) = (Run.CorpusId, Fraction, Text);
        return _job!.StartAsync((progress, token) => Novelty.MeasureAsync(corpusId, fraction, text, progress, token), "checking for copies…");
    }

    /// <summary>"longest copy 15 characters ("and with the c") · 0% in copies of ≥ 20 · 47 of 47 lines new".</summary>
    public static string Summary(NoveltyReport report)
    {
        string longest = report.Longest.Length == 0 ? "no character found in the training text"
            : $"longest copy {report.Longest.Length} characters (\"{Quote(report.LongestText)}\")";
        string lines = report.Lines == 0 ? "" : $" · {report.NovelLines} of {report.Lines} lines new ({report.NovelLineShare:0%})";
        return $"{longest} · {report.CopiedShare:0.#%} in copies of ≥ {report.MinSpan}{lines}";
    }

    /// <summary>The piece on one line, cut to 40 characters: the marks in the text show it whole.</summary>
    private static string Quote(string piece)
    {
        string flat = piece.Replace("\n", "↵");
        return flat.Length <= 40 ? flat : flat[..39] + "…";
    }

    public void Dispose() => _job?.Dispose();
}
