using CharRnnLab.Core.Settings;
using CharRnnLab.Core.Training;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Hosting;

namespace CharRnnLab.Web.Runs;

/// <summary>
/// The lab's own rules on top of Core's limits, in one place: a run trains with the lab's thread count
/// (Lab:TrainingThreads), must fit the lab's memory budget (Lab:MaxTrainingMemoryMb) and needs a free
/// training slot (Lab:MaxConcurrentRuns).
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

    /// <summary>Why no run can start beside <paramref name="active"/> (the runs training or paused now): every training
    /// slot is taken; null when one is free.</summary>
    public string? SlotRefusal(IReadOnlyCollection<RunSummary> active)
    {
        if (active.Count < options.MaxConcurrentRuns) return null;
        var names = string.Join(", ", active.Select(s => $"'{s.Name}' ({s.Id}, {s.State.Wire()})"));
        return $"Run {names} is already training, and the lab trains {options.MaxConcurrentRuns} run(s) at a time " +
               "(setting Lab:MaxConcurrentRuns). Stop it, or wait until it finishes, then start again.";
    }
}
