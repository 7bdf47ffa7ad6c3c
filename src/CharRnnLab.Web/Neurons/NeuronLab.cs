using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Model;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Neurons;

/// <summary>
/// Records what a run's cells do over a text, for the Neurons page and its endpoints. The
/// recorder reads a weights snapshot (a live run's, taken between iterations, or the last
/// checkpoint's), never the module the trainer updates, and runs as one job on the compute
/// lane, so it interleaves with training instead of competing for the cores. Recordings are
/// cached by (run, weights iteration, text).
/// </summary>
public sealed class NeuronLab(RunManager runs, RunFiles files, NeuronTexts texts, RecordingCache cache)
{
    /// <summary>Largest single recording (its stored arrays: float16, or float32 for an exact one; see <see cref="ActivationRecorder.EstimateBytes"/>).</summary>
    public const long MaxRecordingBytes = 768L << 20;

    /// <summary>Cells the range search lists.</summary>
    public const int RangeMatches = 12;

    /// <summary>Runs whose cells can be recorded: a live session or a checkpoint.</summary>
    public IReadOnlyList<RunSummary> RecordableRuns() => runs.List().Where(r => r.CanSample).ToList();

    /// <summary>Corpora whose validation slice the cells can read now (no download needed).</summary>
    public IReadOnlyList<CorpusInfo> ReadableCorpora() => texts.ReadableCorpora();

    /// <summary>The recording with this id, while it is cached.</summary>
    public NeuronRecording? Find(string id) => cache.Find(id);

    public async Task<NeuronRecording> RecordAsync(string runId, NeuronTextRequest request, CancellationToken cancel = default)
    {
        var run = runs.Get(runId);
        if (!run.CanSample)
            throw new LabException($"Run '{run.Name}' has no model to look into yet: it stopped before its first checkpoint. Pick another run.");
        if (request.Source == NeuronTextSource.Validation && !run.HasCorpus())
            throw RunCorpus.Missing(run, "there is no validation slice of its own to read; read another corpus's, a sample from the model or pasted text");
        var weights = await files.WeightsAsync(run.Id, runs.Live(run.Id), cancel);
        var text = await texts.ResolveAsync(run, request, weights.Vocabulary, cancel);
        string id = RecordingId(run.Id, weights.Iteration, request.Exact, text.Text);
        if (cache.Find(id) is { } cached) return cached;

        var options = request.Exact ? RecordingOptions.Exact : new RecordingOptions();
        CheckSize(weights.Config, text.Text, options);
        var recording = await runs.Lane.Run(() => Analyse(id, run, weights, text, options, cancel));
        cache.Add(recording);
        return recording;
    }

    /// <summary>
    /// Fits the sparse linear probe for one feature on the compute lane: how few cells, combined,
    /// reproduce it. For a feature no single cell carries (a quote state spread over many cells)
    /// this is the answer the correlation chips cannot give. Seconds for a 10,000-character text.
    /// </summary>
    public async Task<SparseProbeResult> ProbeAsync(NeuronRecording recording, string feature, CancellationToken cancel = default)
    {
        var track = FeatureTracks.Find(feature);
        var cells = new CellSelection(Kinds: HuntKinds(recording.Recording));
        return await runs.Lane.Run(() =>
        {
            cancel.ThrowIfCancellationRequested(); // superseded while it waited: leave the lane to training
            float[] values = track.Compute(recording.Recording.Symbols);
            if (values.Min() == values.Max())
                throw new LabException($"The {track.Name} feature does not vary in this text, so there is nothing to probe. Use a text where it does.");
            return SparseProbe.Fit(recording.Recording, values, cells: cells, binary: track.IsBinary);
        }).WaitAsync(cancel);
    }

    /// <summary>
    /// LSTMVis-style search on the compute lane: cells above <paramref name="threshold"/> on
    /// [start, end) and below it just around. A search cancelled before its turn (a newer edit
    /// superseded it) is skipped; the task then ends cancelled at once.
    /// </summary>
    public Task<IReadOnlyList<RangeMatch>> FindRangeAsync(NeuronRecording recording, int start, int end, ActivationKind kind,
        float threshold, CancellationToken cancel = default) =>
        runs.Lane.Run(() =>
        {
            cancel.ThrowIfCancellationRequested();
            return RangeSearch.Find(recording.Recording, start, end, threshold, margin: 3, top: RangeMatches, cells: new CellSelection(Kinds: [kind]));
        }).WaitAsync(cancel);

    /// <summary>Runs on the compute lane: the recording, then the cheap managed analyses over it.</summary>
    private static NeuronRecording Analyse(string id, RunSummary run, ModelWeights weights, NeuronText text,
        RecordingOptions options, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var recording = ActivationRecorder.Record(weights, text.Text, options, cancel: cancel);
        var features = NeuronHunter.HuntAll(recording, options: new NeuronHuntOptions { Top = 3, Cells = new CellSelection(Kinds: HuntKinds(recording)) });
        var gates = GateStatistics.Compute(recording);
        var means = recording.Arrays.ToDictionary(a => a, a => NeuronRecording.UnitMeans(recording.Get(a.Layer, a.Kind), recording.Characters, recording.Units));
        return new NeuronRecording(id, run.Id, run.Name, weights.Iteration, text.Description, recording, features, gates, means, clock.Elapsed)
        {
            Weights = weights,
        };
    }

    /// <summary>Raw c is left out of the hunt: tanh(c) ranks the same cells on a bounded scale.</summary>
    private static List<ActivationKind> HuntKinds(ActivationRecording recording) =>
        recording.RecordedKinds.Where(k => k != ActivationKind.Cell).ToList();

    private static void CheckSize(ModelConfig config, string text, RecordingOptions options)
    {
        int characters = text.EnumerateRunes().Count();
        long bytes = ActivationRecorder.EstimateBytes(config, characters, options);
        if (bytes <= MaxRecordingBytes) return;
        long perCharacter = ActivationRecorder.EstimateBytes(config, 1, options);
        throw new LabException($"Recording {characters:N0} characters through this {config.Layers}×{config.Hidden} model would take " +
            $"{bytes / (1 << 20):N0} MB; the lab records at most {MaxRecordingBytes / (1 << 20):N0} MB at once. " +
            $"Choose at most {MaxRecordingBytes / perCharacter:N0} characters.");
    }

    /// <summary>The cache key as a URL-safe id: the same run, weights and text give the same id.</summary>
    public static string RecordingId(string runId, int iteration, bool exact, string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{runId}\n{iteration}\n{(exact ? "exact" : "streams")}\n{text}"));
        return Convert.ToHexStringLower(hash, 0, 12);
    }
}
