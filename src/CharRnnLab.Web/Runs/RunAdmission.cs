using CharRnnLab.Core.Settings;
using CharRnnLab.Core.Training;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Hosting;

namespace CharRnnLab.Web.Runs;

/// <summary>
/// The lab's own rules on top of Core's limits, in one place: a run trains with the lab's thread count
/// (Lab:TrainingThreads) and must fit the lab's memory budget (Lab:MaxTrainingMemoryMb).
/// </summary>
public sealed class RunAdmission(LabOptions options)
{
    /// <summary>The configuration a request asks for, with the lab's thread count; a <see cref="LabException"/> listing every problem.</summary>
    public RunConfig Admit(StartRunRequest request)
    {
        var (config, errors) = RunRequests.Read(request);
        if (errors.Count > 0) throw new LabException(string.Join(" ", errors.Select(e => e.Message)));
        return WithLabThreads(config);
    }

    /// <summary><paramref name="config"/> training on the lab's lane: its threads are the lab's, whatever was saved.</summary>
    public RunConfig WithLabThreads(RunConfig config) =>
        config with { Training = config.Training with { Threads = options.EffectiveTrainingThreads } };

    /// <summary>Refuses a run whose estimated training memory exceeds the budget, saying what it needs and what to lower.</summary>
    public void CheckMemory(RunConfig config, int vocabularySize)
    {
        var estimate = MemoryEstimate.For(config, vocabularySize);
        long budget = options.EffectiveMaxTrainingMemoryBytes;
        if (estimate.Total <= budget) return;
        string lower = estimate.Activations >= estimate.Total / 2
            ? "Lower the batch size, the sequence length, the hidden size or the layers"
            : "Lower the hidden size, the layers or the embedding";
        throw new LabException($"This run needs about {estimate.Describe()} to train, more than the lab's budget of " +
            $"{Core.Corpora.Download.DownloadProgress.FormatBytes(budget)} (Lab:MaxTrainingMemoryMb). {lower}, or raise Lab:MaxTrainingMemoryMb.");
    }
}
