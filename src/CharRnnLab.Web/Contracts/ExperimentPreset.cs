using System.Globalization;
using CharRnnLab.Core.Benchmarks;
using CharRnnLab.Core.Settings;

namespace CharRnnLab.Web.Contracts;

/// <summary>One way to run an experiment: the corpus it trains on and the run's settings.</summary>
/// <param name="CorpusId">A catalogue corpus's id, or the id of the corpus the user builds (Paul Graham).</param>
/// <param name="Config">The settings (Core's defaults where the experiment says nothing).</param>
public sealed record ExperimentSetup(string CorpusId, RunConfig Config)
{
    /// <summary>"3×512, dropout 0.5": the model's depth and width, and dropout when there is some.</summary>
    public string Shape => $"{Config.Model.Layers}×{Config.Model.Hidden}" +
                           (Config.Model.Dropout > 0 ? $", dropout {Config.Model.Dropout.ToString("0.##", CultureInfo.InvariantCulture)}" : "");

    /// <summary>The same run from the command line, into <paramref name="runDirectory"/>.</summary>
    public string TrainCommand(string runDirectory) =>
        $"charrnn train --corpus \"$(charrnn corpora path {CorpusId})\" --out {runDirectory} {TrainFlags}";

    /// <summary>The `charrnn train` options that give these settings: one per setting that differs from Core's default.</summary>
    public string TrainFlags => string.Join(" ",
        RunSettings.All.Where(s => s.Format(Config) != s.DefaultText).Select(s => $"--{s.Flag} {s.Format(Config)}"));
}

/// <summary>
/// One section of Karpathy's post as a preset (<see cref="ExperimentPresets"/>): what the post trained, in its words,
/// its setting, and a CPU-sized one whose time is derived from the training rate measured here.
/// </summary>
/// <param name="Id">Stable id, e.g. "shakespeare" (test ids, URLs).</param>
/// <param name="Title">The post's section.</param>
/// <param name="PostTrained">What the post trained on and with what, saying which parts it does not state.</param>
/// <param name="PostTime">How long the post says it trained ("a few hours on a GPU"), or "time not stated".</param>
/// <param name="ThePost">The post's setting, on the post's corpus.</param>
/// <param name="Here">The CPU-sized setting, on a corpus this machine learns from in minutes.</param>
/// <param name="Vocabulary">About how many distinct symbols <see cref="Here"/>'s corpus has (the estimate is made before it is downloaded).</param>
/// <param name="CorpusNote">Why the post's corpus cannot be downloaded and what to do instead, or null when it can.</param>
public sealed record ExperimentPreset(
    string Id, string Title, string PostTrained, string PostTime, ExperimentSetup ThePost, ExperimentSetup Here, int Vocabulary,
    string? CorpusNote = null)
{
    /// <summary>Where the README's commands write the run of <paramref name="setup"/> (one of this experiment's two).</summary>
    public string RunDirectory(ExperimentSetup setup) => setup == ThePost ? $"runs/{Id}-post" : $"runs/{Id}";

    /// <summary>The CPU variant's wall time at <see cref="ExperimentPresets.MeasuredFlopsPerSecond"/>.</summary>
    public TimeSpan HereTime => RunDuration.At(Here.Config, Vocabulary, ExperimentPresets.MeasuredFlopsPerSecond);

    /// <summary>"the post: 3×512, dropout 0.5, a few hours on a GPU; here: 2×128, ~10 min".</summary>
    public string SideBySide => $"the post: {ThePost.Shape}, {PostTime}; here: {Here.Shape}, ~{Duration(HereTime)}";

    /// <summary>"40 s", "12 min", "3.5 h": a rough time, as an estimate should be read.</summary>
    public static string Duration(TimeSpan time) => time.TotalSeconds switch
    {
        < 90 => $"{Math.Round(time.TotalSeconds):0} s",
        < 90 * 60 => $"{Math.Round(time.TotalMinutes):0} min",
        _ => $"{time.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} h",
    };
}
