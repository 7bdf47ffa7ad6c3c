using System.Runtime.CompilerServices;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Model.Stepping;
using CharRnnLab.Core.Sampling;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Hosting;
using Microsoft.Extensions.Options;
using CharRnnLab.Web.Sampling;

namespace CharRnnLab.Web.Runs;

/// <summary>
/// Samples text on request: from a live run's current weights (a snapshot taken between
/// iterations, so training continues) or from a stopped run's checkpoint. The sampler is
/// managed code. When training uses every core, it runs as a job on the compute lane,
/// interleaved with training, rather than competing with libtorch's spinning threads; when
/// training leaves a core free (the default: TrainingThreads = cores − 1) it runs there, so
/// training does not wait for it (<see cref="SamplingPlacement"/>). The stepper is the fast one
/// (half-precision packed weights, <see cref="PackedRnn"/>): on one thread while a run trains, on
/// every core when none does (<see cref="Stepper"/>). While none trains, the panel's other temperatures
/// are sampled ahead after each sample (<see cref="SampleAhead"/>), and a request that finds its text
/// prepared returns it at once: the same text, probabilities and candidates as sampling it then.
/// </summary>
public sealed class RunSampler(RunManager runs, RunFiles files, SampleAhead ahead, IOptions<LabOptions> options) : ISampleSource
{
    /// <summary>Top candidates reported per generated symbol (shown when hovering a character).</summary>
    public const int CandidateCount = 5;

    /// <summary>Most edits one paired sample takes.</summary>
    public const int MaxEdits = 64;

    /// <param name="temperature">0 = greedy; otherwise 0.01–5.</param>
    /// <param name="seed">Fixed seed for reproducible text; null picks one.</param>
    public async Task<SampleResult> SampleAsync(string runId, double temperature, string? prime, int length, int? seed,
        CancellationToken cancellationToken = default)
    {
        prime ??= "";
        var weights = await WeightsAsync(runId, temperature, prime, length, cancellationToken);
        var family = new SampleFamily(runId, weights, prime, length, seed);
        var symbols = ahead.TryTake(family, temperature);
        if (symbols is null)
        {
            ahead.Stop(); // the request comes first; what is ready stays
            var stepper = Stepper;
            symbols = await RunAsync(() => Generate(weights, stepper, family.Options(temperature), cancellationToken), cancellationToken);
        }
        ahead.Remember(family, temperature, symbols, () => Training);
        return new SampleResult(runId, weights.Iteration, temperature, prime, string.Concat(symbols.Select(s => s.Symbol)), symbols);
    }

    /// <summary>
    /// The unedited and the edited continuation side by side (Core's <see cref="PairedSampler"/>, placed like
    /// <see cref="SampleAsync"/>): one seed for both, drawn here when <paramref name="seed"/> is null and returned.
    /// The edits are checked against the run's model with the CLI's messages. Both streams use the stepper
    /// plain sampling uses (<see cref="Stepper"/>), the edited one applying the edits through its hook.
    /// </summary>
    public async Task<PairedSampleResult> SamplePairedAsync(string runId, double temperature, string? prime, int length, int? seed,
        IReadOnlyList<Intervention> interventions, CancellationToken cancellationToken = default)
    {
        prime ??= "";
        if (interventions.Count is 0 or > MaxEdits)
            throw new LabException($"A side-by-side sample takes 1 to {MaxEdits} edits (got {interventions.Count}); without edits, sample plainly.");
        var weights = await WeightsAsync(runId, temperature, prime, length, cancellationToken);
        var edits = new InterventionSet(weights.Config, interventions);
        var sampleOptions = new SampleOptions(length, temperature, prime, seed ?? Random.Shared.Next(), TopK: 0, Candidates: CandidateCount);
        var stepper = Stepper;
        var paired = await RunAsync(() => PairedSampler.Generate(weights, sampleOptions, edits, cancellationToken, stepper), cancellationToken);
        return new PairedSampleResult(runId, weights.Iteration, temperature, prime, paired.Seed, edits.All.Select(e => e.ToString()).ToArray(),
            new SampledContinuation(paired.PlainText, paired.Plain), new SampledContinuation(paired.EditedText, paired.Edited),
            paired.FirstDivergence, paired.Kl, paired.MeanKl);
    }

    /// <summary>Checks the request and reads the weights to sample from (a live snapshot or the checkpoint).</summary>
    private async Task<ModelWeights> WeightsAsync(string runId, double temperature, string prime, int length, CancellationToken cancellationToken)
    {
        Validate(temperature, prime, length);
        var run = runs.Get(runId);
        if (!run.CanSample)
            throw new LabException($"Run {runId} has no model to sample from yet: it stopped before its first checkpoint.");
        return await files.WeightsAsync(runId, runs.Live(runId), cancellationToken);
    }

    /// <summary>Runs a sampling job on the lane or the spare core (<see cref="OnLane"/>).</summary>
    private Task<T> RunAsync<T>(Func<T> job, CancellationToken cancellationToken) =>
        OnLane ? runs.Lane.Run(job) : Task.Run(job, cancellationToken);

    /// <summary>Whether sampling jobs go to the compute lane (see <see cref="SamplingPlacement"/>).</summary>
    public bool OnLane => options.Value.SamplingPlacement switch
    {
        SamplingPlacement.Lane => true,
        SamplingPlacement.ThreadPool => false,
        _ => runs.Lane.Threads >= Environment.ProcessorCount,
    };

    /// <summary>
    /// Half-precision weights; the units split across every core only while no run is training,
    /// since the stepper's helper spins between layers and would take a core from the trainer.
    /// </summary>
    public StepperOptions Stepper => Training
        ? new StepperOptions(WeightPrecision.Float16, Threads: 1)
        : StepperOptions.AllCores;

    /// <summary>Whether a run is training now (it then has the cores: one thread samples, nothing is sampled ahead).</summary>
    private bool Training => runs.Active is { State: RunState.Running };

    /// <summary>The limits of a sampling request (also an n-gram sample's, so both models are asked alike).</summary>
    internal static void Validate(double temperature, string prime, int length)
    {
        if (!double.IsFinite(temperature) || temperature < 0 || temperature > 5)
            throw new LabException($"Temperature must be 0 (greedy) or between 0.01 and 5 (got {temperature}).");
        if (temperature is > 0 and < 0.01)
            throw new LabException($"Temperature {temperature} is too small to sample with; use 0 for greedy, or 0.01 or more.");
        if (length is < 1 or > 5000)
            throw new LabException($"Length must be between 1 and 5000 characters (got {length}).");
        if (prime.Length > 2000)
            throw new LabException($"The prime text is {prime.Length} characters; keep it to 2000 or fewer.");
    }

    /// <summary>Runs on the lane; gives up between symbols once the caller no longer wants the text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<SampledSymbol> Generate(ModelWeights weights, StepperOptions stepper, SampleOptions options,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var symbols = new List<SampledSymbol>(options.Length);
        foreach (var symbol in new Sampler(weights, stepper).Generate(options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            symbols.Add(symbol);
        }
        return symbols;
    }
}
