using CharRnnLab.Core;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Corpora.Download;
using CharRnnLab.Core.Settings;
using CharRnnLab.Core.Training;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Hosting;
using CharRnnLab.Web.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Runs;

/// <summary>
/// Brings a checkpoint trained elsewhere (charrnn train, another lab) into the lab as a completed
/// run: the upload is saved under a temporary name in a new run directory, checked whole by Core's
/// <see cref="CheckpointFile.Verify"/>, renamed to the run's checkpoint and registered with the
/// settings, loss history and samples it holds. Its corpus is linked when the lab has one of that
/// name with the same symbols. Any failure removes the new directory and row (nothing else is touched) and
/// ends in a <see cref="CharRnnException"/> whose message the page shows.
/// </summary>
public sealed class RunImporter(RunManager runs, RunFiles files, RunStore store, ILabCorpora corpora, RunNotifier notifier,
    IOptions<LabOptions> options, ILogger<RunImporter> logger)
{
    /// <summary>The file extension of checkpoints.</summary>
    public const string Extension = ".crnn";

    private const string TemporaryName = ".import.tmp";

    /// <summary>Validates and registers an uploaded checkpoint; on failure nothing is stored.</summary>
    /// <param name="fileName">The name it was uploaded as; errors name it, and it names the run.</param>
    /// <param name="content">The file's bytes (at most Lab:MaxUploadBytes).</param>
    /// <param name="cancellationToken">Abandons the import, leaving nothing behind.</param>
    public async Task<RunSummary> ImportAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        string shown = Path.GetFileName(fileName);
        CheckName(shown);
        var now = DateTimeOffset.UtcNow;
        string id = RunIds.New(now);
        string directory = files.Directory(id);
        if (Directory.Exists(directory) || runs.Find(id) is not null)
            throw new LabException($"Run id {id} is taken at this instant; import {shown} again.");
        try
        {
            Directory.CreateDirectory(directory);
            string temporary = Path.Combine(directory, TemporaryName);
            await SaveAsync(content, temporary, shown, cancellationToken);
            var meta = await Task.Run(() => CheckpointFile.Verify(temporary, shown), cancellationToken);
            var corpus = await Task.Run(() => FindCorpus(meta), cancellationToken);
            File.Move(temporary, CheckpointFile.PathFor(directory));
            var summary = Register(id, shown, meta, corpus, now);
            notifier.Publish(new RunUpdate(summary, [], [], StateChanged: true));
            return summary;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Discard(id);
            throw new LabException($"Could not store {shown} in {options.Value.RunsDirectory}: {ex.Message} " +
                "Free some disk space and import it again; nothing was added.");
        }
        catch (SqliteException ex)
        {
            Discard(id);
            throw new LabException($"Could not record {shown} in the lab's run database: {ex.Message} Nothing was added; import it again.");
        }
        catch (Exception ex) when (ex is not CharRnnException and not OperationCanceledException)
        {
            // Whatever went wrong, the page must say so: an import never ends without an outcome.
            Discard(id);
            logger.LogError(ex, "Importing {FileName} failed unexpectedly", shown);
            throw new LabException($"Could not import {shown}: {ex.Message} Nothing was added; " +
                "check that it is a checkpoint written by charrnn train or the lab.");
        }
        catch
        {
            Discard(id);
            throw;
        }
    }

    private static void CheckName(string shown)
    {
        if (!shown.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
            throw new LabException($"{shown} is not a checkpoint: the lab imports {Extension} files, such as the " +
                $"{CheckpointFile.FileName} that charrnn train --out DIR writes into DIR. Choose that file.");
    }

    /// <summary>Copies the upload to <paramref name="path"/>, refusing more than Lab:MaxUploadBytes.</summary>
    private async Task SaveAsync(Stream content, string path, string shown, CancellationToken cancellationToken)
    {
        long limit = options.Value.MaxUploadBytes, total = 0;
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        var buffer = new byte[81_920];
        int read;
        while ((read = await ReadUploadAsync(content, buffer, shown, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
                throw new LabException($"{shown} is larger than the upload limit of {DownloadProgress.FormatBytes(limit)}. " +
                    "Raise Lab:MaxUploadBytes to import it.");
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    /// <summary>A read from the browser that fails is the upload breaking off, not the disk filling up.</summary>
    private static async Task<int> ReadUploadAsync(Stream content, byte[] buffer, string shown, CancellationToken cancellationToken)
    {
        try
        {
            return await content.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException ex)
        {
            throw new LabException($"The upload of {shown} broke off ({ex.Message}). Import it again; nothing was added.");
        }
    }

    /// <summary>
    /// The first lab corpus on this machine that the checkpoint names (by id, name or file name) and that has
    /// the same symbols, else null. A catalogue corpus not downloaded yet cannot be compared, so it is not linked.
    /// </summary>
    private CorpusInfo? FindCorpus(CheckpointMetadata meta) =>
        corpora.List().Where(c => c.Available && Matches(c, meta.CorpusName)).FirstOrDefault(c => SameSymbols(c, meta));

    private bool SameSymbols(CorpusInfo corpus, CheckpointMetadata meta)
    {
        try
        {
            return corpora.Load(corpus.Id).Vocabulary.ToStrings().SequenceEqual(meta.Vocabulary);
        }
        catch (CharRnnException ex)
        {
            logger.LogWarning(ex, "Could not load corpus {CorpusId} to compare it with an imported checkpoint", corpus.Id);
            return false;
        }
    }

    private static bool Matches(CorpusInfo corpus, string name) =>
        string.Equals(corpus.Id, name, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(corpus.Name, name, StringComparison.OrdinalIgnoreCase) ||
        (corpus.Path is { } path && string.Equals(Path.GetFileNameWithoutExtension(path), name, StringComparison.OrdinalIgnoreCase));

    private RunSummary Register(string id, string shown, CheckpointMetadata meta, CorpusInfo? corpus, DateTimeOffset now)
    {
        string name = RunName(shown, meta);
        var validation = meta.History.LastOrDefault(p => p.ValidationLoss is not null)?.ValidationLoss;
        var summary = new RunSummary(id, name, meta.CorpusName, RunState.Completed, Describe(shown, meta, corpus), meta.Iteration,
            meta.Iteration, meta.History.LastOrDefault()?.TrainLoss, validation, meta.Iteration, now, now, corpus?.Id ?? "",
            new RunConfig(meta.Model, meta.Training));
        store.Insert(summary);
        var (progress, samples) = History(id, meta);
        store.Append(summary, progress, samples);
        return summary;
    }

    /// <summary>The file's name, unless it is the default checkpoint.crnn: then "corpus · 2×128", as the lab names runs.</summary>
    private static string RunName(string shown, CheckpointMetadata meta)
    {
        string stem = Path.GetFileNameWithoutExtension(shown).Trim();
        bool generic = stem.Length == 0 || stem.Equals(Path.GetFileNameWithoutExtension(CheckpointFile.FileName), StringComparison.OrdinalIgnoreCase);
        return generic ? $"{meta.CorpusName} · {meta.Model.Layers}×{meta.Model.Hidden}" : stem;
    }

    private static string Describe(string shown, CheckpointMetadata meta, CorpusInfo? corpus)
    {
        string origin = $"Imported from {shown}: trained on '{meta.CorpusName}' ({meta.Device}) to iteration {meta.Iteration:N0}, " +
                        $"saved {meta.SavedAt:yyyy-MM-dd HH:mm}.";
        return corpus is not null
            ? origin
            : origin + " Its corpus is not in the lab, so the Neurons page reads samples or pasted text, and training it further " +
              "needs charrnn train --resume with the text it learned from.";
    }

    /// <summary>The checkpoint's loss curve (smoothed as the lab smooths it) and training samples, as stored events.</summary>
    private (List<ProgressEvent> Progress, List<SampleEvent> Samples) History(string id, CheckpointMetadata meta)
    {
        var buffer = new RunHistoryBuffer(options.Value.MaxChartPoints);
        var progress = meta.History.Select(p => buffer.Add(id, new TrainingProgress(p.Iteration, meta.Iteration, 0, p.TrainLoss,
            p.ValidationLoss, meta.Training.LearningRate, 0, 0, TimeSpan.Zero, null))).ToList();
        var samples = meta.Samples.Select(s => new SampleEvent(id, s.Iteration, s.Temperature, s.Text, s.TrainLoss)).ToList();
        return (progress, samples);
    }

    private void Discard(string id)
    {
        try
        {
            store.Delete(id);
            files.Delete(id);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException)
        {
            logger.LogWarning(ex, "Could not clean up the failed import {RunId}", id);
        }
    }
}
