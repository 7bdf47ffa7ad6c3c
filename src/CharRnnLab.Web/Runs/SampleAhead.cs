using CharRnnLab.Core.Model.Stepping;
using CharRnnLab.Core.Sampling;
using CharRnnLab.Web.Sampling;

namespace CharRnnLab.Web.Runs;

/// <summary>
/// Samples the panel's other temperatures (<see cref="TemperatureGrid"/>) ahead, in the background,
/// after each sample, so that releasing the slider usually finds its text ready. Why: at 2×512 one
/// sample of 500 characters costs ≈ 200 ms on one core, most of the 250 ms the page may take from
/// release to paint. It uses temperature strips (<see cref="Sampler.GenerateStrip"/>: several
/// temperatures stepped together, each pair sharing one pass over the weights), nearest temperatures
/// first, on one thread (a core stays free for the page and for a request that misses).
/// <para>
/// Honest by construction: a strip's stream equals a separate sample with the same seed, symbol by
/// symbol, probabilities and candidates too. Only one family (run, snapshot, prime, length, seed;
/// <see cref="SampleFamily"/>) is kept; a new one replaces it. Nothing is prepared for a random seed,
/// for texts over <see cref="MaxLength"/>, or while a run trains (checked before each character).
/// </para>
/// </summary>
public sealed class SampleAhead(ILogger<SampleAhead> logger) : IDisposable
{
    /// <summary>Temperatures sampled in one strip: two pairs, so the nearest four are ready after ≈ 2 samples' time.</summary>
    public const int StripSize = 4;

    /// <summary>Longest text prepared ahead (40 prepared texts of it hold ≈ 15 MB of symbols and candidates).</summary>
    public const int MaxLength = 1000;

    /// <summary>Wait after a sample before preparing, so the page renders the text it asked for first.</summary>
    public static readonly TimeSpan StartDelay = TimeSpan.FromMilliseconds(200);

    private static readonly StepperOptions Stepper = new(WeightPrecision.Float16, Threads: 1);
    private readonly Lock _lock = new();
    private SampleFamily? _family;
    private Dictionary<int, IReadOnlyList<SampledSymbol>> _ready = [];
    private CancellationTokenSource? _work;
    private Task _preparing = Task.CompletedTask;

    /// <summary>The preparation under way (completed when none is): what a benchmark waits for before a warm release.</summary>
    public Task Preparing { get { lock (_lock) return _preparing; } }

    /// <summary>The prepared symbols of <paramref name="family"/> at <paramref name="temperature"/>, or null.</summary>
    public IReadOnlyList<SampledSymbol>? TryTake(SampleFamily family, double temperature)
    {
        lock (_lock)
            return family == _family && _ready.TryGetValue(TemperatureGrid.Key(temperature), out var symbols) ? symbols : null;
    }

    /// <summary>
    /// Keeps a sample just returned and, unless <paramref name="training"/>() says a run trains, prepares
    /// the family's grid temperatures not yet ready, nearest to <paramref name="temperature"/> first.
    /// </summary>
    public void Remember(SampleFamily family, double temperature, IReadOnlyList<SampledSymbol> symbols, Func<bool> training)
    {
        if (family.Seed is null || family.Length > MaxLength) return;
        lock (_lock)
        {
            if (family != _family) Forget(family);
            _ready[TemperatureGrid.Key(temperature)] = symbols;
            bool running = _work is not null && !_preparing.IsCompleted;
            if (running || training()) return;
            var missing = TemperatureGrid.Nearest(temperature).Where(t => !_ready.ContainsKey(TemperatureGrid.Key(t))).ToArray();
            if (missing.Length == 0) return;
            _work = new CancellationTokenSource();
            _preparing = PrepareAsync(family, missing, training, _work.Token);
        }
    }

    /// <summary>Stops preparing (a request that missed needs the CPU), keeping what is ready.</summary>
    public void Stop()
    {
        lock (_lock) Cancel();
    }

    /// <summary>Stops preparing and drops every prepared sample (the benchmark's cold case: nothing prepared).</summary>
    public void Clear()
    {
        lock (_lock) Forget(null);
    }

    private async Task PrepareAsync(SampleFamily family, double[] temperatures, Func<bool> training, CancellationToken token)
    {
        try
        {
            await Task.Delay(StartDelay, token).ConfigureAwait(false);
            await Task.Run(() =>
            {
                foreach (var strip in temperatures.Chunk(StripSize))
                    if (!PrepareStrip(family, strip, training, token)) return;
            }, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Nothing waits on this: a request that misses samples as if nothing had been prepared.
            logger.LogWarning(ex, "Sampling ahead for run {RunId} failed", family.RunId);
        }
    }

    /// <summary>Samples one strip and keeps its texts; false when stopped (cancelled, or a run started training).</summary>
    private bool PrepareStrip(SampleFamily family, double[] temperatures, Func<bool> training, CancellationToken token)
    {
        var streams = temperatures.Select(_ => new List<SampledSymbol>(family.Length)).ToArray();
        foreach (var step in new Sampler(family.Weights, Stepper).GenerateStrip(family.Options(temperatures[0]), temperatures))
        {
            if (token.IsCancellationRequested || training()) return false;
            for (int k = 0; k < streams.Length; k++) streams[k].Add(step[k]);
        }
        lock (_lock)
        {
            if (token.IsCancellationRequested) return false;
            for (int k = 0; k < streams.Length; k++) _ready[TemperatureGrid.Key(temperatures[k])] = streams[k];
        }
        return true;
    }

    /// <summary>Cancels the preparation under way (under the lock). The source is not disposed: the cancelled
    /// work may still read its token.</summary>
    private void Cancel()
    {
        _work?.Cancel();
        _work = null;
    }

    /// <summary>Cancels, drops every prepared sample and keeps <paramref name="family"/>'s from now on (under the lock).</summary>
    private void Forget(SampleFamily? family)
    {
        Cancel();
        (_family, _ready) = (family, []);
    }

    public void Dispose() => Stop();
}
